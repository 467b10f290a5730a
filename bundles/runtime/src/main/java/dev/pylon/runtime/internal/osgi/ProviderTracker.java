package dev.pylon.runtime.internal.osgi;

import dev.pylon.api.InterfaceDescriptor;
import dev.pylon.api.Interfaces;
import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.internal.bus.Bus;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * Tracks raw providers: services with {@code pylon.module.id} and without {@code pylon.endpoint}, registered by
 * module components under generated cmd interfaces. Each one the config expects (the module provides that
 * interface) is handed to the bus, which routes its endpoint's calls to the newest.
 */
final class ProviderTracker implements ServiceTrackerCustomizer<Object, ProviderTracker.Tracked> {
    private static final System.Logger LOG = System.getLogger(ProviderTracker.class.getName());
    static final String FILTER = "(&(" + ModuleBus.MODULE_ID + "=*)(!(" + ModuleBus.ENDPOINT + "=true)))";

    /** A tracked raw provider and the interfaces it serves. */
    record Tracked(String moduleId, long serviceId, List<String> interfaces, Object service) {
    }

    private final BundleContext context;
    private final Bus bus;
    private final Map<String, String> interfaceByCmdType = new HashMap<>();
    private final ServiceTracker<Object, Tracked> tracker;

    ProviderTracker(BundleContext context, Bus bus) {
        this.context = context;
        this.bus = bus;
        for (InterfaceDescriptor<?, ?> descriptor : Interfaces.all().values()) {
            interfaceByCmdType.put(descriptor.cmdType().getName(), descriptor.name());
        }
        try {
            this.tracker = new ServiceTracker<>(context, context.createFilter(FILTER), this);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    void open() {
        tracker.open();
    }

    void close() {
        tracker.close();
    }

    @Override
    public Tracked addingService(ServiceReference<Object> reference) {
        if (!(reference.getProperty(ModuleBus.MODULE_ID) instanceof String moduleId)) {
            return null;
        }
        List<String> interfaces = new ArrayList<>();
        for (String cmdType : (String[]) reference.getProperty(Constants.OBJECTCLASS)) {
            String iface = interfaceByCmdType.get(cmdType);
            if (iface != null && bus.implementationOf(moduleId, iface).isPresent()) {
                interfaces.add(iface);
            }
        }
        if (interfaces.isEmpty()) {
            return null;
        }
        Object service = context.getService(reference);
        if (service == null) { // its component failed to activate: the SCR watcher reports and restarts it
            LOG.log(Level.WARNING, () -> "provider of module " + moduleId + " " + interfaces + " could not be obtained");
            return null;
        }
        long serviceId = (Long) reference.getProperty(Constants.SERVICE_ID);
        List<String> served = new ArrayList<>();
        for (String iface : interfaces) {
            try {
                bus.providerAdded(moduleId, iface, serviceId, service);
                served.add(iface);
            } catch (ClassCastException e) { // wired to another version of the API than the runtime
                LOG.log(Level.ERROR, "provider of module " + moduleId + " for " + iface + " ignored: " + e.getMessage());
            }
        }
        if (served.isEmpty()) {
            context.ungetService(reference);
            return null;
        }
        return new Tracked(moduleId, serviceId, List.copyOf(served), service);
    }

    @Override
    public void modifiedService(ServiceReference<Object> reference, Tracked tracked) {
        // module id and interfaces of a registration do not change; config values may, and do not matter here
    }

    @Override
    public void removedService(ServiceReference<Object> reference, Tracked tracked) {
        for (String iface : tracked.interfaces()) {
            bus.providerRemoved(tracked.moduleId(), iface, tracked.serviceId());
        }
        try {
            context.ungetService(reference);
        } catch (IllegalStateException e) { // our bundle is stopping
            LOG.log(Level.DEBUG, "unget after stop", e);
        }
    }
}
