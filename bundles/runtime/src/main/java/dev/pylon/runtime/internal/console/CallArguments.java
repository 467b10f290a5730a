package dev.pylon.runtime.internal.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pylon.api.CmdInfo;
import dev.pylon.runtime.internal.bus.Json;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the words after {@code pylon:call <module> <impl> <cmd>} into the typed arguments of the cmd, as the
 * descriptor declares them. The words are either the arguments in contract order, or one JSON object whose keys are
 * exactly the argument names. Each argument is JSON and is converted to its Java type the way the bus writes values
 * (the generated records and enums carry their wire names). Where the type is a string, a word that does not start
 * with {@code "} is the string itself, so {@code sleep 1;unplug} needs no JSON quotes; an enum value may be given
 * bare too ({@code Auth}). Gogo hands over numbers, {@code true}/{@code false} and {@code null} already parsed, and
 * its lists ({@code [1 2]}) as lists: those are taken as their JSON equivalents.
 */
final class CallArguments {
    private static final ObjectReader STRICT = Json.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final String QUOTE_HINT = " (put JSON objects, arrays and quoted strings in single quotes, or"
            + " Gogo reads them itself: '{\"key\": 1}')";

    private CallArguments() {
    }

    /**
     * @param target the cmd called, {@code module/impl.cmd}, for messages
     * @param words  the arguments as Gogo passed them (strings, or values Gogo parsed)
     * @throws IllegalArgumentException naming the argument, its type and what is wrong
     */
    static Object[] convert(String target, CmdInfo cmd, List<?> words) {
        List<String> names = cmd.argumentNames();
        List<JsonNode> nodes = byName(cmd, words);
        if (nodes == null) {
            if (words.size() != names.size()) {
                throw new IllegalArgumentException(target + " takes " + names.size() + " argument"
                        + (names.size() == 1 ? "" : "s") + " " + signature(cmd) + ", got " + words.size()
                        + "; give them in this order, or as one JSON object by name");
            }
            nodes = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                nodes.add(node(target, cmd, i, words.get(i)));
            }
        }
        boolean parsedByGogo = words.stream().anyMatch(w -> w != null && !(w instanceof CharSequence)
                && !(w instanceof Number) && !(w instanceof Boolean));
        Object[] args = new Object[names.size()];
        for (int i = 0; i < args.length; i++) {
            Type type = cmd.argumentTypes().get(i);
            try {
                args[i] = Json.mapper().convertValue(nodes.get(i), Json.mapper().constructType(type));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(describe(target, cmd, i) + ": cannot convert " + nodes.get(i)
                        + ": " + firstLine(e.getMessage()) + (parsedByGogo ? QUOTE_HINT : ""), e);
            }
        }
        return args;
    }

    /** {@code (name: Type, ...)} of a cmd, for messages and usage. */
    static String signature(CmdInfo cmd) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < cmd.argumentNames().size(); i++) {
            parts.add(cmd.argumentNames().get(i) + ": " + typeName(cmd.argumentTypes().get(i)));
        }
        return "(" + String.join(", ", parts) + ")";
    }

    /** The arguments in contract order when {@code words} is one JSON object keyed by exactly the argument names. */
    private static List<JsonNode> byName(CmdInfo cmd, List<?> words) {
        if (words.size() != 1) {
            return null;
        }
        JsonNode node = words.get(0) instanceof CharSequence s ? parse(s.toString())
                : words.get(0) instanceof Map<?, ?> m ? Json.mapper().valueToTree(m) : null;
        if (!(node instanceof ObjectNode object)) {
            return null;
        }
        HashSet<String> keys = new HashSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            keys.add(it.next());
        }
        if (!keys.equals(new HashSet<>(cmd.argumentNames()))) {
            return null;
        }
        return cmd.argumentNames().stream().map(object::get).collect(Collectors.toList());
    }

    private static JsonNode node(String target, CmdInfo cmd, int index, Object word) {
        if (word == null) {
            return NullNode.instance;
        }
        if (!(word instanceof CharSequence chars)) {
            return Json.mapper().valueToTree(word); // Gogo parsed it: a number, a boolean, a list or a map
        }
        String text = chars.toString();
        Type type = cmd.argumentTypes().get(index);
        if (type == String.class && !text.startsWith("\"")) {
            return TextNode.valueOf(text);
        }
        JsonNode node = parse(text);
        if (node != null) {
            return node;
        }
        if (type instanceof Class<?> c && c.isEnum() && !text.isEmpty()) {
            return TextNode.valueOf(text);
        }
        throw new IllegalArgumentException(describe(target, cmd, index) + ": not JSON: " + text + QUOTE_HINT);
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode node = STRICT.readTree(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String describe(String target, CmdInfo cmd, int index) {
        return "argument " + cmd.argumentNames().get(index) + " (" + typeName(cmd.argumentTypes().get(index))
                + ") of " + target;
    }

    static String typeName(Type type) {
        if (type instanceof Class<?> c) {
            return c.getSimpleName();
        }
        if (type instanceof ParameterizedType p) {
            List<String> args = new ArrayList<>();
            for (Type arg : p.getActualTypeArguments()) {
                args.add(typeName(arg));
            }
            return typeName(p.getRawType()) + "<" + String.join(", ", args) + ">";
        }
        return type.getTypeName();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
