package dev.pylon.runtime.config;

import dev.pylon.api.ImplementationId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code active_modules}: a module instance, its config values (defaults filled in after validation)
 * and its connections.
 *
 * @param configModule         {@code config_module}: key to value (Boolean, Long, Double or String)
 * @param configImplementation {@code config_implementation}: impl id to key to value
 * @param connections          {@code connections}: requirement id to the connected implementations, in config order
 */
public record ModuleInstance(String moduleId, String moduleName, Map<String, Object> configModule,
        Map<String, Map<String, Object>> configImplementation, Map<String, List<ImplementationId>> connections) {

    public ModuleInstance {
        configModule = Collections.unmodifiableMap(new LinkedHashMap<>(configModule));
        configImplementation = Collections.unmodifiableMap(new LinkedHashMap<>(configImplementation));
        connections = Collections.unmodifiableMap(new LinkedHashMap<>(connections));
    }
}
