package dev.pylon.contract.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.keyword.UnknownKeywordFactory;
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

    /**
     * Draft-07 that knows the contract's own keys: EVerest's {@code qos} and the {@code x-...} extension keys are data,
     * not validation rules, and must not be logged as unknown keywords on every compile.
     */
    private static final Dialect DIALECT = Dialect.builder(Dialects.getDraft7())
            // A type file is registered as one document whose top-level keys are its type names (PascalCase, which
            // no JSON-schema keyword is), so that EVerest's $ref: /<file>#/<Type> resolves; those are not keywords.
            .unknownKeywordFactory((name, context) -> name.equals("qos") || name.startsWith("x-")
                    || Character.isUpperCase(name.charAt(0))
                    ? new NonValidationKeyword(name) : UnknownKeywordFactory.getInstance().getKeyword(name, context))
            .build();

    private SchemaRegistries() {
    }

    /** A draft-07 registry that knows the given documents (IRI to JSON text) and fetches nothing remote. */
    public static SchemaRegistry draft7(Map<String, String> documents) {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build();
        return SchemaRegistry.withDefaultDialect(DIALECT,
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
