package dev.pylon.tools.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A class the generator will write: a record for an object schema or an enum for a string enum. */
abstract class Decl {
    final String simpleName;
    final String fqn;
    final String description;
    final JsonNode schema;
    /** Types declared inside this one (inline object and enum schemas of its properties). */
    final List<Decl> nested = new ArrayList<>();

    Decl(String simpleName, String fqn, String description, JsonNode schema) {
        this.simpleName = simpleName;
        this.fqn = fqn;
        this.description = description;
        this.schema = schema;
    }

    static final class RecordDecl extends Decl {
        /** Property name (as on the wire) to component, in schema order. Filled after the name is known. */
        final Map<String, Component> components = new LinkedHashMap<>();

        RecordDecl(String simpleName, String fqn, String description, JsonNode schema) {
            super(simpleName, fqn, description, schema);
        }
    }

    static final class EnumDecl extends Decl {
        EnumDecl(String simpleName, String fqn, String description, JsonNode schema) {
            super(simpleName, fqn, description, schema);
        }
    }

    /** One record component: its wire name, Java name, type, whether required, and its description. */
    record Component(String wireName, String javaName, JType type, boolean required, String description) {
    }
}
