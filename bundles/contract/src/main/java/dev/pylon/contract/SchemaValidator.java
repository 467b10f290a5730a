package dev.pylon.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import dev.pylon.contract.yaml.SchemaRegistries;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks values against the contract at run time: cmd arguments and results, vars, and named types. Each schema is
 * compiled once, on first use (or all at once with {@link #compileAll()}), and then shared; instances are thread-safe.
 */
public final class SchemaValidator {
    private final Contract contract;
    private final SchemaRegistry registry;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    public SchemaValidator(Contract contract) {
        this.contract = contract;
        ObjectMapper json = new ObjectMapper();
        Map<String, String> documents = new HashMap<>();
        contract.typeFiles().forEach((stem, file) -> {
            try {
                documents.put(SchemaRegistries.BASE + stem, json.writeValueAsString(file.types()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("type file " + stem + " cannot be written as JSON", e);
            }
        });
        this.registry = SchemaRegistries.draft7(documents);
    }

    public Contract contract() {
        return contract;
    }

    /** Compiles every schema of the contract now, so that the first call on the bus pays nothing extra. */
    public SchemaValidator compileAll() {
        contract.interfaces().values().forEach(i -> {
            i.cmds().values().forEach(c -> {
                c.arguments().keySet().forEach(a -> argumentSchema(i.name(), c.name(), a));
                if (c.hasResult()) {
                    resultSchema(i.name(), c.name());
                }
            });
            i.vars().keySet().forEach(v -> varSchema(i.name(), v));
        });
        return this;
    }

    public void validateArgument(String iface, String cmd, String argument, JsonNode value) {
        check(iface + "." + cmd + "." + argument, argumentSchema(iface, cmd, argument), value);
    }

    /** Checks every argument, and that none is missing or unknown (EVerest calls them by name). */
    public void validateArguments(String iface, String cmd, Map<String, JsonNode> arguments) {
        CmdDef def = cmd(iface, cmd);
        List<String> details = new ArrayList<>();
        for (String name : def.arguments().keySet()) {
            if (!arguments.containsKey(name)) {
                details.add("argument '" + name + "' is missing (rule: required)");
            }
        }
        for (String name : arguments.keySet()) {
            if (!def.arguments().containsKey(name)) {
                details.add("argument '" + name + "' is not declared; declared: " + def.arguments().keySet()
                        + " (rule: additionalProperties)");
            }
        }
        if (!details.isEmpty()) {
            throw new SchemaViolation(iface + "." + cmd, details);
        }
        arguments.forEach((name, value) -> validateArgument(iface, cmd, name, value));
    }

    public void validateResult(String iface, String cmd, JsonNode value) {
        Schema schema = resultSchema(iface, cmd);
        if (schema == null) {
            if (value != null && !value.isNull() && !value.isMissingNode()) {
                throw new SchemaViolation(iface + "." + cmd + ".result",
                        List.of("the cmd declares no result but returned " + value + " (rule: type)"));
            }
            return;
        }
        check(iface + "." + cmd + ".result", schema, value);
    }

    public void validateVar(String iface, String var, JsonNode value) {
        check(iface + "." + var, varSchema(iface, var), value);
    }

    public void validateType(String typeFile, String type, JsonNode value) {
        if (contract.findType(typeFile, type).isEmpty()) {
            throw new IllegalArgumentException("unknown type /" + typeFile + "#/" + type);
        }
        Schema schema = compiled.computeIfAbsent("type:" + typeFile + "#/" + type,
                k -> registry.getSchema(SchemaLocation.of(SchemaRegistries.BASE + typeFile + "#/" + type)));
        check(typeFile + "." + type, schema, value);
    }

    private static void check(String subject, Schema schema, JsonNode value) {
        JsonNode instance = value == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : value;
        List<Error> errors = schema.validate(instance);
        if (!errors.isEmpty()) {
            List<String> details = new ArrayList<>(errors.size());
            for (Error error : errors) {
                String at = SchemaRegistries.pointer(error);
                details.add((at.isEmpty() ? "" : at + ": ") + SchemaRegistries.describe(error));
            }
            throw new SchemaViolation(subject, details);
        }
    }

    private Schema argumentSchema(String iface, String cmd, String argument) {
        return compiled.computeIfAbsent("arg:" + iface + "." + cmd + "." + argument, k -> {
            JsonNode schema = cmd(iface, cmd).arguments().get(argument);
            if (schema == null) {
                throw new IllegalArgumentException(iface + "." + cmd + " has no argument '" + argument + "'");
            }
            return compile(iface, "/cmds/" + cmd + "/arguments/" + argument, schema);
        });
    }

    private Schema resultSchema(String iface, String cmd) {
        CmdDef def = cmd(iface, cmd);
        if (!def.hasResult()) {
            return null;
        }
        return compiled.computeIfAbsent("result:" + iface + "." + cmd,
                k -> compile(iface, "/cmds/" + cmd + "/result", def.result()));
    }

    private Schema varSchema(String iface, String var) {
        return compiled.computeIfAbsent("var:" + iface + "." + var, k -> {
            JsonNode schema = contract.requireInterface(iface).vars().get(var);
            if (schema == null) {
                throw new IllegalArgumentException("interface " + iface + " has no var '" + var + "'");
            }
            return compile(iface, "/vars/" + var, schema);
        });
    }

    private Schema compile(String iface, String pointer, JsonNode schema) {
        return registry.getSchema(SchemaLocation.of(SchemaRegistries.BASE + "interfaces/" + iface + "#" + pointer),
                schema);
    }

    private CmdDef cmd(String iface, String cmd) {
        CmdDef def = contract.requireInterface(iface).cmds().get(cmd);
        if (def == null) {
            throw new IllegalArgumentException("interface " + iface + " has no cmd '" + cmd + "'");
        }
        return def;
    }
}
