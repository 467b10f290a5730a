package dev.pylon.runtime.internal.bus;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs tasks later. Every timer of the runtime goes through one, so tests can run time by hand. */
@FunctionalInterface
public interface Scheduler {
    /** A scheduled task that has not run yet can be cancelled. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    Cancellable schedule(Runnable task, Duration delay);

    /** A scheduler on a {@link ScheduledExecutorService}. */
    static Scheduler of(ScheduledExecutorService executor) {
        return (task, delay) -> {
            ScheduledFuture<?> future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        };
    }
}
