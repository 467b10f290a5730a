package dev.pylon.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import dev.pylon.contract.yaml.SchemaRegistries;
import dev.pylon.contract.yaml.YamlTree;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a contract and checks it: YAML syntax, the meta-schemas, and that every {@code $ref} and error reference
 * points at something that exists. Every problem is collected, each with file and line, before anything is rejected.
 */
public final class ContractLoader {
    private static final Pattern TYPE_REF = Pattern.compile("^/([A-Za-z0-9_]+)#/([A-Za-z_][A-Za-z0-9_.-]*)$");
    private static final Pattern ERROR_REF = Pattern.compile("^/errors/([A-Za-z0-9_]+)(?:#/([A-Za-z0-9]+))?$");
    private static final Map<SourceFile.Kind, Schema> META = metaSchemas();

    private ContractLoader() {
    }

    /** Loads the files; throws {@link ContractException} listing every problem if any file is wrong. */
    public static Contract load(List<SourceFile> files) {
        List<Problem> problems = new ArrayList<>();
        Map<SourceFile.Kind, Map<String, YamlTree>> trees = new EnumMap<>(SourceFile.Kind.class);
        for (SourceFile.Kind kind : SourceFile.Kind.values()) {
            trees.put(kind, new LinkedHashMap<>());
        }
        // Files that are not valid YAML are reported once; references into them are not reported again as dangling.
        Map<SourceFile.Kind, Set<String>> unreadable = new EnumMap<>(SourceFile.Kind.class);
        for (SourceFile.Kind kind : SourceFile.Kind.values()) {
            unreadable.put(kind, new HashSet<>());
        }
        for (SourceFile file : files) {
            YamlTree tree = YamlTree.parse(file.path(), file.text(), problems);
            if (tree == null) {
                unreadable.get(file.kind()).add(file.stem());
                continue;
            }
            if (trees.get(file.kind()).putIfAbsent(file.stem(), tree) != null) {
                problems.add(new Problem(file.path(), 0, 0, "a second " + file.kind().folder() + " file named '"
                        + file.stem() + "'"));
                continue;
            }
            for (Error error : META.get(file.kind()).validate(tree.root())) {
                problems.add(tree.problemAt(SchemaRegistries.location(error), SchemaRegistries.describe(error)));
            }
        }
        Map<String, TypeFile> typeFiles = new LinkedHashMap<>();
        trees.get(SourceFile.Kind.TYPES).forEach((stem, tree) -> typeFiles.put(stem, typeFile(stem, tree.root())));
        Map<String, ErrorFile> errorFiles = new LinkedHashMap<>();
        trees.get(SourceFile.Kind.ERRORS).forEach((stem, tree) -> errorFiles.put(stem, errorFile(stem, tree.root())));
        for (YamlTree tree : trees.get(SourceFile.Kind.TYPES).values()) {
            checkTypeRefs(tree, tree.root(), "", typeFiles, unreadable.get(SourceFile.Kind.TYPES), problems);
        }
        Map<String, InterfaceDef> interfaces = new LinkedHashMap<>();
        trees.get(SourceFile.Kind.INTERFACE).forEach((stem, tree) -> {
            checkTypeRefs(tree, tree.root(), "", typeFiles, unreadable.get(SourceFile.Kind.TYPES), problems);
            List<String> errors = resolveErrors(tree, errorFiles, unreadable.get(SourceFile.Kind.ERRORS), problems);
            interfaces.put(stem, interfaceDef(stem, tree.root(), errors));
        });
        if (!problems.isEmpty()) {
            throw new ContractException(problems);
        }
        return new Contract(interfaces, typeFiles, errorFiles);
    }

    private static void checkTypeRefs(YamlTree tree, JsonNode node, String pointer, Map<String, TypeFile> typeFiles,
            Set<String> unreadable, List<Problem> problems) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = YamlTree.child(pointer, field.getKey());
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    String ref = field.getValue().asText();
                    Matcher m = TYPE_REF.matcher(ref);
                    if (!m.matches()) {
                        problems.add(tree.problemAt(child, "$ref '" + ref + "' must have the form /<type file>#/<Type>"));
                    } else if (unreadable.contains(m.group(1))) {
                        continue;
                    } else if (!typeFiles.containsKey(m.group(1))) {
                        problems.add(tree.problemAt(child, "$ref '" + ref + "' names a type file '" + m.group(1)
                                + "' that does not exist; known: " + typeFiles.keySet()));
                    } else if (!typeFiles.get(m.group(1)).types().containsKey(m.group(2))) {
                        problems.add(tree.problemAt(child, "$ref '" + ref + "': type file '" + m.group(1)
                                + "' has no type '" + m.group(2) + "'"));
                    }
                } else {
                    checkTypeRefs(tree, field.getValue(), child, typeFiles, unreadable, problems);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkTypeRefs(tree, node.get(i), pointer + "/" + i, typeFiles, unreadable, problems);
            }
        }
    }

    private static List<String> resolveErrors(YamlTree tree, Map<String, ErrorFile> errorFiles, Set<String> unreadable,
            List<Problem> problems) {
        List<String> errors = new ArrayList<>();
        JsonNode list = tree.root().path("errors");
        for (int i = 0; i < list.size(); i++) {
            String ref = list.get(i).path("reference").asText();
            Matcher m = ERROR_REF.matcher(ref);
            ErrorFile file = m.matches() ? errorFiles.get(m.group(1)) : null;
            if (file == null && m.matches() && unreadable.contains(m.group(1))) {
                continue;
            }
            if (file == null) {
                problems.add(tree.problemAt("/errors/" + i + "/reference", "error reference '" + ref
                        + "' names no error file; known: " + errorFiles.keySet()));
                continue;
            }
            if (m.group(2) == null) {
                file.errors().forEach(e -> errors.add(e.type()));
            } else if (file.errors().stream().anyMatch(e -> e.name().equals(m.group(2)))) {
                errors.add(file.stem() + "/" + m.group(2));
            } else {
                problems.add(tree.problemAt("/errors/" + i + "/reference", "error reference '" + ref
                        + "': error file '" + file.stem() + "' has no error '" + m.group(2) + "'"));
            }
        }
        return errors;
    }

    private static TypeFile typeFile(String stem, JsonNode root) {
        Map<String, JsonNode> types = new LinkedHashMap<>();
        root.path("types").fields().forEachRemaining(e -> types.put(e.getKey(), e.getValue()));
        return new TypeFile(stem, root.path("description").asText(), types);
    }

    private static ErrorFile errorFile(String stem, JsonNode root) {
        List<ErrorFile.ErrorDecl> errors = new ArrayList<>();
        for (JsonNode e : root.path("errors")) {
            String name = e.path("name").asText();
            errors.add(new ErrorFile.ErrorDecl(name, e.path("description").asText(), stem + "/" + name));
        }
        return new ErrorFile(stem, root.path("description").asText(), errors);
    }

    private static InterfaceDef interfaceDef(String name, JsonNode root, List<String> errors) {
        Map<String, CmdDef> cmds = new LinkedHashMap<>();
        root.path("cmds").fields().forEachRemaining(c -> {
            Map<String, JsonNode> arguments = new LinkedHashMap<>();
            c.getValue().path("arguments").fields().forEachRemaining(a -> arguments.put(a.getKey(), a.getValue()));
            JsonNode result = c.getValue().get("result");
            cmds.put(c.getKey(), new CmdDef(c.getKey(), c.getValue().path("description").asText(), arguments, result,
                    extensions(c.getValue())));
        });
        Map<String, JsonNode> vars = new LinkedHashMap<>();
        root.path("vars").fields().forEachRemaining(v -> vars.put(v.getKey(), v.getValue()));
        return new InterfaceDef(name, root.path("description").asText(), cmds, vars, errors, extensions(root));
    }

    private static Map<String, JsonNode> extensions(JsonNode node) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("x-")) {
                out.put(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    private static Map<SourceFile.Kind, Schema> metaSchemas() {
        SchemaRegistry registry = SchemaRegistries.draft7(Map.of());
        Map<SourceFile.Kind, Schema> schemas = new EnumMap<>(SourceFile.Kind.class);
        schemas.put(SourceFile.Kind.INTERFACE, meta(registry, "interface"));
        schemas.put(SourceFile.Kind.TYPES, meta(registry, "types"));
        schemas.put(SourceFile.Kind.ERRORS, meta(registry, "errors"));
        return schemas;
    }

    private static Schema meta(SchemaRegistry registry, String name) {
        return SchemaRegistries.fromResource(registry, ContractLoader.class, "meta/" + name + ".schema.yaml",
                SchemaRegistries.BASE + "meta/" + name);
    }
}
