package dev.pylon.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One config key of a manifest ({@code config} of the module, or of one provided implementation).
 *
 * @param type         {@code boolean}, {@code integer}, {@code number} or {@code string}
 * @param schema       the whole entry as a JSON schema (enum, minimum, maximum, pattern... apply to values)
 * @param defaultValue the default, or {@code null} when the key is mandatory
 * @param mutability   {@code ReadOnly}, {@code ReadWrite} or {@code WriteOnly}
 */
public record ConfigEntry(String key, String type, String description, JsonNode schema, JsonNode defaultValue,
        String mutability) {

    /** A key without a default must be set in the runtime config. */
    public boolean mandatory() {
        return defaultValue == null;
    }
}
