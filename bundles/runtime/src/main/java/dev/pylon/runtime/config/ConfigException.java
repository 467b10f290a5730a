package dev.pylon.runtime.config;

import dev.pylon.contract.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** A manifest or runtime config was rejected; {@link #problems()} lists every problem, each with file and line. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<Problem> problems;

    public ConfigException(List<Problem> problems) {
        super(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in the configuration:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
