package dev.pylon.tools.codegen;

/**
 * A Java type as it appears in generated source.
 *
 * @param source    the type as written (fully qualified, generics included), for example {@code java.util.List<java.lang.String>}
 * @param boxed     the same type usable where null is allowed or a type argument is needed
 * @param erasure   the raw class, for a cast or a class literal
 */
record JType(String source, String boxed, String erasure) {
    static final JType STRING = object("java.lang.String");
    static final JType INT = new JType("int", "java.lang.Integer", "int");
    static final JType LONG = new JType("long", "java.lang.Long", "long");
    static final JType DOUBLE = new JType("double", "java.lang.Double", "double");
    static final JType BOOLEAN = new JType("boolean", "java.lang.Boolean", "boolean");
    static final JType JSON = object("com.fasterxml.jackson.databind.JsonNode");
    static final JType VOID = new JType("void", "java.lang.Void", "void");

    static JType object(String fqn) {
        return new JType(fqn, fqn, fqn);
    }

    static JType list(JType element) {
        return new JType("java.util.List<" + element.boxed + ">", "java.util.List<" + element.boxed + ">",
                "java.util.List");
    }

    static JType map(JType value) {
        String source = "java.util.Map<java.lang.String, " + value.boxed + ">";
        return new JType(source, source, "java.util.Map");
    }

    /** The type where null is allowed: primitives become their wrapper. */
    JType nullable() {
        return primitive() ? new JType(boxed, boxed, boxed) : this;
    }

    boolean primitive() {
        return !source.equals(boxed);
    }

    boolean isVoid() {
        return this == VOID;
    }
}
