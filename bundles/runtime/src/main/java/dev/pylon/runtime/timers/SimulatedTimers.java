package dev.pylon.runtime.timers;

import dev.pylon.runtime.Timers;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * Simulated time: {@link #advance(Duration)} moves the clock and runs every task that falls due, in time order (ties
 * in scheduling order), each seeing {@link #now()} at its own due time. Tasks may schedule more tasks; those run too if
 * they fall due within the advance. Not thread-safe by design: a test drives it from one thread.
 */
public final class SimulatedTimers implements Timers {
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private Instant now;
    private long sequence;

    public SimulatedTimers(Instant start) {
        this.now = start;
    }

    public SimulatedTimers() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        return add(now.plus(nonNegative(delay)), null, task);
    }

    @Override
    public Timer every(Duration period, Runnable task) {
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        return add(now.plus(period), period, task);
    }

    /** Moves the clock forward by {@code step}, running every task due on the way. */
    public void advance(Duration step) {
        Instant until = now.plus(nonNegative(step));
        while (!queue.isEmpty() && !queue.peek().due.isAfter(until)) {
            Task task = queue.poll();
            if (task.cancelled) {
                continue;
            }
            now = task.due;
            if (task.period != null) {
                task.due = task.due.plus(task.period);
                task.order = sequence++;
                queue.add(task);
            }
            task.action.run();
        }
        now = until;
    }

    /** Runs what is due now without moving the clock. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** How many tasks are waiting (cancelled ones excluded). */
    public int pending() {
        return (int) queue.stream().filter(t -> !t.cancelled).count();
    }

    private Timer add(Instant due, Duration period, Runnable action) {
        Task task = new Task(due, period, action, sequence++);
        queue.add(task);
        return () -> task.cancelled = true;
    }

    private static Duration nonNegative(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("negative duration: " + d);
        }
        return d;
    }

    private static final class Task implements Comparable<Task> {
        Instant due;
        final Duration period;
        final Runnable action;
        long order;
        boolean cancelled;

        Task(Instant due, Duration period, Runnable action, long order) {
            this.due = due;
            this.period = period;
            this.action = action;
            this.order = order;
        }

        @Override
        public int compareTo(Task other) {
            int c = due.compareTo(other.due);
            return c != 0 ? c : Long.compare(order, other.order);
        }
    }
}
