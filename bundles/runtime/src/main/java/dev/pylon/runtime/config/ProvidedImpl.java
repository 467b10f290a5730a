package dev.pylon.runtime.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An implementation a module provides: {@code provides.<implId>: {interface, description, config}}.
 *
 * @param config its config keys, in manifest order
 */
public record ProvidedImpl(String implId, String interfaceName, String description, Map<String, ConfigEntry> config) {

    public ProvidedImpl {
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }
}
