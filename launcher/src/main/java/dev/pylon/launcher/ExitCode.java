package dev.pylon.launcher;

/** The exit codes of {@code ./pylon run}. */
public final class ExitCode {
    /** The framework stopped cleanly (the shell's {@code stop 0} or end of input, Ctrl-C or SIGTERM). */
    public static final int OK = 0;
    /** The config (or a module manifest, or the contract) was rejected; nothing was started. */
    public static final int CONFIG_REJECTED = 1;
    /** Bad command-line arguments: unknown option or level, missing config file, unknown feature. */
    public static final int BAD_ARGUMENTS = 2;
    /** The framework did not start, or a bundle is not staged, did not resolve or did not start. */
    public static final int FRAMEWORK_FAILED = 3;

    private ExitCode() {
    }
}
