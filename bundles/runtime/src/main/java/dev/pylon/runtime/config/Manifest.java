package dev.pylon.runtime.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A module's {@code manifest.yaml} in EVerest's format.
 *
 * @param moduleName the module type, for example {@code EvseManager} (the {@code module} of a config entry)
 * @param source     where it was read from, for messages
 */
public record Manifest(String moduleName, String source, String description, Map<String, ConfigEntry> config,
        Map<String, ProvidedImpl> provides, Map<String, Requirement> requires, boolean enableGlobalErrors) {

    public Manifest {
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        provides = Collections.unmodifiableMap(new LinkedHashMap<>(provides));
        requires = Collections.unmodifiableMap(new LinkedHashMap<>(requires));
    }
}
