package dev.pylon.tools.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pylon.contract.InterfaceDef;

/** Writes the Matter ids of an interface that describes a Matter cluster ({@code x-matter-cluster}). */
final class MatterIdsWriter {
    private MatterIdsWriter() {
    }

    static String write(String pkg, String className, InterfaceDef def) {
        JsonNode cluster = def.extensions().get("x-matter-cluster");
        Code code = new Code().line("package " + pkg + ";").line();
        code.doc("Matter ids of cluster " + cluster.path("name").asText() + ", read from the {@code x-matter-...} keys of "
                + "interface {@code " + def.name() + "}.");
        code.line(Code.GENERATED);
        code.open("public final class " + className + " {");
        code.line("public static final long CLUSTER_ID = 0x" + Long.toHexString(cluster.path("id").asLong()).toUpperCase() + "L;");
        code.line("public static final int CLUSTER_REVISION = " + cluster.path("revision").asInt() + ";");
        code.line("public static final java.lang.String CLUSTER_NAME = " + Names.literal(cluster.path("name").asText()) + ";");
        code.line().open("private " + className + "() {").close("}");

        code.line().doc("Feature bits of the FeatureMap attribute.");
        code.open("public static final class Features {");
        for (JsonNode feature : def.extensions().getOrDefault("x-matter-features",
                com.fasterxml.jackson.databind.node.MissingNode.getInstance())) {
            code.doc(feature.path("name").asText());
            code.line("public static final long " + Names.constant(feature.path("code").asText()) + " = 1L << "
                    + feature.path("bit").asInt() + ";");
        }
        code.open("private Features() {").close("}").close("}");

        code.line().doc("Attribute ids; each attribute is a var of the same name.");
        code.open("public static final class Attributes {");
        def.vars().forEach((var, schema) -> {
            if (schema.has("x-matter-attribute-id")) {
                code.line("public static final long " + Names.constant(var) + " = " + hex(schema.get("x-matter-attribute-id")) + ";");
            }
        });
        code.open("private Attributes() {").close("}").close("}");

        code.line().doc("Event ids; each event is a var of the same name.");
        code.open("public static final class Events {");
        def.vars().forEach((var, schema) -> {
            if (schema.has("x-matter-event-id")) {
                code.line("public static final long " + Names.constant(var) + " = " + hex(schema.get("x-matter-event-id")) + ";");
            }
        });
        code.open("private Events() {").close("}").close("}");

        code.line().doc("Command ids; each command is a cmd of the same name.");
        code.open("public static final class Commands {");
        def.cmds().forEach((cmd, c) -> {
            JsonNode id = c.extensions().get("x-matter-command-id");
            if (id != null) {
                code.line("public static final long " + Names.constant(cmd) + " = " + hex(id) + ";");
            }
        });
        code.open("private Commands() {").close("}").close("}");
        code.close("}");
        return code.toString();
    }

    private static String hex(JsonNode id) {
        return "0x" + Long.toHexString(id.asLong()).toUpperCase() + "L";
    }
}
