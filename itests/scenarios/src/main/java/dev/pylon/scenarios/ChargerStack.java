package dev.pylon.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.pylon.api.ImplementationId;
import dev.pylon.api.Interfaces;
import dev.pylon.api.VarPublisher;
import dev.pylon.boardsupport.sim.SimulatorControl;
import dev.pylon.contract.Contract;
import dev.pylon.contract.ContractLoader;
import dev.pylon.contract.ContractSources;
import dev.pylon.runtime.ErrorReporter;
import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.ModuleContext;
import dev.pylon.runtime.Subscription;
import dev.pylon.runtime.Timers;
import dev.pylon.runtime.config.ComponentProperties;
import dev.pylon.runtime.config.ConfigLoader;
import dev.pylon.runtime.config.Manifest;
import dev.pylon.runtime.config.ManifestLoader;
import dev.pylon.runtime.config.ModuleInstance;
import dev.pylon.runtime.config.RuntimeConfig;
import dev.pylon.runtime.internal.bus.Bus;
import dev.pylon.runtime.internal.bus.BusSettings;
import dev.pylon.runtime.internal.timers.WallTimers;
import dev.pylon.runtime.timers.SimulatedTimers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A runtime config's modules as the runtime would run them, without OSGi: the config and the module manifests are
 * checked by the runtime's own loaders, one {@link Bus} is built from the config's module graph, and each module
 * instance is its real DS component class, constructed directly, bound and activated the way SCR would, with the
 * component properties the runtime would give it ({@link ComponentProperties}). Requirers get the bus endpoints of
 * their connections; what a module provides is registered with the bus as its raw provider.
 *
 * <p>Two modes:
 * <ul>
 * <li>{@link Mode#SIMULATED}: single-threaded and reproducible. Time is a {@link SimulatedTimers}; var and error
 * delivery runs as zero-delay tasks on it (so deliveries interleave with timers in a fixed order); cmds run in the
 * bus's pool mode on an executor that runs them at once on the caller's thread; EvseManager runs on a direct serial
 * context and Auth on the delivering thread. Nothing happens between calls of {@link #run}. One departure from the
 * config: DummyTokenValidator's {@code main.sleep} is set to 0, because that module blocks its caller until a timer
 * fires, which a single thread that also advances the time cannot do.</li>
 * <li>{@link Mode#WALL}: the modules' own DS constructors, their own threads, wall-time {@link WallTimers} and the
 * bus's own pools, as in {@code ./pylon run} (for benchmarks).</li>
 * </ul>
 */
public final class ChargerStack implements AutoCloseable {
    /** How time passes and where the modules run. */
    public enum Mode {
        SIMULATED, WALL
    }

    private static final System.Logger LOG = System.getLogger(ChargerStack.class.getName());
    static final String PROBE = "probe";

    private final Mode mode;
    private final RuntimeConfig config;
    private final Timers timers;
    private final SimulatedTimers simulated;
    private final Bus bus;
    private final Map<String, Object> components = new LinkedHashMap<>();
    private final ArrayDeque<Runnable> deactivations = new ArrayDeque<>();
    private final AtomicLong serviceIds = new AtomicLong(1000);
    private final Builder spec;
    private boolean closed;

    private ChargerStack(Builder b) {
        this.spec = b;
        this.mode = b.mode;
        Contract contract = contract();
        this.config = without(load(b.configFile, contract), b.without);
        Map<String, Object> configSettings = new LinkedHashMap<>(config.settings());
        configSettings.putAll(b.settingOverrides);
        BusSettings settings = b.settings != null ? b.settings : BusSettings.from(configSettings);
        Bus.Builder bus = Bus.builder(config, contract).settings(settings).restartAction(id ->
                LOG.log(System.Logger.Level.WARNING, "module " + id + " failed; the harness does not restart it"));
        if (mode == Mode.SIMULATED) {
            simulated = new SimulatedTimers(b.start);
            timers = simulated;
            bus.delivery(task -> simulated.schedule(Duration.ZERO, task))
                    .cmdPool(new CallerRunsExecutorService())
                    .scheduler((task, delay) -> {
                        Timers.Timer t = simulated.schedule(delay, task);
                        return t::cancel;
                    })
                    .clock(new TimersClock(simulated));
        } else {
            simulated = null;
            timers = new WallTimers();
        }
        this.bus = bus.build();
        try {
            for (String moduleId : startOrder(config)) {
                start(moduleId);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** A stack from a runtime config file (EVerest format); {@link Builder#build()} starts it. */
    public static Builder builder(Path configFile) {
        return new Builder(configFile);
    }

    /** The config file of the build ({@code pylon.config}), else {@code config/sim-ac.yaml} from here upwards. */
    public static Path defaultConfig() {
        String property = System.getProperty("pylon.config");
        if (property != null) {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("config/sim-ac.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("config/sim-ac.yaml not found; set -Dpylon.config");
    }

    // ------------------------------------------------------------------------------------------ what a test uses

    public Mode mode() {
        return mode;
    }

    public RuntimeConfig config() {
        return config;
    }

    public Bus bus() {
        return bus;
    }

    public Timers timers() {
        return timers;
    }

    /** The simulated time (mode SIMULATED only). */
    public SimulatedTimers simulatedTimers() {
        if (simulated == null) {
            throw new IllegalStateException("the stack runs on wall time");
        }
        return simulated;
    }

    /** The bus endpoint of an implementation, as a requirer sees it: every call goes through the bus. */
    public <T> T client(String moduleId, String implId, Class<T> type) {
        return type.cast(bus.endpoint(moduleId, implId).client());
    }

    /** The component object of a module instance (its DS class). */
    public Object component(String moduleId) {
        Object component = components.get(moduleId);
        if (component == null) {
            throw new IllegalArgumentException("no module " + moduleId + "; modules: " + components.keySet());
        }
        return component;
    }

    /** The error-injection service of a YetiSimulator instance. */
    public SimulatorControl simulator(String moduleId) {
        return (SimulatorControl) component(moduleId);
    }

    /**
     * Subscribes {@code listener} (the generated {@code <Interface>Listener} of the implementation's interface) to the
     * vars of one implementation, as EVerest's probe module does; values arrive as they reach any requirer.
     */
    public Subscription probe(String moduleId, String implId, Object listener) {
        ImplementationId id = new ImplementationId(moduleId, implId);
        String iface = interfaceOf(id);
        return bus.vars().subscribe(PROBE, "probe of " + id, List.of(id), Interfaces.get(iface), listener);
    }

    /** The interface an implementation of the config implements. */
    public String interfaceOf(ImplementationId id) {
        return config.manifestOf(id.moduleId()).provides().get(id.implementationId()).interfaceName();
    }

    /** Lets {@code duration} of simulated time pass: every timer, var and error due in it runs, in order. */
    public void run(Duration duration) {
        simulatedTimers().advance(duration);
    }

    /**
     * Lets simulated time pass in {@code step}s until {@code condition} holds, at most {@code max}; returns whether it
     * held. The condition is checked before the first step.
     */
    public boolean runUntil(BooleanSupplier condition, Duration max, Duration step) {
        Instant end = timers.now().plus(max);
        while (!condition.getAsBoolean()) {
            if (!timers.now().isBefore(end)) {
                return false;
            }
            Duration left = Duration.between(timers.now(), end);
            run(left.compareTo(step) < 0 ? left : step);
        }
        return true;
    }

    /** Deactivates every module (last started first), then closes the bus. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        bus.frameworkStopping(); // providers going away now are not missing
        while (!deactivations.isEmpty()) {
            try {
                deactivations.pop().run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "deactivating a module failed", e);
            }
        }
        if (simulated != null) {
            simulated.runDue();
        }
        bus.close();
        if (timers instanceof WallTimers wall) {
            Ds.call(wall, "stop");
        }
    }

    // ------------------------------------------------------------------------------------------ building

    private static Contract contract() {
        return ContractLoader.load(ContractSources.fromClassLoader(Interfaces.class.getClassLoader()));
    }

    /** The config, checked with the manifests the module jars on the class path carry. */
    static RuntimeConfig load(Path file, Contract contract) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, Manifest> manifests = new LinkedHashMap<>();
        for (String moduleName : moduleNames(text)) {
            String path = String.format(ManifestLoader.BUNDLE_PATH_PATTERN, moduleName);
            try (InputStream in = ChargerStack.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    continue; // the config check names the unknown module type
                }
                manifests.put(moduleName, ManifestLoader.load(moduleName, path,
                        new String(in.readAllBytes(), StandardCharsets.UTF_8), contract));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ConfigLoader.load(file.toString(), text, manifests, contract);
    }

    /** The config without some module instances; nothing left may be connected to them. */
    static RuntimeConfig without(RuntimeConfig config, Set<String> moduleIds) {
        if (moduleIds.isEmpty()) {
            return config;
        }
        Map<String, ModuleInstance> kept = new LinkedHashMap<>(config.modules());
        for (String id : moduleIds) {
            if (kept.remove(id) == null) {
                throw new IllegalArgumentException("no module " + id + " in " + config.source());
            }
        }
        for (ModuleInstance m : kept.values()) {
            m.connections().forEach((req, ids) -> ids.forEach(id -> {
                if (moduleIds.contains(id.moduleId())) {
                    throw new IllegalArgumentException(m.moduleId() + "." + req + " is connected to " + id
                            + ", which is left out");
                }
            }));
        }
        return new RuntimeConfig(config.source(), config.settings(), kept, config.manifests());
    }

    private static Set<String> moduleNames(String yaml) {
        Set<String> names = new LinkedHashSet<>();
        try {
            JsonNode modules = new YAMLMapper().readTree(yaml).path("active_modules");
            modules.forEach(m -> {
                if (m.path("module").isTextual()) {
                    names.add(m.path("module").asText());
                }
            });
        } catch (IOException e) {
            // the config check reports it with its line
        }
        return names;
    }

    /** Providers before their requirers where the graph allows it; otherwise config order. */
    static List<String> startOrder(RuntimeConfig config) {
        List<String> order = new ArrayList<>();
        List<String> left = new ArrayList<>(config.modules().keySet());
        while (!left.isEmpty()) {
            String next = left.stream().filter(id -> config.modules().get(id).connections().values().stream()
                    .flatMap(List::stream).map(ImplementationId::moduleId)
                    .allMatch(target -> target.equals(id) || order.contains(target))).findFirst().orElse(left.get(0));
            order.add(next);
            left.remove(next);
        }
        return order;
    }

    private void start(String moduleId) {
        ModuleInstance instance = config.modules().get(moduleId);
        Map<String, Object> props = new LinkedHashMap<>(ComponentProperties.of(config, moduleId));
        props.put("component.id", serviceIds.incrementAndGet());
        props.putAll(spec.overrides.getOrDefault(moduleId, Map.of()));
        Modules.Factory factory = Modules.FACTORIES.get(instance.moduleName());
        if (factory == null) {
            throw new IllegalArgumentException("the harness cannot start module type " + instance.moduleName()
                    + " (" + moduleId + "); it knows " + Modules.FACTORIES.keySet());
        }
        Modules.Started started = factory.start(new Wiring(moduleId, props));
        components.put(moduleId, started.component());
        deactivations.push(started.deactivate());
    }

    /** What a module's factory gets: its properties, the bus, the time, its connections, and where to provide. */
    final class Wiring {
        final String moduleId;
        final Map<String, Object> props;

        Wiring(String moduleId, Map<String, Object> props) {
            this.moduleId = moduleId;
            this.props = props;
        }

        Mode mode() {
            return mode;
        }

        Timers timers() {
            return timers;
        }

        /** The bus as the module sees it (with the builder's publisher wrapper, if any). */
        ModuleBus bus() {
            return spec.publisherWrapper == null ? bus : new WrappingBus();
        }

        /** The endpoint client of the requirement's only connection, or null without one. */
        <T> T requirement(String requirementId, Class<T> type) {
            List<ImplementationId> connections = connections(requirementId);
            if (connections.size() > 1) {
                throw new IllegalStateException(moduleId + "." + requirementId + " has " + connections.size()
                        + " connections; expected at most one");
            }
            return connections.isEmpty() ? null : client(connections.get(0).moduleId(),
                    connections.get(0).implementationId(), type);
        }

        List<ImplementationId> connections(String requirementId) {
            return config.modules().get(moduleId).connections().getOrDefault(requirementId, List.of());
        }

        /** The service properties of a connection's endpoint, as a DS bind method receives them. */
        Map<String, Object> endpointProperties(ImplementationId id) {
            return Map.of(ModuleBus.ENDPOINT, true, ModuleBus.MODULE_ID, id.moduleId(), ModuleBus.IMPL_ID,
                    id.implementationId(), ModuleBus.INTERFACE, interfaceOf(id));
        }

        /** Registers the module's raw provider of {@code implId}; returns how to take it back. */
        Runnable provide(String implId, Object provider) {
            ImplementationId id = new ImplementationId(moduleId, implId);
            String iface = interfaceOf(id);
            Object served = spec.providerWrapper == null ? provider : spec.providerWrapper.apply(id, provider);
            long serviceId = serviceIds.incrementAndGet();
            if (!bus.providerAdded(moduleId, iface, serviceId, served)) {
                throw new IllegalStateException(id + " is not an implementation of the config");
            }
            java.util.concurrent.atomic.AtomicBoolean gone = new java.util.concurrent.atomic.AtomicBoolean();
            return () -> {
                if (!gone.getAndSet(true)) {
                    bus.providerRemoved(moduleId, iface, serviceId);
                }
            };
        }

        /** The endpoint client of one connection. */
        <T> T requirementClient(ImplementationId id, Class<T> type) {
            return client(id.moduleId(), id.implementationId(), type);
        }

        /** A ModuleBus whose contexts hand out wrapped publishers. */
        private final class WrappingBus implements ModuleBus {
            @Override
            public ModuleContext context(Map<String, ?> componentProperties) {
                ModuleContext real = bus.context(componentProperties);
                return new ModuleContext() {
                    @Override
                    public String moduleId() {
                        return real.moduleId();
                    }

                    @Override
                    public String moduleName() {
                        return real.moduleName();
                    }

                    @Override
                    public VarPublisher publisher(String implId) {
                        return spec.publisherWrapper.apply(new ImplementationId(real.moduleId(), implId),
                                real.publisher(implId));
                    }

                    @Override
                    public ErrorReporter errors(String implId) {
                        return real.errors(implId);
                    }

                    @Override
                    public Subscription subscribe(String requirementId, Object listener) {
                        return real.subscribe(requirementId, listener);
                    }

                    @Override
                    public Subscription subscribeErrors(String requirementId,
                            Consumer<dev.pylon.api.ErrorObject> listener) {
                        return real.subscribeErrors(requirementId, listener);
                    }

                    @Override
                    public Subscription subscribeAllErrors(Consumer<dev.pylon.api.ErrorObject> listener) {
                        return real.subscribeAllErrors(listener);
                    }

                    @Override
                    public List<ImplementationId> connections(String requirementId) {
                        return real.connections(requirementId);
                    }

                    @Override
                    public void ready() {
                        real.ready();
                    }
                };
            }
        }
    }

    /** Configures and starts a stack. */
    public static final class Builder {
        private final Path configFile;
        private Mode mode = Mode.SIMULATED;
        private Instant start = Instant.parse("2026-01-01T12:00:00Z");
        private BusSettings settings;
        private final Map<String, Map<String, Object>> overrides = new HashMap<>();
        private final Set<String> without = new LinkedHashSet<>();
        private final Map<String, Object> settingOverrides = new LinkedHashMap<>();
        private BiFunction<ImplementationId, Object, Object> providerWrapper;
        private BiFunction<ImplementationId, VarPublisher, VarPublisher> publisherWrapper;

        private Builder(Path configFile) {
            this.configFile = configFile;
        }

        public Builder mode(Mode value) {
            this.mode = value;
            return this;
        }

        /** When simulated time starts. */
        public Builder start(Instant value) {
            this.start = value;
            return this;
        }

        /** Bus settings instead of the config's. */
        public Builder settings(BusSettings value) {
            this.settings = value;
            return this;
        }

        /** Sets one of the config's {@code settings} (for example {@code cmd_direct}). */
        public Builder setting(String key, Object value) {
            settingOverrides.put(key, value);
            return this;
        }

        /** Sets a component property of one module instance (a config key, or {@code <impl>.<key>}). */
        public Builder override(String moduleId, String key, Object value) {
            overrides.computeIfAbsent(moduleId, k -> new LinkedHashMap<>()).put(key, value);
            return this;
        }

        /** Leaves module instances of the config out (nothing may be connected to them). */
        public Builder without(String... moduleIds) {
            without.addAll(List.of(moduleIds));
            return this;
        }

        /** Wraps every raw provider before the bus routes to it (to time or record what reaches a module). */
        public Builder wrapProviders(BiFunction<ImplementationId, Object, Object> wrapper) {
            this.providerWrapper = wrapper;
            return this;
        }

        /** Wraps every module's var publishers (to time or record what a module publishes). */
        public Builder wrapPublishers(BiFunction<ImplementationId, VarPublisher, VarPublisher> wrapper) {
            this.publisherWrapper = wrapper;
            return this;
        }

        public ChargerStack build() {
            return new ChargerStack(this);
        }
    }

    /** A clock that reads the simulated time. */
    private static final class TimersClock extends Clock {
        private final Timers timers;

        TimersClock(Timers timers) {
            this.timers = timers;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return timers.now();
        }
    }

    /**
     * Runs each task at once on the submitting thread: the bus's pool mode without a thread hand-off (a cmd's future
     * is done when {@code submit} returns).
     */
    static final class CallerRunsExecutorService extends AbstractExecutorService {
        private volatile boolean shutdown;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
