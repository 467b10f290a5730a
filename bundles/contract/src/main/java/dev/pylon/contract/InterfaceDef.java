package dev.pylon.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One interface file: its cmds, vars and the errors its providers may raise.
 *
 * @param vars       var name to JSON schema, in file order
 * @param errors     the error types it may raise, resolved from its {@code errors} references
 *                   ({@code <file>/<Name>}, for example {@code evse_board_support/MREC2GroundFailure})
 * @param extensions the {@code x-...} keys at the top of the file
 */
public record InterfaceDef(String name, String description, Map<String, CmdDef> cmds, Map<String, JsonNode> vars,
        List<String> errors, Map<String, JsonNode> extensions) {

    public InterfaceDef {
        cmds = Collections.unmodifiableMap(new LinkedHashMap<>(cmds));
        vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
        errors = List.copyOf(errors);
        extensions = Map.copyOf(extensions);
    }
}
