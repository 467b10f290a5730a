package dev.pylon.runtime.internal.bus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A scheduler whose tasks run only when the test says so; it remembers every delay asked for. */
public final class ManualScheduler implements Scheduler {
    static final class Task {
        final Runnable runnable;
        final Duration delay;
        boolean cancelled;
        boolean ran;

        Task(Runnable runnable, Duration delay) {
            this.runnable = runnable;
            this.delay = delay;
        }
    }

    final List<Task> tasks = new ArrayList<>();

    @Override
    public synchronized Cancellable schedule(Runnable task, Duration delay) {
        Task t = new Task(task, delay);
        tasks.add(t);
        return () -> t.cancelled = true;
    }

    /** Every delay asked for, in order. */
    public synchronized List<Duration> delays() {
        return tasks.stream().map(t -> t.delay).toList();
    }

    /** Runs the oldest task that has neither run nor been cancelled; returns false when there is none. */
    public boolean runNext() {
        Task next;
        synchronized (this) {
            next = tasks.stream().filter(t -> !t.ran && !t.cancelled).findFirst().orElse(null);
            if (next == null) {
                return false;
            }
            next.ran = true;
        }
        next.runnable.run();
        return true;
    }

    public synchronized long pending() {
        return tasks.stream().filter(t -> !t.ran && !t.cancelled).count();
    }
}
