package dev.pylon.tools.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Java names for contract names: packages, types, members, constants. Every rule is deterministic. */
final class Names {
    static final String API = "dev.pylon.api";

    private static final Set<String> RESERVED = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
            "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile",
            "while", "true", "false", "null", "var", "yield", "record", "sealed", "permits", "_",
            // members every object has: a record component or cmd with one of these names would clash
            "wait", "notify", "notifyAll", "getClass", "hashCode", "equals", "toString", "clone", "finalize");

    private Names() {
    }

    /** The package of the types of a type file: {@code power_supply_DC} gives {@code dev.pylon.api.types.powersupplydc}. */
    static String typesPackage(String stem) {
        return API + ".types." + flat(stem);
    }

    /** The package of an interface: {@code evse_manager} gives {@code dev.pylon.api.evsemanager}. */
    static String interfacePackage(String name) {
        return API + "." + flat(name);
    }

    static String errorsPackage() {
        return API + ".errors";
    }

    private static String flat(String name) {
        String flat = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return Character.isDigit(flat.charAt(0)) ? "_" + flat : flat;
    }

    /** {@code evse_board_support} gives {@code EvseBoardSupport}; {@code ISO15118_charger} gives {@code ISO15118Charger}. */
    static String pascal(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : parts(name)) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
        }
        String result = out.length() == 0 ? "Unnamed" : out.toString();
        return Character.isDigit(result.charAt(0)) ? "_" + result : result;
    }

    /** {@code ac_max_current_A} gives {@code acMaxCurrentA}; {@code EVSE_id} gives {@code evseId}. */
    static String camel(String name) {
        List<String> parts = parts(name);
        if (parts.isEmpty()) {
            return "value";
        }
        StringBuilder out = new StringBuilder();
        String first = parts.get(0);
        if (first.equals(first.toUpperCase(Locale.ROOT))) {
            out.append(first.toLowerCase(Locale.ROOT));
        } else {
            out.append(Character.toLowerCase(first.charAt(0))).append(first, 1, first.length());
        }
        for (String part : parts.subList(1, parts.size())) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
        }
        return safe(Character.isDigit(out.charAt(0)) ? "_" + out : out.toString());
    }

    /** {@code MREC2GroundFailure} gives {@code MREC2_GROUND_FAILURE}. */
    static String constant(String name) {
        String snake = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_");
        String upper = snake.toUpperCase(Locale.ROOT).replaceAll("^_+|_+$", "");
        if (upper.isEmpty()) {
            return "UNNAMED";
        }
        return Character.isDigit(upper.charAt(0)) ? "_" + upper : upper;
    }

    /** An enum constant keeps the contract's value when Java allows it, so that code reads like the wire. */
    static String enumConstant(String value) {
        if (value.isEmpty()) {
            return "EMPTY_";
        }
        String id = value.replaceAll("[^A-Za-z0-9_$]", "_");
        if (Character.isDigit(id.charAt(0))) {
            id = "_" + id;
        }
        return safe(id);
    }

    static String safe(String identifier) {
        return RESERVED.contains(identifier) ? identifier + "_" : identifier;
    }

    private static List<String> parts(String name) {
        List<String> parts = new ArrayList<>();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    /** Text for a Javadoc comment: nothing in it may end the comment or be read as a unicode escape or HTML. */
    static String doc(String text) {
        return text.strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;")
                .replace("\\", "&#92;").replace("@", "&#64;")
                // the generator's own inline tags survive; a contract text has no reason to contain them
                .replace("{&#64;code ", "{@code ").replace("{&#64;link ", "{@link ");
    }

    /** A Java string literal. */
    static String literal(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.append('"').toString();
    }
}
