package dev.pylon.runtime.internal.bus;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The project's JSON mapping of contract values: the generated records and enums carry their wire names as Jackson
 * annotations, so a plain mapper writes exactly what the contract's schemas describe.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    /** The shared mapper; thread-safe, never reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
