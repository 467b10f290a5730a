package dev.pylon.runtime.internal.osgi;

import dev.pylon.contract.Problem;
import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.internal.bus.Bus;
import dev.pylon.runtime.internal.bus.Endpoint;
import dev.pylon.runtime.internal.bus.ReadyTracker.GlobalReady;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The services the runtime registers for one applied config: {@link ModuleBus}, one endpoint per implementation
 * (under the generated cmd interface, with {@code pylon.endpoint=true}, {@code pylon.module.id},
 * {@code pylon.impl.id}, {@code pylon.interface}) and, at global ready, the ready marker; for a rejected config, only
 * the marker listing its problems.
 */
final class Registrations {
    private static final System.Logger LOG = System.getLogger(Registrations.class.getName());

    private final BundleContext context;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>(); // guarded by this
    private boolean closed; // guarded by this

    Registrations(BundleContext context) {
        this.context = context;
    }

    void registerModuleBus(Bus bus) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(ModuleBus.CONFIG_PROPERTY, bus.config().source());
        add(context.registerService(ModuleBus.class, bus, props));
    }

    void registerEndpoints(Bus bus) {
        for (Endpoint endpoint : bus.endpoints()) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(ModuleBus.ENDPOINT, Boolean.TRUE);
            props.put(ModuleBus.MODULE_ID, endpoint.id().moduleId());
            props.put(ModuleBus.IMPL_ID, endpoint.id().implementationId());
            props.put(ModuleBus.INTERFACE, endpoint.descriptor().name());
            add(context.registerService(endpoint.descriptor().cmdType().getName(), endpoint.client(), props));
        }
    }

    /** Registers the marker the launcher waits for: objectClass {@code java.lang.Object}, {@code pylon.global.ready=true}. */
    void registerGlobalReady(GlobalReady ready) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(ModuleBus.GLOBAL_READY, Boolean.TRUE);
        props.put("pylon.ready.modules", ready.modules());
        props.put("pylon.ready.millis", ready.millis());
        synchronized (this) {
            if (closed) {
                return;
            }
            registrations.add(context.registerService(Object.class, new Object(), props));
        }
    }

    /**
     * Registers the marker of a rejected config: objectClass {@code java.lang.Object}, {@code pylon.config} = its
     * path, {@code pylon.config.problems} = every problem as {@code file:line:column: message}.
     */
    void registerRejected(String configPath, List<Problem> problems) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(ModuleBus.CONFIG_PROPERTY, configPath);
        props.put(ModuleBus.CONFIG_PROBLEMS, problems.stream().map(Problem::toString).toArray(String[]::new));
        add(context.registerService(Object.class, new Object(), props));
    }

    private void add(ServiceRegistration<?> registration) {
        synchronized (this) {
            if (!closed) {
                registrations.add(registration);
                return;
            }
        }
        registration.unregister();
    }

    /** Unregisters everything, newest first. */
    void close() {
        List<ServiceRegistration<?>> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(registrations);
            registrations.clear();
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            try {
                all.get(i).unregister();
            } catch (IllegalStateException e) {
                LOG.log(Level.DEBUG, "already unregistered", e);
            }
        }
    }
}
