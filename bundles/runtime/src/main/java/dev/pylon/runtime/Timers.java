package dev.pylon.runtime;

import java.time.Duration;
import java.time.Instant;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The only way a module reads the time or waits. The runtime registers one on wall time; tests use
 * {@link dev.pylon.runtime.timers.SimulatedTimers}, so a 30-minute session runs in milliseconds and the same way every
 * time. Tasks run one at a time, in due order; a task must not block.
 */
@ProviderType
public interface Timers {
    /** The current time. */
    Instant now();

    /** Runs {@code task} once after {@code delay}. */
    Timer schedule(Duration delay, Runnable task);

    /** Runs {@code task} every {@code period}, the first time after {@code period}. */
    Timer every(Duration period, Runnable task);

    /** A scheduled task; cancelling a task that already ran or was cancelled does nothing. */
    @FunctionalInterface
    interface Timer {
        void cancel();
    }
}
