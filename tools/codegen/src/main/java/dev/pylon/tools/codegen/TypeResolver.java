package dev.pylon.tools.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pylon.contract.Contract;
import dev.pylon.contract.TypeFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps JSON schemas to Java types, declaring a record or enum wherever the contract has an object or a string enum:
 * top level for the named types of a type file and for inline types of interfaces, nested for inline property types.
 */
final class TypeResolver {
    private final Contract contract;
    private final Map<String, JType> named = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();
    private final Map<String, String> topLevelNamed = new HashMap<>();
    /** Package to the top-level declarations in it, in contract order. */
    final Map<String, List<Decl>> topLevel = new LinkedHashMap<>();
    private final Map<String, Set<String>> usedTopLevelNames = new HashMap<>();

    TypeResolver(Contract contract) {
        this.contract = contract;
        List<Decl.RecordDecl> records = new ArrayList<>();
        for (TypeFile file : contract.typeFiles().values()) {
            String pkg = Names.typesPackage(file.stem());
            for (Map.Entry<String, JsonNode> type : file.types().entrySet()) {
                JsonNode schema = type.getValue();
                String name = Names.pascal(type.getKey());
                if (isRecord(schema)) {
                    Decl.RecordDecl decl = new Decl.RecordDecl(name, pkg + "." + name, description(schema), schema);
                    addTopLevel(pkg, decl);
                    records.add(decl);
                    named.put(key(file.stem(), type.getKey()), JType.object(decl.fqn));
                    topLevelNamed.put(key(file.stem(), type.getKey()), decl.fqn);
                } else if (isEnum(schema)) {
                    Decl.EnumDecl decl = new Decl.EnumDecl(name, pkg + "." + name, description(schema), schema);
                    addTopLevel(pkg, decl);
                    named.put(key(file.stem(), type.getKey()), JType.object(decl.fqn));
                    topLevelNamed.put(key(file.stem(), type.getKey()), decl.fqn);
                }
            }
        }
        for (Decl.RecordDecl record : records) {
            fill(record, record.fqn.substring(0, record.fqn.lastIndexOf('.')));
        }
    }

    /** {@code /<file>#/<Type>} to the generated class, for every named record and enum type of the type files. */
    Map<String, String> namedClasses() {
        Map<String, String> out = new java.util.TreeMap<>();
        topLevelNamed.forEach((key, fqn) -> out.put("/" + key.replace("#", "#/"), fqn));
        return out;
    }

    /** The Java type of {@code schema}; inline records and enums are declared top level in {@code pkg}. */
    JType resolveTopLevel(JsonNode schema, String pkg, String suggestedName) {
        return resolve(schema, new Scope(pkg, null), suggestedName);
    }

    static boolean isRecord(JsonNode schema) {
        return !schema.has("$ref") && "object".equals(singleType(schema)) && schema.has("properties");
    }

    static boolean isEnum(JsonNode schema) {
        return !schema.has("$ref") && "string".equals(singleType(schema)) && schema.has("enum")
                && !schema.has("anyOf");
    }

    /** The schema's one non-null type, or null when it has none or several. */
    static String singleType(JsonNode schema) {
        List<String> types = types(schema);
        types.remove("null");
        return types.size() == 1 ? types.get(0) : null;
    }

    static boolean allowsNull(JsonNode schema) {
        return types(schema).contains("null");
    }

    private static List<String> types(JsonNode schema) {
        List<String> types = new ArrayList<>();
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            types.add(type.asText());
        } else if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        }
        return types;
    }

    private JType resolve(JsonNode schema, Scope scope, String name) {
        if (schema.has("$ref")) {
            return ref(schema.get("$ref").asText());
        }
        boolean nullable = allowsNull(schema);
        JsonNode anyOf = schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
        if (anyOf != null) {
            // The only union the contract uses is "a type or null"; anything wider stays untyped JSON.
            List<JsonNode> branches = new ArrayList<>();
            anyOf.forEach(b -> {
                if (!"null".equals(b.path("type").asText())) {
                    branches.add(b);
                }
            });
            return branches.size() == 1 ? resolve(branches.get(0), scope, name).nullable() : JType.JSON;
        }
        String type = singleType(schema);
        if (type == null) {
            return types(schema).equals(List.of("null")) ? JType.VOID : JType.JSON;
        }
        JType result;
        switch (type) {
            case "string":
                result = schema.has("enum") ? declare(new Decl.EnumDecl(name, null, description(schema), schema), scope)
                        : JType.STRING;
                break;
            case "integer":
                result = fitsInt(schema) ? JType.INT : JType.LONG;
                break;
            case "number":
                result = JType.DOUBLE;
                break;
            case "boolean":
                result = JType.BOOLEAN;
                break;
            case "array":
                result = JType.list(schema.has("items") ? resolve(schema.get("items"), scope, name + "Item") : JType.JSON);
                break;
            case "object":
                if (schema.has("properties")) {
                    result = declare(new Decl.RecordDecl(name, null, description(schema), schema), scope);
                } else if (schema.path("additionalProperties").isObject()) {
                    result = JType.map(resolve(schema.get("additionalProperties"), scope, name + "Value"));
                } else {
                    result = JType.JSON;
                }
                break;
            default:
                result = JType.JSON;
        }
        return nullable ? result.nullable() : result;
    }

    private static boolean fitsInt(JsonNode schema) {
        JsonNode min = schema.get("minimum");
        JsonNode max = schema.get("maximum");
        return (min == null || min.asDouble() >= Integer.MIN_VALUE) && (max == null || max.asDouble() <= Integer.MAX_VALUE);
    }

    JType ref(String ref) {
        int hash = ref.indexOf("#/");
        String stem = ref.substring(1, hash);
        String type = ref.substring(hash + 2);
        String key = key(stem, type);
        JType known = named.get(key);
        if (known != null) {
            return known;
        }
        if (!resolving.add(key)) {
            throw new IllegalStateException("type alias cycle through " + ref);
        }
        JsonNode schema = contract.findType(stem, type)
                .orElseThrow(() -> new IllegalStateException("unresolved $ref " + ref));
        JType alias = resolve(schema, new Scope(Names.typesPackage(stem), null), Names.pascal(type));
        named.put(key, alias);
        return alias;
    }

    private JType declare(Decl decl, Scope scope) {
        Decl placed;
        if (scope.enclosing == null) {
            String name = unique(usedTopLevelNames.computeIfAbsent(scope.pkg, k -> new HashSet<>()), decl.simpleName);
            placed = copy(decl, name, scope.pkg + "." + name);
            addTopLevel(scope.pkg, placed);
        } else {
            Set<String> taken = new HashSet<>();
            scope.enclosing.nested.forEach(d -> taken.add(d.simpleName));
            for (String outer : scope.enclosingNames()) {
                taken.add(outer);
            }
            String name = unique(taken, decl.simpleName);
            placed = copy(decl, name, scope.enclosing.fqn + "." + name);
            scope.enclosing.nested.add(placed);
        }
        if (placed instanceof Decl.RecordDecl record) {
            fill(record, scope.pkg, scope);
        }
        return JType.object(placed.fqn);
    }

    private void addTopLevel(String pkg, Decl decl) {
        topLevel.computeIfAbsent(pkg, k -> new ArrayList<>()).add(decl);
        usedTopLevelNames.computeIfAbsent(pkg, k -> new HashSet<>()).add(decl.simpleName);
    }

    private static Decl copy(Decl decl, String name, String fqn) {
        return decl instanceof Decl.RecordDecl
                ? new Decl.RecordDecl(name, fqn, decl.description, decl.schema)
                : new Decl.EnumDecl(name, fqn, decl.description, decl.schema);
    }

    private static String unique(Set<String> taken, String name) {
        String candidate = name;
        for (int i = 2; taken.contains(candidate); i++) {
            candidate = name + i;
        }
        return candidate;
    }

    private void fill(Decl.RecordDecl record, String pkg) {
        fill(record, pkg, null);
    }

    private void fill(Decl.RecordDecl record, String pkg, Scope outer) {
        Scope inner = new Scope(pkg, record, outer);
        Set<String> required = new HashSet<>();
        record.schema.path("required").forEach(r -> required.add(r.asText()));
        Set<String> javaNames = new HashSet<>();
        record.schema.path("properties").fields().forEachRemaining(p -> {
            JsonNode schema = p.getValue();
            JType type = resolve(schema, inner, Names.pascal(p.getKey()));
            boolean isRequired = required.contains(p.getKey());
            JType componentType = isRequired && !allowsNull(schema) ? type : type.nullable();
            String javaName = unique(javaNames, Names.camel(p.getKey()));
            javaNames.add(javaName);
            record.components.put(p.getKey(),
                    new Decl.Component(p.getKey(), javaName, componentType, isRequired, description(schema)));
        });
    }

    static String description(JsonNode schema) {
        return schema.path("description").asText("");
    }

    private static String key(String stem, String type) {
        return stem + "#" + type;
    }

    /** Where a newly found inline type goes: top level in {@code pkg}, or nested in {@code enclosing}. */
    private static final class Scope {
        final String pkg;
        final Decl enclosing;
        final Scope outer;

        Scope(String pkg, Decl enclosing) {
            this(pkg, enclosing, null);
        }

        Scope(String pkg, Decl enclosing, Scope outer) {
            this.pkg = pkg;
            this.enclosing = enclosing;
            this.outer = outer;
        }

        /** Java forbids a nested type with the name of any type enclosing it. */
        List<String> enclosingNames() {
            List<String> names = new ArrayList<>();
            for (Scope s = this; s != null; s = s.outer) {
                if (s.enclosing != null) {
                    names.add(s.enclosing.simpleName);
                }
            }
            return names;
        }
    }
}
