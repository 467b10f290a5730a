package dev.pylon.runtime.internal.bus;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/** An executor the test runs by hand, on the test thread. */
public final class ManualExecutor implements Executor {
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        tasks.addLast(task);
    }

    /** Runs queued tasks, including those they queue, until none is left; returns how many ran. */
    public int runAll() {
        int count = 0;
        Runnable task;
        while ((task = next()) != null) {
            task.run();
            count++;
        }
        return count;
    }

    /** Runs the oldest queued task, if any. */
    boolean runOne() {
        Runnable task = next();
        if (task != null) {
            task.run();
        }
        return task != null;
    }

    synchronized int pending() {
        return tasks.size();
    }

    private synchronized Runnable next() {
        return tasks.pollFirst();
    }
}
