package dev.pylon.sessionmonitor.internal;

import dev.pylon.api.ImplementationId;
import dev.pylon.api.empty.Empty;
import dev.pylon.api.evsemanager.EvseManagerListener;
import dev.pylon.api.powermeter.PowermeterListener;
import dev.pylon.api.types.evsemanager.SessionEvent;
import dev.pylon.api.types.powermeter.Powermeter;
import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.ModuleContext;
import dev.pylon.runtime.Subscription;
import dev.pylon.runtime.Timers;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Module SessionMonitor: the console view of a running charger. It subscribes to {@code session_event} and
 * {@code powermeter} of its EVSE manager (requirement {@code evse_manager}), or to the meters of requirement
 * {@code powermeter} when the config connects any, and logs what {@link SessionView} makes of them at INFO on the
 * logger {@code dev.pylon.sessionmonitor.internal.SessionMonitor}, which the launcher shows as
 * {@code [SessionMonitor]}. It only listens: it calls no cmd, and a config without it charges the same.
 * <p>
 * Lines name the EVSE by the module id of the {@code evse_manager} connection. The bus merges the vars of all
 * connections of a requirement, so with several EVSE managers the lines cannot tell them apart yet and are labelled
 * with every id ({@code connector_1+connector_2}); one monitor per EVSE manager keeps them apart.
 */
@Component(name = "SessionMonitor", configurationPolicy = ConfigurationPolicy.REQUIRE, service = Empty.class,
        immediate = true)
public final class SessionMonitor implements Empty {
    static final String EVSE_MANAGER = "evse_manager";
    static final String POWERMETER = "powermeter";
    static final String POWER_INTERVAL = "power_interval_s";
    private static final System.Logger LOG = System.getLogger(SessionMonitor.class.getName());

    private final Timers timers;
    private final SessionView view;
    private final Consumer<String> out;
    private final List<Subscription> subscriptions = new ArrayList<>();

    @Activate
    public SessionMonitor(@Reference ModuleBus bus, @Reference Timers timers, Map<String, Object> properties) {
        this(bus.context(properties), timers, properties, line -> LOG.log(Level.INFO, line));
    }

    /** With {@code out} receiving each line instead of the logger (tests). */
    SessionMonitor(ModuleContext context, Timers timers, Map<String, ?> properties, Consumer<String> out) {
        this.timers = timers;
        this.out = out;
        this.view = new SessionView(label(context.connections(EVSE_MANAGER)), powerInterval(properties));
        boolean ownMeters = !context.connections(POWERMETER).isEmpty();
        subscriptions.add(context.subscribe(EVSE_MANAGER, new EvseManagerListener() {
            @Override
            public void onSessionEvent(SessionEvent value) {
                print(() -> view.onSessionEvent(value, timers.now()));
            }

            @Override
            public void onPowermeter(Powermeter value) {
                if (!ownMeters) {
                    print(() -> view.onPowermeter(value, timers.now()));
                }
            }
        }));
        if (ownMeters) {
            subscriptions.add(context.subscribe(POWERMETER, new PowermeterListener() {
                @Override
                public void onPowermeter(Powermeter value) {
                    print(() -> view.onPowermeter(value, timers.now()));
                }
            }));
        }
        context.ready();
    }

    @Deactivate
    void stop() {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
    }

    /** The two subscriptions deliver on different bus threads: one input at a time, lines in order. */
    private synchronized void print(java.util.function.Supplier<List<String>> lines) {
        for (String line : lines.get()) {
            out.accept(line);
        }
    }

    static String label(List<ImplementationId> evses) {
        return evses.isEmpty() ? "evse"
                : evses.stream().map(ImplementationId::moduleId).distinct().collect(Collectors.joining("+"));
    }

    static Duration powerInterval(Map<String, ?> properties) {
        Object value = properties.get(POWER_INTERVAL);
        if (value == null) {
            return Duration.ofSeconds(5);
        }
        if (!(value instanceof Number n) || n.doubleValue() < 0) {
            throw new IllegalArgumentException("config key " + POWER_INTERVAL + " must be a number >= 0, got " + value);
        }
        return Duration.ofMillis(Math.round(n.doubleValue() * 1000));
    }
}
