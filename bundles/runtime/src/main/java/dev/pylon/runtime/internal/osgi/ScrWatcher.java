package dev.pylon.runtime.internal.osgi;

import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.internal.bus.Bus;
import dev.pylon.runtime.internal.bus.Scheduler;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Watches the component configurations of the module instances through SCR's DTOs (SCR sends no events, so it
 * polls): a configuration in {@code FAILED_ACTIVATION} is reported to the bus, which raises {@code pylon/ModuleFailed}
 * and restarts that module with backoff; an active one resets the backoff. Contexts of component configurations that
 * are gone are closed, which ends their subscriptions.
 */
final class ScrWatcher {
    private static final System.Logger LOG = System.getLogger(ScrWatcher.class.getName());
    static final Duration INTERVAL = Duration.ofMillis(500);

    private final ServiceComponentRuntime scr;
    private final Bus bus;
    private final Scheduler scheduler;
    private final Duration interval;
    private Scheduler.Cancellable next; // guarded by this
    private boolean stopped; // guarded by this

    ScrWatcher(ServiceComponentRuntime scr, Bus bus, Scheduler scheduler, Duration interval) {
        this.scr = scr;
        this.bus = bus;
        this.scheduler = scheduler;
        this.interval = interval;
    }

    synchronized void start() {
        stopped = false;
        next = scheduler.schedule(this::tick, interval);
    }

    synchronized void stop() {
        stopped = true;
        if (next != null) {
            next.cancel();
        }
    }

    private void tick() {
        try {
            poll();
        } catch (RuntimeException e) { // SCR going away, or a bug: keep watching
            LOG.log(Level.WARNING, "watching module components failed", e);
        }
        synchronized (this) {
            if (!stopped) {
                next = scheduler.schedule(this::tick, interval);
            }
        }
    }

    /** One look at every component configuration. */
    void poll() {
        long mark = bus.contextMark();
        Set<Long> live = new HashSet<>();
        Set<String> moduleNames = new HashSet<>();
        bus.config().modules().values().forEach(m -> moduleNames.add(m.moduleName()));
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                live.add(configuration.id);
                if (!moduleNames.contains(description.name)
                        || !(configuration.properties.get(ModuleBus.MODULE_ID) instanceof String moduleId)
                        || !bus.config().modules().containsKey(moduleId)) {
                    continue;
                }
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    bus.moduleFailed(moduleId, configuration.id, reason(configuration.failure));
                } else if (configuration.state == ComponentConfigurationDTO.ACTIVE) {
                    bus.moduleActive(moduleId);
                }
            }
        }
        bus.retainComponents(live, mark);
    }

    /** The root cause in SCR's failure text (a stack trace): its last "Caused by:" line, else its first line. */
    static String reason(String failure) {
        if (failure == null || failure.isBlank()) {
            return "activation failed";
        }
        String reason = null;
        for (String line : failure.split("\n")) {
            String text = line.strip();
            if (reason == null && !text.isEmpty()) {
                reason = text;
            }
            if (text.startsWith("Caused by: ")) {
                reason = text.substring("Caused by: ".length());
            }
        }
        return reason;
    }
}
