package dev.pylon.runtime.internal.bus;

import dev.pylon.api.ImplementationId;
import dev.pylon.api.InterfaceDescriptor;
import dev.pylon.api.Interfaces;
import dev.pylon.api.Severity;
import dev.pylon.api.errors.PylonErrors;
import dev.pylon.contract.Contract;
import dev.pylon.contract.ErrorFile;
import dev.pylon.contract.SchemaValidator;
import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.ModuleContext;
import dev.pylon.runtime.config.Manifest;
import dev.pylon.runtime.config.ModuleInstance;
import dev.pylon.runtime.config.ProvidedImpl;
import dev.pylon.runtime.config.RuntimeConfig;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The in-process bus of one applied runtime config, free of OSGi: an {@link Endpoint} and a var channel per
 * implementation of the config, the error registry, ready tracking, restarts, and the module contexts handed out
 * through {@link ModuleBus}. The OSGi layer feeds it raw providers and component states and registers what it offers.
 */
public final class Bus implements ModuleBus {
    private static final System.Logger LOG = System.getLogger(Bus.class.getName());
    private static final String COMPONENT_ID = "component.id";

    private final RuntimeConfig config;
    private final BusSettings settings;
    private final BusStats stats = new BusStats();
    private final ErrorRegistry errors;
    private final VarRouter vars;
    private final CmdRouter cmds;
    private final ReadyTracker readiness;
    private final Restarter restarter;
    private final Consumer<String> restartAction;
    private final RestartLog restartLog;
    private final List<AutoCloseable> owned;
    private final Contexts contexts = new Contexts();

    private Bus(Builder b) {
        this.config = b.config;
        this.settings = b.settings != null ? b.settings : BusSettings.from(config.settings());
        this.owned = b.owned;
        this.restartAction = b.restartAction;
        this.restartLog = new RestartLog(b.clock);
        SchemaValidator validator = settings.validateSchema()
                ? (b.validator != null ? b.validator : new SchemaValidator(b.contract)) : null;
        Map<String, String> descriptions = new HashMap<>();
        for (ErrorFile file : b.contract.errorFiles().values()) {
            file.errors().forEach(e -> descriptions.put(e.type(), e.description()));
        }
        this.errors = new ErrorRegistry(settings.errorHistoryCapacity(), settings.varQueueCapacity(), b.clock,
                descriptions, b.delivery, stats);
        this.vars = new VarRouter(validator, settings.varQueueCapacity(), b.delivery, stats);
        this.cmds = new CmdRouter(settings, validator, b.cmdPool, errors, stats);
        this.readiness = new ReadyTracker(config.modules().keySet(), b.clock);
        this.restarter = new Restarter(b.scheduler, new RestartActions());
        for (ModuleInstance module : config.modules().values()) {
            for (ProvidedImpl impl : manifest(module.moduleId()).provides().values()) {
                ImplementationId id = new ImplementationId(module.moduleId(), impl.implId());
                InterfaceDescriptor<?, ?> descriptor = Interfaces.get(impl.interfaceName());
                vars.declare(id, descriptor);
                cmds.declare(id, descriptor);
            }
        }
    }

    public static Builder builder(RuntimeConfig config, Contract contract) {
        return new Builder(config, contract);
    }

    public RuntimeConfig config() {
        return config;
    }

    public BusSettings settings() {
        return settings;
    }

    public BusStats stats() {
        return stats;
    }

    public ErrorRegistry errors() {
        return errors;
    }

    public VarRouter vars() {
        return vars;
    }

    public CmdRouter cmds() {
        return cmds;
    }

    public ReadyTracker readiness() {
        return readiness;
    }

    public Restarter restarter() {
        return restarter;
    }

    /** One endpoint per implementation of the config, in config order. */
    public Collection<Endpoint> endpoints() {
        return cmds.endpoints();
    }

    public Endpoint endpoint(String moduleId, String implId) {
        return cmds.endpoint(new ImplementationId(moduleId, implId));
    }

    @Override
    public ModuleContext context(Map<String, ?> componentProperties) {
        Object id = componentProperties.get(MODULE_ID);
        if (!(id instanceof String moduleId) || !config.modules().containsKey(moduleId)) {
            throw new IllegalArgumentException("the component properties name no module of " + config.source()
                    + " (" + MODULE_ID + "=" + id + "); modules: " + config.modules().keySet());
        }
        Long componentId = componentProperties.get(COMPONENT_ID) instanceof Long l ? l : null;
        return contexts.obtain(moduleId, componentId, seq -> new ModuleContextImpl(this,
                config.modules().get(moduleId), manifest(moduleId), componentId, seq));
    }

    /** A mark to pass to {@link #retainComponents}: contexts handed out after it are left alone. */
    public long contextMark() {
        return contexts.mark();
    }

    /**
     * Closes the contexts (and so the subscriptions) of component configurations that no longer exist, among those
     * handed out before {@code mark}.
     */
    public void retainComponents(Set<Long> liveComponentIds, long mark) {
        contexts.retain(liveComponentIds, mark);
    }

    /** The implementation id through which module {@code moduleId} provides {@code interfaceName}, if it does. */
    public Optional<String> implementationOf(String moduleId, String interfaceName) {
        if (!config.modules().containsKey(moduleId)) {
            return Optional.empty();
        }
        return manifest(moduleId).provides().values().stream()
                .filter(p -> p.interfaceName().equals(interfaceName)).map(ProvidedImpl::implId).findFirst();
    }

    /**
     * A raw provider service of module {@code moduleId} appeared under the cmd interface of {@code interfaceName};
     * returns whether an endpoint now routes to it.
     */
    public boolean providerAdded(String moduleId, String interfaceName, long serviceId, Object provider) {
        Optional<String> impl = implementationOf(moduleId, interfaceName);
        if (impl.isEmpty()) {
            return false;
        }
        endpoint(moduleId, impl.get()).addProvider(serviceId, provider);
        LOG.log(Level.DEBUG, () -> "provider " + serviceId + " serves " + moduleId + "/" + impl.get());
        return true;
    }

    public void providerRemoved(String moduleId, String interfaceName, long serviceId) {
        implementationOf(moduleId, interfaceName)
                .ifPresent(impl -> endpoint(moduleId, impl).removeProvider(serviceId));
    }

    public void ready(String moduleId) {
        readiness.ready(moduleId);
    }

    public CompletableFuture<ReadyTracker.GlobalReady> globalReady() {
        return readiness.globalReady();
    }

    /** The component configuration {@code componentId} of {@code moduleId} failed to activate. */
    public void moduleFailed(String moduleId, long componentId, String reason) {
        restarter.failed(moduleId, componentId, reason);
    }

    /** The component of {@code moduleId} is active. */
    public void moduleActive(String moduleId) {
        restarter.active(moduleId);
    }

    /**
     * Restarts module {@code moduleId} now, on request (the console), whatever its state: it is no longer ready, its
     * contexts end and its component configuration is created anew. No other module is touched.
     *
     * @throws IllegalArgumentException for a module the config does not have
     */
    public void restart(String moduleId) {
        manifest(moduleId);
        restartLog.restarted(moduleId, "console");
        restartNow(moduleId);
    }

    /** The read-only view of this bus the console shows. */
    public BusInspector inspector() {
        return new BusInspector(this, restartLog);
    }

    /** The framework is stopping: no more restarts, and providers going away are not reported missing. */
    public void frameworkStopping() {
        restarter.close();
        cmds.stopping();
    }

    /** Stops restarts and calls, ends every subscription, and stops the threads the bus owns. */
    public void close() {
        restarter.close();
        cmds.close();
        contexts.closeAll();
        for (AutoCloseable resource : owned) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(Level.DEBUG, "closing " + resource, e);
            }
        }
    }

    private Manifest manifest(String moduleId) {
        return config.manifestOf(moduleId);
    }

    private void restartNow(String moduleId) {
        readiness.reset(moduleId);
        contexts.closeModule(moduleId);
        LOG.log(Level.INFO, () -> "restarting module " + moduleId);
        restartAction.accept(moduleId);
    }

    private List<ImplementationId> implementations(String moduleId) {
        return manifest(moduleId).provides().keySet().stream().map(impl -> new ImplementationId(moduleId, impl))
                .toList();
    }

    private final class RestartActions implements Restarter.Actions {
        @Override
        public void failed(String moduleId, String reason, int attempt, Duration retryIn) {
            LOG.log(Level.WARNING, () -> "module " + moduleId + " failed to start (" + reason + "); restart #"
                    + attempt + " in " + retryIn.toMillis() + " ms");
            restartLog.failed(moduleId, reason);
            implementations(moduleId).forEach(origin -> errors.raise(origin, PylonErrors.MODULE_FAILED, "",
                    "module " + moduleId + " failed to start: " + reason, Severity.High));
        }

        @Override
        public void restart(String moduleId) {
            restartLog.restarted(moduleId, "backoff");
            try {
                restartNow(moduleId);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "restarting module " + moduleId + " failed", e);
            }
        }

        @Override
        public void recovered(String moduleId) {
            LOG.log(Level.INFO, () -> "module " + moduleId + " runs again");
            implementations(moduleId).forEach(origin -> errors.clearAll(origin, PylonErrors.MODULE_FAILED));
        }
    }

    /** Builds a bus; every executor, the scheduler and the clock can be replaced (tests run them by hand). */
    public static final class Builder {
        private final RuntimeConfig config;
        private final Contract contract;
        private final List<AutoCloseable> owned = new ArrayList<>();
        private BusSettings settings;
        private SchemaValidator validator;
        private ExecutorService cmdPool;
        private Executor delivery;
        private Scheduler scheduler;
        private Clock clock = Clock.systemUTC();
        private Consumer<String> restartAction = id -> LOG.log(Level.WARNING, "no restart action for " + id);

        private Builder(RuntimeConfig config, Contract contract) {
            this.config = config;
            this.contract = contract;
        }

        /** Overrides the settings read from the config. */
        public Builder settings(BusSettings value) {
            this.settings = value;
            return this;
        }

        /** Reuses a validator over the same contract (schemas are compiled once per validator). */
        public Builder validator(SchemaValidator value) {
            this.validator = value;
            return this;
        }

        /** Runs cmd handlers in pool mode; must grow as needed (a cached pool). */
        public Builder cmdPool(ExecutorService value) {
            this.cmdPool = value;
            return this;
        }

        /** Runs the drain tasks of subscriber queues. */
        public Builder delivery(Executor value) {
            this.delivery = value;
            return this;
        }

        public Builder scheduler(Scheduler value) {
            this.scheduler = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** What restarting a module means (in OSGi: delete and recreate its factory configuration). */
        public Builder restartAction(Consumer<String> value) {
            this.restartAction = value;
            return this;
        }

        public Bus build() {
            if (cmdPool == null) {
                cmdPool = Executors.newCachedThreadPool(daemon("pylon-cmd-"));
                owned.add(cmdPool::shutdownNow);
            }
            if (delivery == null) {
                ExecutorService pool = Executors.newCachedThreadPool(daemon("pylon-deliver-"));
                owned.add(pool::shutdownNow);
                delivery = pool;
            }
            if (scheduler == null) {
                ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("pylon-timer-"));
                owned.add(timer::shutdownNow);
                scheduler = Scheduler.of(timer);
            }
            return new Bus(this);
        }

        static ThreadFactory daemon(String prefix) {
            AtomicInteger count = new AtomicInteger();
            return r -> {
                Thread t = new Thread(r, prefix + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
        }
    }
}
