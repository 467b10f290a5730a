package dev.pylon.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pylon.contract.Contract;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a value that should satisfy a schema of the contract, filling every optional property too, so that a round
 * trip exercises every component of a generated record. Tests check each value against the schema before using it.
 */
final class SampleValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 4;
    private final Contract contract;

    SampleValues(Contract contract) {
        this.contract = contract;
    }

    JsonNode of(JsonNode schema) {
        return of(schema, 0, 0);
    }

    private JsonNode of(JsonNode schema, int depth, int variant) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            int hash = ref.indexOf("#/");
            return of(contract.findType(ref.substring(1, hash), ref.substring(hash + 2)).orElseThrow(), depth, variant);
        }
        JsonNode anyOf = schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
        if (anyOf != null) {
            for (JsonNode branch : anyOf) {
                if (!"null".equals(branch.path("type").asText())) {
                    return of(branch, depth, variant);
                }
            }
        }
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.get(variant % values.size());
        }
        switch (type(schema)) {
            case "string":
                return NODES.textNode(string(schema, variant));
            case "integer":
                return NODES.numberNode(integer(schema, variant));
            case "number":
                return NODES.numberNode(number(schema));
            case "boolean":
                return NODES.booleanNode(true);
            case "array":
                return array(schema, depth);
            case "object":
                return object(schema, depth);
            default:
                return NODES.nullNode();
        }
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
            return "null";
        }
        return type.asText("object");
    }

    private static String string(JsonNode schema, int variant) {
        if ("date-time".equals(schema.path("format").asText())) {
            return "2026-11-22T10:0" + (variant % 10) + ":00Z";
        }
        String pattern = schema.path("pattern").asText("");
        if (pattern.contains("(:[A-F")) {
            return "0A:1B:2C:3D:4E:5" + (variant % 10);
        }
        if (pattern.contains("[0-9A-Fa-f]")) {
            return "0A1B2C";
        }
        String text = "sample" + variant;
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        while (text.length() < min) {
            text += "x";
        }
        return text.length() > max ? text.substring(0, max) : text;
    }

    private static long integer(JsonNode schema, int variant) {
        long min = schema.has("minimum") ? (long) Math.ceil(schema.get("minimum").asDouble()) : 0;
        long max = schema.has("maximum") ? (long) Math.floor(schema.get("maximum").asDouble()) : min + 100;
        return Math.min(max, min + 1 + variant);
    }

    private static double number(JsonNode schema) {
        boolean hasMin = schema.has("minimum");
        boolean hasMax = schema.has("maximum");
        double min = schema.path("minimum").asDouble();
        double max = schema.path("maximum").asDouble();
        if (hasMin && hasMax) {
            return (min + max) / 2;
        }
        return hasMin ? min + 1.5 : hasMax ? max - 1.5 : 12.5;
    }

    private ArrayNode array(JsonNode schema, int depth) {
        ArrayNode array = NODES.arrayNode();
        int min = schema.path("minItems").asInt(0);
        int max = schema.path("maxItems").asInt(Integer.MAX_VALUE);
        int count = depth >= MAX_DEPTH ? min : Math.min(max, Math.max(min, 2));
        JsonNode items = schema.path("items");
        for (int i = 0; i < count; i++) {
            array.add(items.isMissingNode() ? NODES.textNode("item" + i) : of(items, depth + 1, i));
        }
        return array;
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        schema.path("properties").fields().forEachRemaining(p -> {
            if (depth < MAX_DEPTH || required.contains(p.getKey())) {
                object.set(p.getKey(), of(p.getValue(), depth + 1, 0));
            }
        });
        if (!schema.has("properties") && schema.path("additionalProperties").isObject()) {
            object.set("key", of(schema.get("additionalProperties"), depth + 1, 0));
        }
        return object;
    }
}
