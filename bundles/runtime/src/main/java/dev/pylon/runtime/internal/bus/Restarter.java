package dev.pylon.runtime.internal.bus;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Restarts modules whose component failed to activate, one module at a time and never any other: the first restart
 * after 1 s, then 2, 4, 8 ... s, at most 60 s apart. The delay goes back to 1 s once the module's component has been
 * seen active. Time goes through a {@link Scheduler}.
 */
public final class Restarter {
    public static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    public static final Duration MAX_DELAY = Duration.ofSeconds(60);

    /** What a failure and a restart do (report, restart, clear the report). */
    public interface Actions {
        /** The module failed (again); it will be restarted after {@code retryIn}. */
        void failed(String moduleId, String reason, int attempt, Duration retryIn);

        /** Restart the module now (delete and recreate its configuration). */
        void restart(String moduleId);

        /** The module runs again after having failed. */
        void recovered(String moduleId);
    }

    private final Scheduler scheduler;
    private final Actions actions;
    private final Map<String, Integer> attempts = new HashMap<>(); // guarded by this
    private final Map<String, Scheduler.Cancellable> pending = new HashMap<>(); // guarded by this
    private final Map<String, Long> lastFailedComponent = new HashMap<>(); // guarded by this
    private boolean closed; // guarded by this

    public Restarter(Scheduler scheduler, Actions actions) {
        this.scheduler = scheduler;
        this.actions = actions;
    }

    /** The delay before restart number {@code attempt} (1-based): 1 s doubling, at most 60 s. */
    public static Duration delay(int attempt) {
        if (attempt <= 1) {
            return FIRST_DELAY;
        }
        int shift = Math.min(attempt - 1, 16);
        Duration d = FIRST_DELAY.multipliedBy(1L << shift);
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }

    /**
     * The component configuration {@code componentId} of module {@code moduleId} failed to activate. Reports and
     * schedules a restart, unless one is already scheduled or this configuration was already handled.
     */
    public void failed(String moduleId, long componentId, String reason) {
        int attempt;
        Duration retryIn;
        synchronized (this) {
            if (closed || pending.containsKey(moduleId)
                    || Long.valueOf(componentId).equals(lastFailedComponent.get(moduleId))) {
                return;
            }
            lastFailedComponent.put(moduleId, componentId);
            attempt = attempts.merge(moduleId, 1, Integer::sum);
            retryIn = delay(attempt);
            pending.put(moduleId, scheduler.schedule(() -> restartNow(moduleId), retryIn));
        }
        actions.failed(moduleId, reason, attempt, retryIn);
    }

    /** The component of module {@code moduleId} is active: the next failure waits 1 s again. */
    public void active(String moduleId) {
        synchronized (this) {
            if (closed || pending.containsKey(moduleId) || attempts.remove(moduleId) == null) {
                return;
            }
            lastFailedComponent.remove(moduleId);
        }
        actions.recovered(moduleId);
    }

    /** Whether a restart of {@code moduleId} is scheduled. */
    public synchronized boolean isPending(String moduleId) {
        return pending.containsKey(moduleId);
    }

    /** How many times in a row {@code moduleId} has failed. */
    public synchronized int attempts(String moduleId) {
        return attempts.getOrDefault(moduleId, 0);
    }

    /** Cancels every scheduled restart. */
    public void close() {
        synchronized (this) {
            closed = true;
            pending.values().forEach(Scheduler.Cancellable::cancel);
            pending.clear();
        }
    }

    private void restartNow(String moduleId) {
        synchronized (this) {
            if (closed || pending.remove(moduleId) == null) {
                return;
            }
        }
        actions.restart(moduleId);
    }
}
