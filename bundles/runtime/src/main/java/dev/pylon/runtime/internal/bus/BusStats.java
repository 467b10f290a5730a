package dev.pylon.runtime.internal.bus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters of the bus, per module and per subscriber, for the console and for tests. Counting only, no timing. */
public final class BusStats {
    /** What happened to one module, as a provider (cmds, vars) and as a subscriber (listener failures). */
    public record ModuleStats(String moduleId, long cmdCalls, long handlerExceptions, long cmdTimeouts,
            long schemaViolations, long varsPublished, long listenerFailures) {
    }

    /** One subscriber queue: what waits, what was delivered, dropped (queue full) or thrown on. */
    public record SubscriberStats(String owner, String subscription, int queued, long delivered, long dropped,
            long failed) {
    }

    /** The live counters of one module. */
    public static final class Counters {
        final LongAdder cmdCalls = new LongAdder();
        final LongAdder handlerExceptions = new LongAdder();
        final LongAdder cmdTimeouts = new LongAdder();
        final LongAdder schemaViolations = new LongAdder();
        final LongAdder varsPublished = new LongAdder();
        final LongAdder listenerFailures = new LongAdder();

        ModuleStats snapshot(String moduleId) {
            return new ModuleStats(moduleId, cmdCalls.sum(), handlerExceptions.sum(), cmdTimeouts.sum(),
                    schemaViolations.sum(), varsPublished.sum(), listenerFailures.sum());
        }
    }

    private final Map<String, Counters> modules = new ConcurrentHashMap<>();
    private final Set<SubscriberQueue<?>> subscribers = ConcurrentHashMap.newKeySet();

    Counters module(String moduleId) {
        return modules.computeIfAbsent(moduleId, k -> new Counters());
    }

    void add(SubscriberQueue<?> queue) {
        subscribers.add(queue);
    }

    void remove(SubscriberQueue<?> queue) {
        subscribers.remove(queue);
    }

    /** The counters of one module (all zero when it has counted nothing yet). */
    public ModuleStats of(String moduleId) {
        Counters counters = modules.get(moduleId);
        return (counters == null ? new Counters() : counters).snapshot(moduleId);
    }

    /** Every module that has counted something, by module id. */
    public List<ModuleStats> modules() {
        List<ModuleStats> out = new ArrayList<>();
        modules.forEach((id, c) -> out.add(c.snapshot(id)));
        out.sort(Comparator.comparing(ModuleStats::moduleId));
        return out;
    }

    /** Every open subscription, by owner then name. */
    public List<SubscriberStats> subscribers() {
        List<SubscriberStats> out = new ArrayList<>();
        subscribers.forEach(q -> out.add(q.stats()));
        out.sort(Comparator.comparing(SubscriberStats::owner).thenComparing(SubscriberStats::subscription));
        return out;
    }
}
