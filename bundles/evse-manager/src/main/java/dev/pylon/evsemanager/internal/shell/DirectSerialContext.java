package dev.pylon.evsemanager.internal.shell;

/**
 * Runs every task at once on the calling thread: for tests, which drive the module from one thread together with
 * {@link dev.pylon.runtime.timers.SimulatedTimers}.
 */
public final class DirectSerialContext implements SerialContext {
    @Override
    public void execute(Runnable task) {
        task.run();
    }

    @Override
    public boolean inContext() {
        return true;
    }
}
