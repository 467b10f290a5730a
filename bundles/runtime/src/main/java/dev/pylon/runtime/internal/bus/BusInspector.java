package dev.pylon.runtime.internal.bus;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.pylon.api.ErrorObject;
import dev.pylon.api.ImplementationId;
import dev.pylon.runtime.config.Manifest;
import dev.pylon.runtime.config.ModuleInstance;
import dev.pylon.runtime.config.ProvidedImpl;
import dev.pylon.runtime.config.Requirement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the console shows of a running bus, read-only and as plain records (the console writes them as JSON): modules
 * with their implementations, readiness and restarts; the wiring of every requirement; last var values; errors;
 * counters. Nothing here changes the bus.
 */
public final class BusInspector {
    /** A module instance of the config. */
    public record ModuleView(String id, String type, boolean ready, List<ImplView> provides, RestartView restarts) {
    }

    /** An implementation a module provides, and how many raw providers serve its endpoint now. */
    public record ImplView(String implementation, @JsonProperty("interface") String interfaceName, int providers) {
        @JsonProperty("provider_bound")
        public boolean providerBound() {
            return providers > 0;
        }
    }

    /**
     * Failures and restarts of a module: failed activations in a row (0 once it runs again), whether a restart is
     * scheduled, and the last failure and restart (null when none happened).
     */
    public record RestartView(int consecutiveFailures, boolean restartPending, FailureView lastFailure,
            RestartEvent lastRestart) {
    }

    /** When a module's component failed to activate, and why. */
    public record FailureView(String at, String reason) {
    }

    /** When a module was restarted, and why: {@code backoff} (after a failure) or {@code console}. */
    public record RestartEvent(String at, String cause) {
    }

    /** A requirement of a module and the implementations the config connects it to. */
    public record RequirementView(String module, String requirement, @JsonProperty("interface") String interfaceName,
            int minConnections, int maxConnections, List<ConnectionView> connections) {
    }

    /** One connection: the implementation, and whether a raw provider serves it now. */
    public record ConnectionView(String module, String implementation, int providers) {
        @JsonProperty("provider_bound")
        public boolean providerBound() {
            return providers > 0;
        }
    }

    private final Bus bus;
    private final RestartLog restartLog;

    BusInspector(Bus bus, RestartLog restartLog) {
        this.bus = bus;
        this.restartLog = restartLog;
    }

    /** The config the bus runs: where it was read from. */
    public String configSource() {
        return bus.config().source();
    }

    /** The module ids of the config, in config order. */
    public List<String> moduleIds() {
        return List.copyOf(bus.config().modules().keySet());
    }

    /** The module type (EVerest module name) of {@code moduleId}. */
    public String moduleType(String moduleId) {
        return instance(moduleId).moduleName();
    }

    /** Every module of the config, in config order. */
    public List<ModuleView> modules() {
        return bus.config().modules().keySet().stream().map(this::module).toList();
    }

    /** One module of the config. */
    public ModuleView module(String moduleId) {
        ModuleInstance instance = instance(moduleId);
        List<ImplView> provides = new ArrayList<>();
        for (ProvidedImpl impl : manifest(moduleId).provides().values()) {
            provides.add(new ImplView(impl.implId(), impl.interfaceName(),
                    bus.endpoint(moduleId, impl.implId()).providerCount()));
        }
        RestartLog.Failure failure = restartLog.lastFailure(moduleId);
        RestartLog.Restart restart = restartLog.lastRestart(moduleId);
        RestartView restarts = new RestartView(bus.restarter().attempts(moduleId),
                bus.restarter().isPending(moduleId),
                failure == null ? null : new FailureView(text(failure.at()), failure.reason()),
                restart == null ? null : new RestartEvent(text(restart.at()), restart.cause()));
        return new ModuleView(moduleId, instance.moduleName(), bus.readiness().isReady(moduleId), List.copyOf(provides),
                restarts);
    }

    /** Every requirement of every module (or of {@code moduleId} when not null), in config and manifest order. */
    public List<RequirementView> wiring(String moduleId) {
        List<String> ids = moduleId == null ? moduleIds() : List.of(instance(moduleId).moduleId());
        List<RequirementView> out = new ArrayList<>();
        for (String id : ids) {
            ModuleInstance instance = instance(id);
            for (Requirement requirement : manifest(id).requires().values()) {
                List<ConnectionView> connections = new ArrayList<>();
                for (ImplementationId target : instance.connections().getOrDefault(requirement.requirementId(),
                        List.of())) {
                    connections.add(new ConnectionView(target.moduleId(), target.implementationId(),
                            bus.endpoint(target.moduleId(), target.implementationId()).providerCount()));
                }
                out.add(new RequirementView(id, requirement.requirementId(), requirement.interfaceName(),
                        requirement.minConnections(), requirement.maxConnections(), List.copyOf(connections)));
            }
        }
        return out;
    }

    /** The implementation ids {@code moduleId} provides, in manifest order. */
    public List<String> implementations(String moduleId) {
        instance(moduleId);
        return List.copyOf(manifest(moduleId).provides().keySet());
    }

    /** The last value of every var {@code moduleId}/{@code implId} has published, in order of first publication. */
    public Map<String, Object> lastValues(String moduleId, String implId) {
        requireImplementation(moduleId, implId);
        return bus.vars().lastValues(new ImplementationId(moduleId, implId));
    }

    /** The last values of every implementation of {@code moduleId}: impl id to var to value. */
    public Map<String, Map<String, Object>> lastValues(String moduleId) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        implementations(moduleId).forEach(impl -> out.put(impl, lastValues(moduleId, impl)));
        return out;
    }

    /** Every active error, oldest first per origin, origins in config order. */
    public List<ErrorObject> activeErrors() {
        Map<ImplementationId, List<ErrorObject>> active = bus.errors().activeAll();
        List<ErrorObject> out = new ArrayList<>();
        for (Endpoint endpoint : bus.endpoints()) {
            out.addAll(active.getOrDefault(endpoint.id(), List.of()));
        }
        return out;
    }

    /** The last raise and clear events, oldest first. */
    public List<ErrorObject> errorHistory() {
        return bus.errors().history();
    }

    /** The counters of every module of the config, in config order (zero where nothing was counted). */
    public List<BusStats.ModuleStats> moduleStats() {
        return moduleIds().stream().map(bus.stats()::of).toList();
    }

    /** Every open subscription's queue. */
    public List<BusStats.SubscriberStats> subscriberStats() {
        return bus.stats().subscribers();
    }

    /** The bus settings in force. */
    public BusSettings settings() {
        return bus.settings();
    }

    private ModuleInstance instance(String moduleId) {
        ModuleInstance instance = bus.config().modules().get(moduleId);
        if (instance == null) {
            throw new IllegalArgumentException("no module '" + moduleId + "' in " + bus.config().source()
                    + "; modules: " + bus.config().modules().keySet());
        }
        return instance;
    }

    private Manifest manifest(String moduleId) {
        return bus.config().manifestOf(moduleId);
    }

    /**
     * Checks that {@code moduleId} provides {@code implId}.
     *
     * @throws IllegalArgumentException naming what the module provides, when it does not
     */
    public void requireImplementation(String moduleId, String implId) {
        if (!implementations(moduleId).contains(implId)) {
            throw new IllegalArgumentException("module " + moduleId + " (" + moduleType(moduleId)
                    + ") provides no implementation '" + implId + "'; provides: " + implementations(moduleId));
        }
    }

    private static String text(Instant at) {
        return at.toString();
    }
}
