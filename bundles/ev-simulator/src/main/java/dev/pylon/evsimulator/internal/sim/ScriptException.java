package dev.pylon.evsimulator.internal.sim;

import java.util.List;

/** A script that cannot run, with every problem found, each naming the command and its position. */
public final class ScriptException extends IllegalArgumentException {
    private final List<String> problems;

    public ScriptException(List<String> problems) {
        super("invalid car simulator script: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems, one per bad command. */
    public List<String> problems() {
        return problems;
    }
}
