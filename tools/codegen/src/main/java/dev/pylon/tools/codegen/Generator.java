package dev.pylon.tools.codegen;

import dev.pylon.contract.Contract;
import dev.pylon.contract.ErrorFile;
import dev.pylon.contract.InterfaceDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns a loaded contract into Java sources: path relative to the source root to file content. */
final class Generator {
    private Generator() {
    }

    static Map<String, String> sources(Contract contract) {
        Map<String, String> files = new TreeMap<>();
        TypeResolver types = new TypeResolver(contract);
        List<InterfaceWriter> writers = new ArrayList<>();
        for (InterfaceDef def : contract.interfaces().values()) {
            InterfaceWriter writer = new InterfaceWriter(def, types);
            writers.add(writer);
            writer.files().forEach((name, text) -> files.put(path(writer.pkg(), name), text));
            files.put(path(writer.pkg(), "package-info"), packageInfo(writer.pkg(),
                    "Generated Java API of EVerest interface {@code " + def.name() + "}."));
        }
        // Inline types found while writing interfaces are declared too, so this comes after the interfaces.
        types.topLevel.forEach((pkg, decls) -> {
            decls.forEach(d -> files.put(path(pkg, d.simpleName), TypeWriter.file(pkg, d)));
            files.putIfAbsent(path(pkg, "package-info"), packageInfo(pkg, "Generated types of the Pylon contract."));
        });
        for (ErrorFile errors : contract.errorFiles().values()) {
            String name = Names.pascal(errors.stem()) + "Errors";
            files.put(path(Names.errorsPackage(), name), errorConstants(name, errors));
        }
        files.put(path(Names.errorsPackage(), "package-info"),
                packageInfo(Names.errorsPackage(), "Error type constants of the Pylon contract, one class per error file."));
        files.put(path(Names.API, "Interfaces"), registry(writers, types));
        return files;
    }

    private static String path(String pkg, String simpleName) {
        return pkg.replace('.', '/') + "/" + simpleName + ".java";
    }

    private static String packageInfo(String pkg, String doc) {
        return new Code().doc(doc).line("@org.osgi.annotation.bundle.Export")
                .line("@org.osgi.annotation.versioning.Version(\"1.0.0\")").line("package " + pkg + ";").toString();
    }

    private static String errorConstants(String name, ErrorFile errors) {
        Code code = new Code().line("package " + Names.errorsPackage() + ";").line();
        code.doc(errors.description() + "\n\nError types of error file {@code " + errors.stem() + "}, as raised at run time.");
        code.line(Code.GENERATED);
        code.open("public final class " + name + " {");
        List<String> constants = new ArrayList<>();
        for (ErrorFile.ErrorDecl error : errors.errors()) {
            String constant = Names.constant(error.name());
            constants.add(constant);
            code.doc(error.description());
            code.line("public static final java.lang.String " + constant + " = " + Names.literal(error.type()) + ";");
        }
        code.line();
        code.doc("Every error type of this file, in file order.");
        code.line("public static final java.util.List<java.lang.String> ALL = java.util.List.of(" + String.join(", ", constants) + ");");
        code.line().open("private " + name + "() {").close("}");
        code.close("}");
        return code.toString();
    }

    private static String registry(List<InterfaceWriter> writers, TypeResolver types) {
        Code code = new Code().line("package " + Names.API + ";").line();
        code.doc("Every interface of the contract, by EVerest interface name.");
        code.line(Code.GENERATED);
        code.open("public final class Interfaces {");
        code.line("private static final java.util.Map<java.lang.String, InterfaceDescriptor<?, ?>> ALL = java.util.Map.ofEntries(");
        for (int i = 0; i < writers.size(); i++) {
            InterfaceWriter w = writers.get(i);
            String fqn = w.pkg() + "." + w.name() + "Descriptor";
            code.line("        java.util.Map.entry(" + fqn + ".INSTANCE.name(), " + fqn + ".INSTANCE)"
                    + (i + 1 < writers.size() ? "," : ");"));
        }
        code.line("private static final java.util.Map<java.lang.String, java.lang.Class<?>> TYPES = java.util.Map.ofEntries(");
        List<String> typeRows = new ArrayList<>();
        types.namedClasses().forEach((ref, fqn) -> typeRows.add("java.util.Map.entry(" + Names.literal(ref) + ", " + fqn + ".class)"));
        for (int i = 0; i < typeRows.size(); i++) {
            code.line("        " + typeRows.get(i) + (i + 1 < typeRows.size() ? "," : ");"));
        }
        code.line().open("private Interfaces() {").close("}");
        code.line().doc("The generated class of every record and enum type of the type files, keyed by its {@code $ref} "
                + "({@code /<file>#/<Type>}).");
        code.open("public static java.util.Map<java.lang.String, java.lang.Class<?>> types() {").line("return TYPES;").close("}");
        code.line().doc("All descriptors, keyed by interface name.");
        code.open("public static java.util.Map<java.lang.String, InterfaceDescriptor<?, ?>> all() {").line("return ALL;").close("}");
        code.line().doc("The descriptor of an interface.", "@throws IllegalArgumentException for a name the contract does not have");
        code.open("public static InterfaceDescriptor<?, ?> get(java.lang.String name) {");
        code.line("InterfaceDescriptor<?, ?> d = ALL.get(name);");
        code.line("if (d == null) throw new IllegalArgumentException(\"unknown interface '\" + name + \"'; known: \" + new java.util.TreeSet<>(ALL.keySet()));");
        code.line("return d;").close("}");
        code.close("}");
        return code.toString();
    }
}
