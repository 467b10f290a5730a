package dev.pylon.runtime.internal.bus;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Which modules have said they are ready, and global ready (EVerest's {@code GlobalReady}) once every module of the
 * config has. Global ready happens once: a module that restarts later is waited for again by nobody but itself.
 */
public final class ReadyTracker {
    private static final System.Logger LOG = System.getLogger(ReadyTracker.class.getName());

    /** Global ready: how many modules, and how long after the config was applied. */
    public record GlobalReady(int modules, long millis) {
    }

    private final Set<String> modules;
    private final Set<String> ready = new LinkedHashSet<>(); // guarded by this
    private final Clock clock;
    private final long start;
    private final CompletableFuture<GlobalReady> globalReady = new CompletableFuture<>();

    public ReadyTracker(Collection<String> moduleIds, Clock clock) {
        this.modules = Collections.unmodifiableSet(new LinkedHashSet<>(moduleIds));
        this.clock = clock;
        this.start = clock.millis();
        if (modules.isEmpty()) {
            globalReady.complete(new GlobalReady(0, 0));
        }
    }

    /** Module {@code moduleId} is ready; completes global ready when it was the last one. */
    public void ready(String moduleId) {
        if (!modules.contains(moduleId)) {
            throw new IllegalArgumentException("no module '" + moduleId + "' in the running config");
        }
        GlobalReady all = null;
        synchronized (this) {
            boolean added = ready.add(moduleId);
            if (added) {
                LOG.log(Level.DEBUG, () -> "module " + moduleId + " ready");
            }
            if (added && ready.size() == modules.size() && !globalReady.isDone()) {
                all = new GlobalReady(modules.size(), clock.millis() - start);
            }
        }
        if (all != null) {
            GlobalReady event = all;
            LOG.log(Level.INFO, () -> "all " + event.modules() + " modules ready in " + event.millis() + " ms");
            globalReady.complete(event);
        }
    }

    /** Module {@code moduleId} is starting again (restart): it is not ready until it says so. */
    public synchronized void reset(String moduleId) {
        ready.remove(moduleId);
    }

    public synchronized boolean isReady(String moduleId) {
        return ready.contains(moduleId);
    }

    /** The modules that have not said they are ready. */
    public synchronized Set<String> waitingFor() {
        Set<String> out = new LinkedHashSet<>(modules);
        out.removeAll(ready);
        return out;
    }

    /** Completes once, when every module has been ready (at once for a config without modules). */
    public CompletableFuture<GlobalReady> globalReady() {
        return globalReady.copy();
    }
}
