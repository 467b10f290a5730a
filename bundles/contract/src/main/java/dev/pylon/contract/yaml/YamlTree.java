package dev.pylon.contract.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pylon.contract.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read into a Jackson tree that remembers where each node stood, so that a problem found later
 * (a meta-schema rule, a dangling {@code $ref}, a bad value in a runtime config) can name the line. Jackson's tree
 * model drops locations, so the tree is built here from the streaming parser.
 *
 * <p>Nodes are addressed by JSON pointer ({@code /active_modules/connector_1/module}); an object member is located at
 * its key, an array element or the root at its first token.
 */
public final class YamlTree {
    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String file;
    private final JsonNode root;
    private final Map<String, int[]> locations;

    private YamlTree(String file, JsonNode root, Map<String, int[]> locations) {
        this.file = file;
        this.root = root;
        this.locations = locations;
    }

    /** Parses {@code text}; syntax errors and duplicate keys are added to {@code problems} and give {@code null}. */
    public static YamlTree parse(String file, String text, List<Problem> problems) {
        Map<String, int[]> locations = new HashMap<>();
        List<Problem> found = new ArrayList<>();
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            JsonNode root = first == null ? NODES.objectNode() : read(file, parser, "", locations, found);
            problems.addAll(found);
            return found.isEmpty() ? new YamlTree(file, root, locations) : null;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add(new Problem(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "not valid YAML: " + e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            problems.add(new Problem(file, 0, 0, "cannot be read: " + e.getMessage()));
            return null;
        }
    }

    private static JsonNode read(String file, JsonParser p, String pointer, Map<String, int[]> locations,
            List<Problem> problems) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        locations.putIfAbsent(pointer, new int[] {at.getLineNr(), at.getColumnNr()});
        switch (p.currentToken()) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = pointer + "/" + escape(name);
                    JsonLocation keyAt = p.currentTokenLocation();
                    if (object.has(name)) {
                        problems.add(new Problem(file, keyAt.getLineNr(), keyAt.getColumnNr(),
                                "duplicate key '" + name + "'"));
                    }
                    locations.put(child, new int[] {keyAt.getLineNr(), keyAt.getColumnNr()});
                    p.nextToken();
                    object.set(name, read(file, p, child, locations, problems));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                int index = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(file, p, pointer + "/" + index++, locations, problems));
                }
                return array;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return integral(p);
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new JsonProcessingException("unexpected " + p.currentToken(), at) { };
        }
    }

    private static JsonNode integral(JsonParser p) throws IOException {
        switch (p.getNumberType()) {
            case INT:
                return NODES.numberNode(p.getIntValue());
            case LONG:
                return NODES.numberNode(p.getLongValue());
            default:
                return NODES.numberNode(p.getBigIntegerValue());
        }
    }

    /** One JSON-pointer segment for a key: {@code ~} and {@code /} escaped as RFC 6901 says. */
    public static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** The pointer of member or element {@code name} below {@code pointer}. */
    public static String child(String pointer, String name) {
        return pointer + "/" + escape(name);
    }

    /** The pointer of element {@code index} below {@code pointer}. */
    public static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    public String file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /** Whether the document has a node at exactly this pointer. */
    public boolean has(String pointer) {
        return locations.containsKey(pointer);
    }

    /** A problem at the node {@code pointer} (a JSON pointer), or at its nearest located ancestor. */
    public Problem problemAt(String pointer, String message) {
        String p = pointer;
        while (true) {
            int[] at = locations.get(p);
            if (at != null) {
                return new Problem(file, at[0], at[1], message);
            }
            if (p.isEmpty()) {
                return new Problem(file, 0, 0, message);
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }
}
