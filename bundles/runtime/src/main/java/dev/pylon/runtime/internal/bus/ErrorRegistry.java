package dev.pylon.runtime.internal.bus;

import dev.pylon.api.ErrorObject;
import dev.pylon.api.ErrorState;
import dev.pylon.api.ImplementationId;
import dev.pylon.api.Severity;
import dev.pylon.runtime.Subscription;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Every error raised on the bus: the active set per origin, a bounded history of raise and clear events, and their
 * delivery to the subscribers of the origin and to global subscribers, each through its own {@link SubscriberQueue}.
 * A new subscriber first gets the errors that are active at its origins. One lock guards the state; it is never held
 * while a subscriber runs.
 */
public final class ErrorRegistry {
    private static final System.Logger LOG = System.getLogger(ErrorRegistry.class.getName());

    private record Key(String type, String subType) {
    }

    private final Object lock = new Object();
    private final Map<ImplementationId, LinkedHashMap<Key, ErrorObject>> active = new HashMap<>();
    private final ArrayDeque<ErrorObject> history = new ArrayDeque<>();
    private final Map<ImplementationId, List<SubscriberQueue<ErrorObject>>> byOrigin = new HashMap<>();
    private final List<SubscriberQueue<ErrorObject>> global = new ArrayList<>();
    private final int historyCapacity;
    private final int queueCapacity;
    private final Clock clock;
    private final Map<String, String> descriptions;
    private final Executor delivery;
    private final BusStats stats;

    /** @param descriptions error type to its description in the contract */
    public ErrorRegistry(int historyCapacity, int queueCapacity, Clock clock, Map<String, String> descriptions,
            Executor delivery, BusStats stats) {
        this.historyCapacity = historyCapacity;
        this.queueCapacity = queueCapacity;
        this.clock = clock;
        this.descriptions = Map.copyOf(descriptions);
        this.delivery = delivery;
        this.stats = stats;
    }

    /** Raises an error; when (type, sub type) is already active at {@code origin} nothing changes and the active one is returned. */
    public ErrorObject raise(ImplementationId origin, String type, String subType, String message, Severity severity) {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(type, "type");
        Key key = new Key(type, subType == null ? "" : subType);
        synchronized (lock) {
            LinkedHashMap<Key, ErrorObject> set = active.computeIfAbsent(origin, k -> new LinkedHashMap<>());
            ErrorObject existing = set.get(key);
            if (existing != null) {
                return existing;
            }
            ErrorObject error = new ErrorObject(type, key.subType(), descriptions.get(type), message,
                    severity == null ? Severity.Medium : severity, origin, clock.instant().toString(),
                    UUID.randomUUID().toString(), ErrorState.Active, null);
            set.put(key, error);
            publish(error);
            return error;
        }
    }

    /** Clears the active error (type, sub type) of {@code origin}; returns whether one was active. */
    public boolean clear(ImplementationId origin, String type, String subType) {
        String sub = subType == null ? "" : subType;
        return clearMatching(origin, k -> k.type().equals(type) && k.subType().equals(sub)) == 1;
    }

    /** Clears every active error of {@code origin} of this type, or of every type when {@code type} is null. */
    public int clearAll(ImplementationId origin, String type) {
        return clearMatching(origin, k -> type == null || k.type().equals(type));
    }

    private int clearMatching(ImplementationId origin, Predicate<Key> which) {
        synchronized (lock) {
            LinkedHashMap<Key, ErrorObject> set = active.get(origin);
            if (set == null) {
                return 0;
            }
            int count = 0;
            for (Iterator<Map.Entry<Key, ErrorObject>> it = set.entrySet().iterator(); it.hasNext();) {
                Map.Entry<Key, ErrorObject> entry = it.next();
                if (which.test(entry.getKey())) {
                    it.remove();
                    publish(entry.getValue().withState(ErrorState.ClearedByModule));
                    count++;
                }
            }
            return count;
        }
    }

    /** Whether (type, sub type) is active at {@code origin}. */
    public boolean isActive(ImplementationId origin, String type, String subType) {
        synchronized (lock) {
            LinkedHashMap<Key, ErrorObject> set = active.get(origin);
            return set != null && set.containsKey(new Key(type, subType == null ? "" : subType));
        }
    }

    /** The active errors of {@code origin}, oldest first. */
    public List<ErrorObject> active(ImplementationId origin) {
        synchronized (lock) {
            LinkedHashMap<Key, ErrorObject> set = active.get(origin);
            return set == null ? List.of() : List.copyOf(set.values());
        }
    }

    /** Every active error, by origin. */
    public Map<ImplementationId, List<ErrorObject>> activeAll() {
        synchronized (lock) {
            Map<ImplementationId, List<ErrorObject>> out = new LinkedHashMap<>();
            active.forEach((origin, set) -> {
                if (!set.isEmpty()) {
                    out.put(origin, List.copyOf(set.values()));
                }
            });
            return out;
        }
    }

    /** The last raise and clear events, oldest first (at most the history capacity). */
    public List<ErrorObject> history() {
        synchronized (lock) {
            return List.copyOf(history);
        }
    }

    /**
     * Delivers the errors of {@code origins} to {@code listener}, starting with those active now.
     *
     * @param owner the module id of the subscriber
     */
    public Subscription subscribe(String owner, String name, Collection<ImplementationId> origins,
            Consumer<ErrorObject> listener) {
        SubscriberQueue<ErrorObject> queue = queue(owner, name, listener);
        List<ImplementationId> list = List.copyOf(origins);
        synchronized (lock) {
            for (ImplementationId origin : list) {
                active(origin).forEach(queue::offer);
                byOrigin.computeIfAbsent(origin, k -> new ArrayList<>()).add(queue);
            }
        }
        return () -> {
            queue.close();
            stats.remove(queue);
            synchronized (lock) {
                for (ImplementationId origin : list) {
                    List<SubscriberQueue<ErrorObject>> subs = byOrigin.get(origin);
                    if (subs != null) {
                        subs.remove(queue);
                    }
                }
            }
        };
    }

    /** Delivers every error of every origin to {@code listener}, starting with those active now. */
    public Subscription subscribeAll(String owner, Consumer<ErrorObject> listener) {
        SubscriberQueue<ErrorObject> queue = queue(owner, "errors of all modules", listener);
        synchronized (lock) {
            active.values().forEach(set -> set.values().forEach(queue::offer));
            global.add(queue);
        }
        return () -> {
            queue.close();
            stats.remove(queue);
            synchronized (lock) {
                global.remove(queue);
            }
        };
    }

    private SubscriberQueue<ErrorObject> queue(String owner, String name, Consumer<ErrorObject> listener) {
        Objects.requireNonNull(listener, "listener");
        SubscriberQueue<ErrorObject> queue = new SubscriberQueue<>(owner, name, queueCapacity, delivery, listener,
                (error, t) -> {
                    stats.module(owner).listenerFailures.increment();
                    LOG.log(Level.WARNING, () -> "error listener of module " + owner + " (" + name + ") threw on "
                            + error.type() + " from " + error.origin(), t);
                });
        stats.add(queue);
        return queue;
    }

    private void publish(ErrorObject event) { // holds lock
        if (history.size() >= historyCapacity) {
            history.pollFirst();
        }
        history.addLast(event);
        LOG.log(event.isActive() ? Level.INFO : Level.DEBUG, () -> (event.isActive() ? "raised " : "cleared ")
                + event.type() + (event.subType().isEmpty() ? "" : "/" + event.subType()) + " at " + event.origin()
                + (event.message() == null ? "" : ": " + event.message()));
        List<SubscriberQueue<ErrorObject>> subs = byOrigin.get(event.origin());
        if (subs != null) {
            subs.forEach(q -> q.offer(event));
        }
        global.forEach(q -> q.offer(event));
    }
}
