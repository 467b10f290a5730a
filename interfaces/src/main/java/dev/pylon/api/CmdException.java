package dev.pylon.api;

/**
 * A cmd call that did not produce a result. The kinds are EVerest's, so that a failure crosses to EVerest modules as
 * the same {@code __everest__error_type}.
 */
public class CmdException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the call failed. */
    public enum Kind {
        /** The request could not be decoded (only across a wire). */
        MessageParsingError,
        /** An argument or the result broke the contract. */
        SchemaValidationError,
        /** The provider's handler threw. */
        HandlerException,
        /** No result within the call's time limit. */
        CmdTimeout,
        /** The runtime is stopping. */
        Shutdown,
        /** No provider is connected, or it is not ready yet. */
        NotReady
    }

    private final Kind kind;
    private final String target;

    /**
     * @param target what was called, {@code module_id/implementation_id.cmd}
     */
    public CmdException(Kind kind, String target, String message, Throwable cause) {
        super(kind + " calling " + target + ": " + message, cause);
        this.kind = kind;
        this.target = target;
    }

    public Kind kind() {
        return kind;
    }

    /** What was called, {@code module_id/implementation_id.cmd}. */
    public String target() {
        return target;
    }
}
