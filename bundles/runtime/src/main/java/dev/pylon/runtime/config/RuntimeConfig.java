package dev.pylon.runtime.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A runtime config in EVerest's format ({@code settings}, {@code active_modules}), checked against the manifests of
 * its module types, with every default filled in.
 *
 * @param source    the file it was read from, for messages
 * @param settings  {@code settings}: key to value
 * @param modules   module id to instance, in file order
 * @param manifests module type to manifest, for every type the config uses
 */
public record RuntimeConfig(String source, Map<String, Object> settings, Map<String, ModuleInstance> modules,
        Map<String, Manifest> manifests) {

    public RuntimeConfig {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        modules = Collections.unmodifiableMap(new LinkedHashMap<>(modules));
        manifests = Collections.unmodifiableMap(new LinkedHashMap<>(manifests));
    }

    /** {@code settings.validate_schema}: whether the bus checks cmds and vars against the contract (default on). */
    public boolean validateSchema() {
        Object value = settings.get("validate_schema");
        return value == null || Boolean.TRUE.equals(value);
    }

    public Manifest manifestOf(String moduleId) {
        ModuleInstance instance = modules.get(moduleId);
        if (instance == null) {
            throw new IllegalArgumentException("no module '" + moduleId + "' in " + source + "; modules: " + modules.keySet());
        }
        return manifests.get(instance.moduleName());
    }
}
