package dev.pylon.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A cmd of an interface.
 *
 * @param arguments argument name to JSON schema, in the order the file declares them
 * @param result    the result schema, or {@code null} when the cmd returns nothing
 * @param extensions the {@code x-...} keys of the cmd (for example the Matter command id)
 */
public record CmdDef(String name, String description, Map<String, JsonNode> arguments, JsonNode result,
        Map<String, JsonNode> extensions) {

    public CmdDef {
        arguments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(arguments));
        extensions = Map.copyOf(extensions);
    }

    public boolean hasResult() {
        return result != null;
    }
}
