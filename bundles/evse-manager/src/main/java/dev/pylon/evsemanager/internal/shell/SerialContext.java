package dev.pylon.evsemanager.internal.shell;

/** Where the logic of one module instance runs: one task at a time, in submission order. */
public interface SerialContext {
    /** Runs {@code task} on the context, after the tasks submitted before it. */
    void execute(Runnable task);

    /** Whether the calling thread is the context's own (then work is queued, never waited for). */
    boolean inContext();
}
