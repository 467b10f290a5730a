package dev.pylon.launcher;

/** The exit codes of {@code ./pylon run} and {@code ./pylon console}. */
public final class ExitCode {
    /** The framework stopped cleanly (the shell's {@code stop 0} or end of input, Ctrl-C or SIGTERM). */
    public static final int OK = 0;
    /** The config (or a module manifest, or the contract) was rejected; nothing was started. */
    public static final int CONFIG_REJECTED = 1;
    /** Bad command-line arguments: unknown option or level, missing config file, unknown feature. */
    public static final int BAD_ARGUMENTS = 2;
    /** The framework did not start, or a bundle is not staged, did not resolve or did not start. */
    public static final int FRAMEWORK_FAILED = 3;
    /** {@code console}: the command failed (its message is on stderr). */
    public static final int COMMAND_FAILED = 1;
    /** {@code console}: no charger answers on the console socket. */
    public static final int NO_CHARGER = 4;

    private ExitCode() {
    }
}
