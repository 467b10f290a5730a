package dev.pylon.runtime.config;

import dev.pylon.contract.Contract;
import java.util.Map;

/**
 * Reads a runtime config (EVerest format) and checks all of it before anything starts: module types, config keys
 * (unknown, missing mandatory, wrong type or range), connections (missing module or implementation, wrong interface,
 * too few or too many). Every problem is reported at once with file and line.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /**
     * @param source    how messages name the file
     * @param manifests every known module type's manifest, by module name
     * @param contract  the contract, to check that interfaces exist and connections match them
     * @throws ConfigException listing every problem
     */
    public static RuntimeConfig load(String source, String yamlText, Map<String, Manifest> manifests, Contract contract) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
