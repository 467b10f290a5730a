package dev.pylon.contract;

import java.util.List;
import java.util.stream.Collectors;

/** The contract could not be loaded; {@link #problems()} lists every problem found, not only the first. */
public final class ContractException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<Problem> problems;

    public ContractException(List<Problem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String format(List<Problem> problems) {
        return problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in the contract:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
