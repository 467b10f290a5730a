package dev.pylon.runtime.internal.bus;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The queue between a publisher and one subscriber. {@link #offer} never blocks: when the queue is full the oldest
 * entry is dropped and counted. Entries are handed to the subscriber in order by a task on a shared executor; at most
 * one task per queue runs at a time, and it yields after a batch so that a busy subscriber does not hold a thread
 * from the others. A subscriber that throws is counted and keeps receiving.
 *
 * @param <T> what is delivered (a var event or an error object)
 */
public final class SubscriberQueue<T> {
    static final int BATCH = 64;

    private final String owner;
    private final String name;
    private final int capacity;
    private final Executor executor;
    private final Consumer<T> sink;
    private final BiConsumer<T, Throwable> onFailure;
    private final ArrayDeque<T> queue = new ArrayDeque<>();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private boolean scheduled; // guarded by this: a drain task is submitted or running
    private boolean closed; // guarded by this

    /**
     * @param owner     the module id of the subscriber, for stats
     * @param name      what it subscribed to, for stats and logs
     * @param onFailure told about each entry the subscriber threw on (after counting)
     */
    public SubscriberQueue(String owner, String name, int capacity, Executor executor, Consumer<T> sink,
            BiConsumer<T, Throwable> onFailure) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.owner = owner;
        this.name = name;
        this.capacity = capacity;
        this.executor = executor;
        this.sink = sink;
        this.onFailure = onFailure;
    }

    /** Queues {@code item}; drops the oldest entry when full. Never blocks, never calls the subscriber. */
    public void offer(T item) {
        boolean submit;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (queue.size() >= capacity) {
                queue.pollFirst();
                dropped.increment();
            }
            queue.addLast(item);
            submit = !scheduled;
            scheduled = true;
        }
        if (submit) {
            submit();
        }
    }

    /** Stops delivery; what is still queued is discarded. */
    public void close() {
        synchronized (this) {
            closed = true;
            queue.clear();
        }
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    private void submit() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // the bus is shutting down: nothing will deliver any more
            synchronized (this) {
                scheduled = false;
                dropped.add(queue.size());
                queue.clear();
            }
        }
    }

    private void drain() {
        for (int i = 0; i < BATCH; i++) {
            T item;
            synchronized (this) {
                item = closed ? null : queue.pollFirst();
                if (item == null) {
                    scheduled = false;
                    return;
                }
            }
            try {
                sink.accept(item);
                delivered.increment();
            } catch (Throwable t) { // a subscriber must never stop the queue
                failed.increment();
                onFailure.accept(item, t);
            }
        }
        submit(); // more may be waiting: go to the back of the executor's line
    }

    public BusStats.SubscriberStats stats() {
        int queued;
        synchronized (this) {
            queued = queue.size();
        }
        return new BusStats.SubscriberStats(owner, name, queued, delivered.sum(), dropped.sum(), failed.sum());
    }

    public String owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "subscriber " + owner + " (" + name + ")";
    }
}
