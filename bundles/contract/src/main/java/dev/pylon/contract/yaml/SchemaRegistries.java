package dev.pylon.contract.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.keyword.UnknownKeywordFactory;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import dev.pylon.contract.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How Pylon sets up networknt's json-schema-validator: draft-07, no network, type files under one base IRI; and how
 * its errors become Pylon's messages (a JSON pointer to the offending node, and the rule that failed).
 */
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

    /**
     * Where a problem is reported: like {@link #pointer}, except that an unknown or badly named key is reported at the
     * key itself rather than at the object holding it.
     */
    public static String location(Error error) {
        String pointer = pointer(error);
        boolean aboutKey = "additionalProperties".equals(error.getKeyword())
                || "propertyNames".equals(error.getKeyword());
        if (aboutKey && error.getProperty() != null) {
            return YamlTree.child(pointer, error.getProperty());
        }
        return pointer;
    }

    /**
     * Compiles a meta-schema written in YAML and shipped as a resource next to {@code owner}.
     *
     * @param resource the resource name relative to {@code owner}, for example {@code meta/manifest.schema.yaml}
     * @param iri      where the schema is located for the registry (its {@code $ref}s resolve against it)
     * @throws IllegalStateException when the resource is missing or not valid YAML (a broken build)
     */
    public static Schema fromResource(SchemaRegistry registry, Class<?> owner, String resource, String iri) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing meta-schema " + resource + " next to " + owner.getName());
            }
            List<Problem> problems = new ArrayList<>();
            YamlTree tree = YamlTree.parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8), problems);
            if (tree == null) {
                throw new IllegalStateException("meta-schema " + resource + " is broken: " + problems);
            }
            return registry.getSchema(SchemaLocation.of(iri), tree.root());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
