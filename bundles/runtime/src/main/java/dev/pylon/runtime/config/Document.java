package dev.pylon.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.pylon.contract.Problem;
import dev.pylon.contract.yaml.SchemaRegistries;
import dev.pylon.contract.yaml.YamlTree;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One YAML file being checked: its located tree, the problems found so far, and where the meta-schema already found
 * something wrong, so that the loaders' own checks do not report a second, follow-up problem at the same place.
 */
final class Document {
    private final YamlTree tree;
    private final Set<Problem> problems = new LinkedHashSet<>();
    private final List<String> metaPointers = new ArrayList<>();

    private Document(YamlTree tree) {
        this.tree = tree;
    }

    /**
     * Parses {@code text} and checks it against {@code meta}.
     *
     * @throws ConfigException when the text is not valid YAML (nothing else can be checked then)
     */
    static Document parse(String source, String text, Schema meta) {
        List<Problem> syntax = new ArrayList<>();
        YamlTree tree = YamlTree.parse(source, text, syntax);
        if (tree == null) {
            throw new ConfigException(syntax);
        }
        Document doc = new Document(tree);
        for (Error error : meta.validate(tree.root())) {
            String at = SchemaRegistries.location(error);
            doc.metaPointers.add(at);
            String path = path(at);
            String message = (path.isEmpty() ? "" : path + ": ") + SchemaRegistries.describe(error);
            doc.problems.add(tree.problemAt(at, message));
        }
        return doc;
    }

    /**
     * A pointer as readers know it: {@code /active_modules/auth/connections/bsp/0} reads
     * {@code active_modules.auth.connections.bsp[0]}.
     */
    static String path(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String segment : pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/", -1)) {
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                out.append('[').append(name).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(name);
            }
        }
        return out.toString();
    }

    JsonNode root() {
        return tree.root();
    }

    String source() {
        return tree.file();
    }

    void problem(String pointer, String message) {
        problems.add(tree.problemAt(pointer, message));
    }

    /** Whether the meta-schema reported a problem at this node or at one that contains it. */
    boolean blocked(String pointer) {
        for (String meta : metaPointers) {
            if (meta.isEmpty() || pointer.equals(meta) || pointer.startsWith(meta + "/")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the meta-schema reported a problem at, inside or around this node. */
    boolean touched(String pointer) {
        if (blocked(pointer)) {
            return true;
        }
        for (String meta : metaPointers) {
            if (meta.startsWith(pointer + "/")) {
                return true;
            }
        }
        return false;
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Throws {@link ConfigException} with every problem, in file order, when there is any. */
    void throwIfProblems() {
        if (!problems.isEmpty()) {
            List<Problem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
            throw new ConfigException(sorted);
        }
    }
}
