package dev.pylon.tools.codegen;

/** A Java source being written, with indentation. */
final class Code {
    static final String GENERATED = "@javax.annotation.processing.Generated(\"dev.pylon.tools.codegen\")";
    private final StringBuilder out = new StringBuilder();
    private int indent;

    Code line(String text) {
        if (!text.isEmpty()) {
            out.append("    ".repeat(indent));
        }
        out.append(text).append('\n');
        return this;
    }

    Code line() {
        return line("");
    }

    Code open(String text) {
        line(text);
        indent++;
        return this;
    }

    Code close(String text) {
        indent--;
        return line(text);
    }

    /** A Javadoc comment; nothing is written for an empty text. */
    Code doc(String text, String... tags) {
        if ((text == null || text.isBlank()) && tags.length == 0) {
            return this;
        }
        line("/**");
        if (text != null && !text.isBlank()) {
            for (String l : Names.doc(text).split("\n")) {
                line(l.isBlank() ? " * <p>" : " * " + l.stripTrailing());
            }
        }
        for (String tag : tags) {
            line(" * " + tag);
        }
        return line(" */");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
