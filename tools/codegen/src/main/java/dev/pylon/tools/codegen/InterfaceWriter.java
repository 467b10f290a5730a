package dev.pylon.tools.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pylon.contract.CmdDef;
import dev.pylon.contract.InterfaceDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the Java side of one interface: the cmd interface its providers implement, the listener its requirers
 * implement for vars, a typed publisher for vars, the descriptor the bus uses to dispatch and proxy cmds without
 * reflection, and for Matter interfaces the cluster's ids.
 */
final class InterfaceWriter {
    private final InterfaceDef def;
    private final TypeResolver types;
    private final String pkg;
    private final String name;
    private final List<Cmd> cmds = new ArrayList<>();
    private final Map<String, JType> vars = new LinkedHashMap<>();

    private record Cmd(CmdDef def, String javaName, List<String> argNames, List<JType> argTypes, JType result) {
    }

    InterfaceWriter(InterfaceDef def, TypeResolver types) {
        this.def = def;
        this.types = types;
        this.pkg = Names.interfacePackage(def.name());
        this.name = Names.pascal(def.name());
        for (CmdDef cmd : def.cmds().values()) {
            List<String> argNames = new ArrayList<>();
            List<JType> argTypes = new ArrayList<>();
            cmd.arguments().forEach((arg, schema) -> {
                argNames.add(Names.camel(arg));
                JType t = types.resolveTopLevel(schema, pkg, Names.pascal(cmd.name()) + Names.pascal(arg));
                argTypes.add(TypeResolver.allowsNull(schema) ? t.nullable() : t);
            });
            JType result = cmd.hasResult()
                    ? types.resolveTopLevel(cmd.result(), pkg, Names.pascal(cmd.name()) + "Result") : JType.VOID;
            if (cmd.hasResult() && !result.isVoid() && TypeResolver.allowsNull(cmd.result())) {
                result = result.nullable();
            }
            cmds.add(new Cmd(cmd, Names.camel(cmd.name()), argNames, argTypes, result));
        }
        def.vars().forEach((var, schema) -> vars.put(var, types.resolveTopLevel(schema, pkg, Names.pascal(var)).nullable()));
    }

    String pkg() {
        return pkg;
    }

    String name() {
        return name;
    }

    Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(name, cmdInterface());
        files.put(name + "Listener", listener());
        files.put(name + "Publisher", publisher());
        files.put(name + "Descriptor", descriptor());
        if (def.extensions().containsKey("x-matter-cluster")) {
            files.put(name + "Matter", MatterIdsWriter.write(pkg, name + "Matter", def));
        }
        return files;
    }

    private Code header() {
        return new Code().line("package " + pkg + ";").line();
    }

    private String cmdInterface() {
        Code code = header();
        code.doc(def.description() + "\n\nThe cmds of EVerest interface {@code " + def.name()
                + "}: a module that provides this interface implements it; a module that requires it calls it.");
        code.line(Code.GENERATED).line("@org.osgi.annotation.versioning.ProviderType");
        code.open("public interface " + name + " {");
        code.doc("The interface name, as in the contract and the runtime config.");
        code.line("java.lang.String NAME = " + Names.literal(def.name()) + ";");
        for (Cmd cmd : cmds) {
            code.line();
            List<String> tags = new ArrayList<>();
            int i = 0;
            for (Map.Entry<String, JsonNode> arg : cmd.def.arguments().entrySet()) {
                tags.add("@param " + cmd.argNames.get(i++) + " " + oneLine(arg.getValue()));
            }
            if (!cmd.result.isVoid()) {
                tags.add("@return " + oneLine(cmd.def.result()));
            }
            code.doc(cmd.def.description() + "\n\nCmd {@code " + cmd.def.name() + "}.", tags.toArray(String[]::new));
            code.line(cmd.result.source() + " " + cmd.javaName + "(" + params(cmd) + ");");
        }
        code.close("}");
        return code.toString();
    }

    private static String oneLine(JsonNode schema) {
        String text = TypeResolver.description(schema);
        return text.isBlank() ? "see the contract" : Names.doc(text).replace("\n", " ");
    }

    private static String params(Cmd cmd) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cmd.argNames.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(cmd.argTypes.get(i).source()).append(' ').append(cmd.argNames.get(i));
        }
        return out.toString();
    }

    private String listener() {
        Code code = header();
        code.doc("Receives the vars of EVerest interface {@code " + def.name()
                + "} from the implementation a module requires. Every method has an empty default, so a module "
                + "overrides only the vars it cares about.");
        code.line(Code.GENERATED).line("@org.osgi.annotation.versioning.ConsumerType");
        code.open("public interface " + name + "Listener {");
        vars.forEach((var, type) -> {
            code.line();
            code.doc(TypeResolver.description(def.vars().get(var)) + "\n\nVar {@code " + var + "}.");
            code.open("default void on" + Names.pascal(var) + "(" + type.source() + " value) {").close("}");
        });
        code.close("}");
        return code.toString();
    }

    private String publisher() {
        Code code = header();
        code.doc("Publishes the vars of EVerest interface {@code " + def.name()
                + "} with their contract types; the runtime hands a module one per provided implementation.");
        code.line(Code.GENERATED);
        code.open("public final class " + name + "Publisher {");
        code.line("private final dev.pylon.api.VarPublisher publisher;").line();
        code.open("public " + name + "Publisher(dev.pylon.api.VarPublisher publisher) {");
        code.line("this.publisher = java.util.Objects.requireNonNull(publisher, \"publisher\");").close("}");
        vars.forEach((var, type) -> {
            code.line();
            code.doc("Publishes var {@code " + var + "}.");
            code.open("public void publish" + Names.pascal(var) + "(" + type.source() + " value) {");
            code.line("publisher.publish(" + Names.literal(var) + ", value);").close("}");
        });
        code.close("}");
        return code.toString();
    }

    private String descriptor() {
        String generics = name + ", " + name + "Listener";
        Code code = header();
        code.doc("What the bus needs to know about EVerest interface {@code " + def.name()
                + "}: its cmds, vars and errors, and calls between names and Java methods without reflection.");
        code.line(Code.GENERATED);
        code.open("public final class " + name + "Descriptor extends dev.pylon.api.InterfaceDescriptor<" + generics + "> {");
        code.line("public static final " + name + "Descriptor INSTANCE = new " + name + "Descriptor();").line();
        code.open("private " + name + "Descriptor() {");
        code.line("super(" + Names.literal(def.name()) + ", " + name + ".class, " + name + "Listener.class,");
        code.line("        java.util.List.of(" + joinLiterals(def.errors()) + "),");
        List<String> cmdRows = new ArrayList<>();
        for (Cmd cmd : cmds) {
            List<String> row = new ArrayList<>(List.of(cmd.def.name(), cmd.javaName));
            row.addAll(cmd.def.arguments().keySet());
            cmdRows.add("new java.lang.String[] {" + joinLiterals(row) + "}");
        }
        code.line("        new java.lang.String[][] {" + String.join(", ", cmdRows) + "},");
        List<String> varRows = new ArrayList<>();
        vars.keySet().forEach(v -> varRows.add("new java.lang.String[] {" + joinLiterals(List.of(v, "on" + Names.pascal(v))) + "}"));
        code.line("        new java.lang.String[][] {" + String.join(", ", varRows) + "});");
        code.close("}");

        code.line().line("@Override").line("@java.lang.SuppressWarnings(\"unchecked\")");
        code.open("public java.lang.Object dispatch(" + name + " target, java.lang.String cmd, java.lang.Object[] args) {");
        code.open("switch (cmd) {");
        for (Cmd cmd : cmds) {
            StringBuilder call = new StringBuilder("target." + cmd.javaName + "(");
            for (int i = 0; i < cmd.argTypes.size(); i++) {
                call.append(i == 0 ? "" : ", ").append(cast(cmd.argTypes.get(i))).append("args[").append(i).append(']');
            }
            call.append(')');
            if (cmd.result.isVoid()) {
                code.line("case " + Names.literal(cmd.def.name()) + ": " + call + "; return null;");
            } else {
                code.line("case " + Names.literal(cmd.def.name()) + ": return " + call + ";");
            }
        }
        code.line("default: throw unknownCmd(cmd);").close("}").close("}");

        code.line().line("@Override").line("@java.lang.SuppressWarnings(\"unchecked\")");
        code.open("public " + name + " client(dev.pylon.api.CmdInvoker invoker) {");
        code.open("return new " + name + "() {");
        for (Cmd cmd : cmds) {
            code.line("@Override");
            code.open("public " + cmd.result.source() + " " + cmd.javaName + "(" + params(cmd) + ") {");
            String invoke = "invoker.invoke(" + Names.literal(cmd.def.name()) + ", new java.lang.Object[] {"
                    + String.join(", ", cmd.argNames) + "})";
            code.line(cmd.result.isVoid() ? invoke + ";" : "return " + cast(cmd.result) + invoke + ";");
            code.close("}");
        }
        code.open("@Override public java.lang.String toString() {").line("return \"client of " + def.name() + "\";").close("}");
        code.close("};").close("}");

        code.line().line("@Override").line("@java.lang.SuppressWarnings(\"unchecked\")");
        code.open("public void deliver(" + name + "Listener listener, java.lang.String var, java.lang.Object value) {");
        code.open("switch (var) {");
        vars.forEach((var, type) -> code.line("case " + Names.literal(var) + ": listener.on" + Names.pascal(var) + "("
                + cast(type) + "value); return;"));
        code.line("default: throw unknownVar(var);").close("}").close("}");
        code.close("}");
        return code.toString();
    }

    private static String cast(JType type) {
        return "(" + type.source() + ") ";
    }

    private static String joinLiterals(List<String> values) {
        List<String> literals = new ArrayList<>();
        values.forEach(v -> literals.add(Names.literal(v)));
        return String.join(", ", literals);
    }
}
