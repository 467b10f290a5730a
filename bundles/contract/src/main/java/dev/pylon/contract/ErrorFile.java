package dev.pylon.contract;

import java.util.List;

/** One error file: the errors of one area, raised at run time as {@code <stem>/<Name>}. */
public record ErrorFile(String stem, String description, List<ErrorDecl> errors) {

    public ErrorFile {
        errors = List.copyOf(errors);
    }

    /** @param type the run-time error type, {@code <stem>/<name>} */
    public record ErrorDecl(String name, String description, String type) {
    }
}
