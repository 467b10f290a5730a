package dev.pylon.contract;

import java.util.List;

/**
 * A value broke the contract. The message names what was checked ({@code interface.cmd.argument},
 * {@code interface.cmd.result}, {@code interface.var} or {@code typefile.Type}), where inside the value, and the rule.
 */
public final class SchemaViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String subject;
    private final List<String> details;

    public SchemaViolation(String subject, List<String> details) {
        super(subject + ": " + String.join("; ", details));
        this.subject = subject;
        this.details = List.copyOf(details);
    }

    /** What was checked, for example {@code evse_manager.enable_disable.cmd_source}. */
    public String subject() {
        return subject;
    }

    /** One entry per failed rule, for example {@code /enable_source: does not have a value in the enumeration ... (rule: enum)}. */
    public List<String> details() {
        return details;
    }
}
