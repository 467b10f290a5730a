package dev.pylon.tools.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes records (object types) and enums (string enum types), with their nested types. */
final class TypeWriter {
    private static final String JACKSON = "com.fasterxml.jackson.annotation.";

    private TypeWriter() {
    }

    static String file(String pkg, Decl decl) {
        Code code = new Code();
        code.line("package " + pkg + ";").line();
        write(code, decl, true);
        return code.toString();
    }

    private static void write(Code code, Decl decl, boolean topLevel) {
        if (decl instanceof Decl.RecordDecl record) {
            writeRecord(code, record, topLevel);
        } else {
            writeEnum(code, (Decl.EnumDecl) decl, topLevel);
        }
    }

    private static void writeRecord(Code code, Decl.RecordDecl record, boolean topLevel) {
        List<String> tags = new ArrayList<>();
        record.components.values().forEach(c -> tags.add("@param " + c.javaName() + " " + (c.description().isBlank()
                ? "wire name {@code " + Names.doc(c.wireName()) + "}" : Names.doc(c.description()).replace("\n", " "))));
        code.doc(record.description, tags.toArray(String[]::new));
        if (topLevel) {
            code.line(Code.GENERATED);
        }
        code.line("@" + JACKSON + "JsonInclude(" + JACKSON + "JsonInclude.Include.NON_NULL)");
        code.line("@" + JACKSON + "JsonIgnoreProperties(ignoreUnknown = true)");
        List<Decl.Component> components = new ArrayList<>(record.components.values());
        if (components.isEmpty()) {
            code.open("public record " + record.simpleName + "() {");
        } else {
            code.open("public record " + record.simpleName + "(");
            for (int i = 0; i < components.size(); i++) {
                Decl.Component c = components.get(i);
                code.line("@" + JACKSON + "JsonProperty(value = " + Names.literal(c.wireName())
                        + (c.required() ? ", required = true" : "") + ") " + c.type().source() + " " + c.javaName()
                        + (i + 1 < components.size() ? "," : ") {"));
            }
        }
        List<Decl.Component> checked = components.stream().filter(c -> c.required() && !c.type().primitive()).toList();
        if (!checked.isEmpty()) {
            code.line();
            code.doc("Fails when a required component is missing, naming it as the contract does.");
            code.open("public " + record.simpleName + " {");
            for (Decl.Component c : checked) {
                code.line("java.util.Objects.requireNonNull(" + c.javaName() + ", " + Names.literal(c.wireName()) + ");");
            }
            code.close("}");
        }
        writeBuilder(code, record, components);
        writeBitmap(code, record);
        for (Decl nested : record.nested) {
            code.line();
            write(code, nested, false);
        }
        code.close("}");
    }

    private static void writeBuilder(Code code, Decl.RecordDecl record, List<Decl.Component> components) {
        code.line();
        code.doc("A builder, for records with many optional components.");
        code.open("public static Builder builder() {").line("return new Builder();").close("}");
        code.line();
        code.doc("A builder holding this record's values, to derive a changed copy.");
        code.open("public Builder toBuilder() {");
        StringBuilder chain = new StringBuilder("return new Builder()");
        components.forEach(c -> chain.append('.').append(c.javaName()).append('(').append(c.javaName()).append(')'));
        code.line(chain + ";").close("}");
        code.line();
        code.doc("Builds {@link " + record.simpleName + "} values.");
        code.open("public static final class Builder {");
        components.forEach(c -> code.line("private " + c.type().source() + " " + c.javaName() + ";"));
        code.line();
        code.open("private Builder() {").close("}");
        for (Decl.Component c : components) {
            code.line();
            code.open("public Builder " + c.javaName() + "(" + c.type().source() + " " + c.javaName() + ") {");
            code.line("this." + c.javaName() + " = " + c.javaName() + ";").line("return this;").close("}");
        }
        code.line();
        StringBuilder args = new StringBuilder();
        components.forEach(c -> args.append(args.length() == 0 ? "" : ", ").append(c.javaName()));
        code.open("public " + record.simpleName + " build() {").line("return new " + record.simpleName + "(" + args + ");")
                .close("}");
        code.close("}");
    }

    /** Matter bitmaps are objects of booleans on the bus and bits on the wire; these convert between the two. */
    private static void writeBitmap(Code code, Decl.RecordDecl record) {
        JsonNode bits = record.schema.get("x-matter-bitmap");
        if (bits == null) {
            return;
        }
        code.line();
        code.doc("The Matter wire value: bit n set when the component mapped to bit n is true.");
        code.open("public long toBits() {").line("long bits = 0;");
        for (Map.Entry<String, Decl.Component> e : record.components.entrySet()) {
            code.line("if (java.lang.Boolean.TRUE.equals(" + e.getValue().javaName() + ")) bits |= 1L << "
                    + bits.path(e.getKey()).asInt() + ";");
        }
        code.line("return bits;").close("}");
        code.line();
        code.doc("The record for a Matter wire value; unknown bits are ignored.");
        code.open("public static " + record.simpleName + " fromBits(long bits) {");
        StringBuilder args = new StringBuilder();
        for (Map.Entry<String, Decl.Component> e : record.components.entrySet()) {
            args.append(args.length() == 0 ? "" : ", ").append("(bits & (1L << ").append(bits.path(e.getKey()).asInt())
                    .append(")) != 0");
        }
        code.line("return new " + record.simpleName + "(" + args + ");").close("}");
    }

    private static void writeEnum(Code code, Decl.EnumDecl decl, boolean topLevel) {
        JsonNode matter = decl.schema.get("x-matter-enum");
        code.doc(decl.description);
        if (topLevel) {
            code.line(Code.GENERATED);
        }
        code.open("public enum " + decl.simpleName + " {");
        List<String> values = new ArrayList<>();
        decl.schema.get("enum").forEach(v -> values.add(v.asText()));
        List<String> used = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            String constant = Names.enumConstant(value);
            while (used.contains(constant)) {
                constant = constant + "_";
            }
            used.add(constant);
            String args = Names.literal(value) + (matter != null ? ", " + matter.path(value).asLong(-1) : "");
            code.line("@" + JACKSON + "JsonProperty(" + Names.literal(value) + ") " + constant + "(" + args + ")"
                    + (i + 1 < values.size() ? "," : ";"));
        }
        code.line();
        code.line("private final java.lang.String wire;");
        if (matter != null) {
            code.line("private final long matterValue;");
            code.line();
            code.open(decl.simpleName + "(java.lang.String wire, long matterValue) {");
            code.line("this.wire = wire;").line("this.matterValue = matterValue;").close("}");
        } else {
            code.line();
            code.open(decl.simpleName + "(java.lang.String wire) {").line("this.wire = wire;").close("}");
        }
        code.line();
        code.doc("The value as the contract and the wire spell it.");
        code.open("public java.lang.String wire() {").line("return wire;").close("}");
        code.line();
        code.doc("The constant for a wire value.", "@throws IllegalArgumentException naming the allowed values");
        code.open("public static " + decl.simpleName + " fromWire(java.lang.String wire) {");
        code.open("for (" + decl.simpleName + " v : values()) {").line("if (v.wire.equals(wire)) return v;").close("}");
        code.line("throw new IllegalArgumentException(\"'\" + wire + \"' is not a " + decl.simpleName
                + "; allowed: \" + java.util.Arrays.stream(values()).map(v -> v.wire).toList());");
        code.close("}");
        if (matter != null) {
            code.line();
            code.doc("The numeric value Matter sends for this constant.");
            code.open("public long matterValue() {").line("return matterValue;").close("}");
            code.line();
            code.doc("The constant for a Matter numeric value.", "@throws IllegalArgumentException for an unknown value");
            code.open("public static " + decl.simpleName + " fromMatterValue(long value) {");
            code.open("for (" + decl.simpleName + " v : values()) {").line("if (v.matterValue == value) return v;").close("}");
            code.line("throw new IllegalArgumentException(value + \" is not a Matter " + decl.simpleName + " value\");");
            code.close("}");
        }
        code.close("}");
    }
}
