package dev.pylon.runtime.internal.bus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The open module contexts. A component configuration (DS {@code component.id}) has one context: asking again gets
 * the same one. Contexts end with their component configuration, when their module is restarted, or with the bus;
 * ending a context ends the subscriptions made through it.
 */
final class Contexts {
    /** Makes a context with its sequence number. */
    interface Factory {
        ModuleContextImpl create(long seq);
    }

    private final List<ModuleContextImpl> open = new ArrayList<>(); // guarded by this
    private long nextSeq; // guarded by this

    /** The open context of component configuration {@code componentId}, or a new one (always new without id). */
    synchronized ModuleContextImpl obtain(String moduleId, Long componentId, Factory factory) {
        if (componentId != null) {
            for (ModuleContextImpl context : open) {
                if (componentId.equals(context.componentId()) && context.moduleId().equals(moduleId)) {
                    return context;
                }
            }
        }
        ModuleContextImpl context = factory.create(nextSeq++);
        open.add(context);
        return context;
    }

    /** Contexts handed out from now on have a sequence number of at least this. */
    synchronized long mark() {
        return nextSeq;
    }

    /** Ends the contexts, handed out before {@code mark}, whose component configuration is not in {@code live}. */
    void retain(Set<Long> live, long mark) {
        closeIf(c -> c.componentId() != null && !live.contains(c.componentId()) && c.seq() < mark);
    }

    void closeModule(String moduleId) {
        closeIf(c -> c.moduleId().equals(moduleId));
    }

    void closeAll() {
        closeIf(c -> true);
    }

    private void closeIf(Predicate<ModuleContextImpl> which) {
        List<ModuleContextImpl> gone = new ArrayList<>();
        synchronized (this) {
            open.removeIf(c -> which.test(c) && gone.add(c));
        }
        gone.forEach(ModuleContextImpl::close); // outside the lock: closing touches the routers
    }
}
