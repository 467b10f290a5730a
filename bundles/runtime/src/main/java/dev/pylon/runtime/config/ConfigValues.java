package dev.pylon.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import dev.pylon.contract.yaml.SchemaRegistries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Config values against the JSON schema of their manifest entry: compiling, checking, describing, converting. */
final class ConfigValues {
    /** Where the meta-schemas and entry schemas are located for the validator (nothing is fetched from there). */
    static final String BASE = SchemaRegistries.BASE + "runtime/";
    private static final SchemaRegistry REGISTRY = SchemaRegistries.draft7(Map.of());
    /** Keywords of an entry that describe the key rather than restrict its values. */
    private static final List<String> NOT_RULES = List.of("mutability", "description", "default");
    private static final List<String> RULES = List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
            "multipleOf", "minLength", "maxLength", "pattern", "format", "const");

    private ConfigValues() {
    }

    static Schema meta(String name) {
        return SchemaRegistries.fromResource(REGISTRY, ConfigValues.class, "meta/" + name + ".schema.yaml",
                BASE + "meta/" + name);
    }

    /** The entry as a schema for one value; {@code where} only names it (for example {@code EvseManager/config/x}). */
    static Schema compile(JsonNode entry, String where) {
        ObjectNode rules = entry.deepCopy();
        rules.remove(NOT_RULES);
        return REGISTRY.getSchema(SchemaLocation.of(BASE + "manifests/" + where), rules);
    }

    /** What is wrong with {@code value}, one line per failed rule; empty when it is valid. */
    static List<String> check(Schema schema, JsonNode value) {
        List<String> out = new ArrayList<>();
        for (Error error : schema.validate(value)) {
            out.add(SchemaRegistries.describe(error));
        }
        if (out.isEmpty() && "integer".equals(schema.getSchemaNode().path("type").asText())
                && value.isIntegralNumber() && !value.canConvertToLong()) {
            out.add("does not fit in a 64-bit integer (rule: type)");
        }
        return out;
    }

    /** What a value of this entry must look like, for example {@code integer (minimum 0, maximum 3)}. */
    static String expected(JsonNode entry) {
        StringBuilder out = new StringBuilder(entry.path("type").asText("a scalar"));
        List<String> rules = new ArrayList<>();
        if (entry.has("enum")) {
            List<String> values = new ArrayList<>();
            entry.get("enum").forEach(v -> values.add(v.isTextual() ? v.textValue() : v.toString()));
            rules.add("one of " + values);
        }
        for (String rule : RULES) {
            if (entry.has(rule)) {
                JsonNode v = entry.get(rule);
                rules.add(rule + " " + (v.isTextual() ? v.textValue() : v.toString()));
            }
        }
        if (!rules.isEmpty()) {
            out.append(rules.stream().collect(Collectors.joining(", ", " (", ")")));
        }
        return out.toString();
    }

    /** A value as the runtime hands it to modules: Boolean, Long, Double or String, as the entry's type says. */
    static Object convert(String type, JsonNode value) {
        switch (type) {
            case "boolean":
                return value.booleanValue();
            case "integer":
                return value.longValue();
            case "number":
                return value.doubleValue();
            case "string":
                return value.textValue();
            default:
                throw new IllegalArgumentException("config type '" + type + "'");
        }
    }

    /** A settings value by its own YAML type: Boolean, Long, Double or String ({@code null} for anything else). */
    static Object scalar(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        return null;
    }

    /** How a value is quoted in messages. */
    static String show(JsonNode value) {
        return value.isTextual() ? "'" + value.textValue() + "'" : value.toString();
    }
}
