package dev.pylon.runtime.internal.bus;

import dev.pylon.api.ErrorObject;
import dev.pylon.api.ImplementationId;
import dev.pylon.api.InterfaceDescriptor;
import dev.pylon.api.Interfaces;
import dev.pylon.api.Severity;
import dev.pylon.api.VarPublisher;
import dev.pylon.api.errors.PylonErrors;
import dev.pylon.runtime.ErrorReporter;
import dev.pylon.runtime.ModuleContext;
import dev.pylon.runtime.Subscription;
import dev.pylon.runtime.config.Manifest;
import dev.pylon.runtime.config.ModuleInstance;
import dev.pylon.runtime.config.ProvidedImpl;
import dev.pylon.runtime.config.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The context of one module instance (one DS component configuration). It owns the subscriptions made through it,
 * which {@link #close()} ends: the runtime closes a context when its component configuration goes away or its module
 * is restarted.
 */
final class ModuleContextImpl implements ModuleContext {
    private final Bus bus;
    private final ModuleInstance instance;
    private final Manifest manifest;
    private final Long componentId;
    private final long seq;
    private final List<Subscription> subscriptions = new ArrayList<>(); // guarded by this
    private boolean closed; // guarded by this

    ModuleContextImpl(Bus bus, ModuleInstance instance, Manifest manifest, Long componentId, long seq) {
        this.bus = bus;
        this.instance = instance;
        this.manifest = manifest;
        this.componentId = componentId;
        this.seq = seq;
    }

    /** The DS component configuration this context belongs to, or null when unknown. */
    Long componentId() {
        return componentId;
    }

    /** Order in which contexts were handed out. */
    long seq() {
        return seq;
    }

    @Override
    public String moduleId() {
        return instance.moduleId();
    }

    @Override
    public String moduleName() {
        return instance.moduleName();
    }

    @Override
    public VarPublisher publisher(String implId) {
        provided(implId);
        return bus.vars().publisher(new ImplementationId(moduleId(), implId));
    }

    @Override
    public ErrorReporter errors(String implId) {
        ProvidedImpl impl = provided(implId);
        return new Reporter(new ImplementationId(moduleId(), implId), Interfaces.get(impl.interfaceName()));
    }

    @Override
    public Subscription subscribe(String requirementId, Object listener) {
        Requirement requirement = requirement(requirementId);
        return own(bus.vars().subscribe(moduleId(), requirementId, connections(requirementId),
                Interfaces.get(requirement.interfaceName()), listener));
    }

    @Override
    public Subscription subscribeErrors(String requirementId, Consumer<ErrorObject> listener) {
        requirement(requirementId);
        return own(bus.errors().subscribe(moduleId(), "errors of " + requirementId, connections(requirementId),
                listener));
    }

    @Override
    public Subscription subscribeAllErrors(Consumer<ErrorObject> listener) {
        return own(bus.errors().subscribeAll(moduleId(), listener));
    }

    @Override
    public List<ImplementationId> connections(String requirementId) {
        requirement(requirementId);
        return List.copyOf(instance.connections().getOrDefault(requirementId, List.of()));
    }

    @Override
    public void ready() {
        bus.ready(moduleId());
    }

    /** Ends every subscription made through this context. */
    void close() {
        List<Subscription> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayList<>(subscriptions);
            subscriptions.clear();
        }
        toClose.forEach(Subscription::close);
    }

    private Subscription own(Subscription subscription) {
        boolean alreadyClosed;
        synchronized (this) {
            alreadyClosed = closed;
            if (!closed) {
                subscriptions.add(subscription);
            }
        }
        if (alreadyClosed) {
            subscription.close();
        }
        return () -> {
            synchronized (this) {
                subscriptions.remove(subscription);
            }
            subscription.close();
        };
    }

    private ProvidedImpl provided(String implId) {
        ProvidedImpl impl = manifest.provides().get(implId);
        if (impl == null) {
            throw new IllegalArgumentException("module " + moduleId() + " (" + moduleName()
                    + ") provides no implementation '" + implId + "'; provides: " + manifest.provides().keySet());
        }
        return impl;
    }

    private Requirement requirement(String requirementId) {
        Requirement requirement = manifest.requires().get(requirementId);
        if (requirement == null) {
            throw new IllegalArgumentException("module " + moduleId() + " (" + moduleName()
                    + ") has no requirement '" + requirementId + "'; requires: " + manifest.requires().keySet());
        }
        return requirement;
    }

    @Override
    public String toString() {
        return "context of module " + moduleId() + (componentId == null ? "" : " (component " + componentId + ")");
    }

    /** Raises and clears the errors of one implementation, limited to its interface's errors and Pylon's own. */
    private final class Reporter implements ErrorReporter {
        private final ImplementationId origin;
        private final InterfaceDescriptor<?, ?> descriptor;

        Reporter(ImplementationId origin, InterfaceDescriptor<?, ?> descriptor) {
            this.origin = origin;
            this.descriptor = descriptor;
        }

        @Override
        public ErrorObject raise(String type, String subType, String message, Severity severity) {
            if (!descriptor.errors().contains(type) && !PylonErrors.ALL.contains(type)) {
                throw new IllegalArgumentException("interface " + descriptor.name() + " of " + origin
                        + " declares no error '" + type + "'; declared: " + descriptor.errors());
            }
            return bus.errors().raise(origin, type, subType, message, severity);
        }

        @Override
        public boolean clear(String type, String subType) {
            return bus.errors().clear(origin, type, subType);
        }

        @Override
        public int clearAll(String type) {
            return bus.errors().clearAll(origin, type);
        }

        @Override
        public int clearAll() {
            return bus.errors().clearAll(origin, null);
        }

        @Override
        public List<ErrorObject> active() {
            return bus.errors().active(origin);
        }
    }
}
