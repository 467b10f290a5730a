package dev.pylon.runtime.internal.bus;

import dev.pylon.api.CmdInvoker;
import dev.pylon.api.ImplementationId;
import dev.pylon.api.InterfaceDescriptor;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stable face of one implementation of the config on the bus: registered as a service under the generated cmd
 * interface from the moment the config is applied, whatever happens to the module behind it. Its {@link #client()}
 * sends every call through the {@link CmdRouter} to the current raw provider: of several (side-by-side update), the
 * one registered last (highest service id).
 */
public final class Endpoint implements CmdInvoker {
    private final ImplementationId id;
    private final InterfaceDescriptor<?, ?> descriptor;
    private final CmdRouter router;
    private final Object client;
    private final TreeMap<Long, Object> providers = new TreeMap<>(); // guarded by this; service id -> raw provider
    private final Set<String> failingCmds = ConcurrentHashMap.newKeySet();
    private volatile Object current;
    private boolean missingRaised; // guarded by this

    Endpoint(ImplementationId id, InterfaceDescriptor<?, ?> descriptor, CmdRouter router) {
        this.id = id;
        this.descriptor = descriptor;
        this.router = router;
        this.client = descriptor.client(this);
    }

    public ImplementationId id() {
        return id;
    }

    public InterfaceDescriptor<?, ?> descriptor() {
        return descriptor;
    }

    /** The object to register as the endpoint service: an instance of the generated cmd interface. */
    public Object client() {
        return client;
    }

    /** The raw provider that serves calls now, or null. */
    public Object current() {
        return current;
    }

    public synchronized int providerCount() {
        return providers.size();
    }

    @Override
    public Object invoke(String cmd, Object[] args) {
        return router.call(this, cmd, args);
    }

    /**
     * A raw provider (an instance of the cmd interface) was registered with service id {@code serviceId}. Clears
     * {@code pylon/ProviderMissing} when it ends a time without provider.
     */
    void addProvider(long serviceId, Object provider) {
        descriptor.cast(provider);
        synchronized (this) {
            providers.put(serviceId, provider);
            current = providers.lastEntry().getValue();
            if (missingRaised) {
                missingRaised = false;
                router.providerBack(this);
            }
        }
    }

    /** A raw provider went away; raises {@code pylon/ProviderMissing} when none is left. */
    boolean removeProvider(long serviceId) {
        synchronized (this) {
            if (providers.remove(serviceId) == null) {
                return false;
            }
            Map.Entry<Long, Object> newest = providers.lastEntry();
            current = newest == null ? null : newest.getValue();
            if (newest == null && !missingRaised) {
                missingRaised = true;
                router.providerMissing(this);
            }
            return true;
        }
    }

    /** Marks {@code cmd} as failing; returns true when it was not already. */
    boolean markFailing(String cmd) {
        return failingCmds.add(cmd);
    }

    /** Marks {@code cmd} as working; returns true when it was failing. */
    boolean markWorking(String cmd) {
        return !failingCmds.isEmpty() && failingCmds.remove(cmd);
    }

    @Override
    public String toString() {
        return "endpoint " + id + " (" + descriptor.name() + ")";
    }
}
