package dev.pylon.runtime.config;

import java.util.Map;

/** An implementation a module provides: {@code provides.<implId>: {interface, description, config}}. */
public record ProvidedImpl(String implId, String interfaceName, String description, Map<String, ConfigEntry> config) {

    public ProvidedImpl {
        config = Map.copyOf(config);
    }
}
