package dev.pylon.contract.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import java.util.Map;

/** How Pylon sets up networknt's json-schema-validator: draft-07, no network, type files under one base IRI. */
public final class SchemaRegistries {
    /**
     * The base under which each type file's {@code types} object is registered, so that EVerest's
     * {@code $ref: /<file>#/<Type>} resolves from any schema located below it.
     */
    public static final String BASE = "https://contract.pylon.dev/";

    private SchemaRegistries() {
    }

    /** A draft-07 registry that knows the given documents (IRI to JSON text) and fetches nothing remote. */
    public static SchemaRegistry draft7(Map<String, String> documents) {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build();
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                builder -> builder.schemas(documents).schemaRegistryConfig(config));
    }

    /** The JSON pointer of the instance node an error is about ("" for the root). */
    public static String pointer(Error error) {
        NodePath path = error.getInstanceLocation();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            out.append('/').append(YamlTree.escape(String.valueOf(path.getElement(i))));
        }
        return out.toString();
    }

    /** One line for an error: the failed rule and what it says, for example {@code enum: does not have a value ...}. */
    public static String describe(Error error) {
        String message = error.getMessage();
        return message + " (rule: " + error.getKeyword() + ")";
    }

    static JsonNode orEmpty(JsonNode node) {
        return node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
    }
}
