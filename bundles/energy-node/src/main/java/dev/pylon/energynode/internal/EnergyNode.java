package dev.pylon.energynode.internal;

import dev.pylon.api.ImplementationId;
import dev.pylon.api.energy.Energy;
import dev.pylon.api.energy.EnergyListener;
import dev.pylon.api.energy.EnergyPublisher;
import dev.pylon.api.externalenergylimits.ExternalEnergyLimits;
import dev.pylon.api.types.energy.EnergyFlowRequest;
import dev.pylon.api.types.energy.EnforcedLimits;
import dev.pylon.api.types.energy.ExternalLimits;
import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.ModuleContext;
import dev.pylon.runtime.Subscription;
import dev.pylon.runtime.Timers;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Module EnergyNode: a fuse in the energy tree that, unlike EVerest's EnergyNode, also hands out limits itself (the
 * simple case of EVerest's EnergyManager). Every {@link #REFRESH} it calls {@code enforce_limits} on each consumer
 * with its share of min(fuse, external, parent) valid for {@link EnergyNodeLogic#VALID_FOR}; a change of the external
 * limits is sent at once. Once the node stops, nothing renews the limits and the consumers' limits run out.
 *
 * <p>Consumers are addressed by uuid = their module id, as EVerest's EvseManager names its energy node. All calls to
 * consumers run as timer tasks, one at a time and in order, so an older limit never overtakes a newer one; no lock is
 * held across a call.
 */
@Component(name = "EnergyNode", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {Energy.class, ExternalEnergyLimits.class})
public final class EnergyNode implements Energy, ExternalEnergyLimits {
    /** How often the limits are renewed; well inside {@link EnergyNodeLogic#VALID_FOR}. */
    public static final Duration REFRESH = Duration.ofSeconds(1);
    static final String ENERGY_CONSUMER = "energy_consumer";
    static final String ENERGY_GRID = "energy_grid";
    private static final System.Logger LOG = System.getLogger(EnergyNode.class.getName());

    private final Timers timers;
    private final String moduleId;
    private final List<ImplementationId> consumerIds;
    private final EnergyPublisher vars;
    private final Object lock = new Object();
    private final EnergyNodeLogic logic;
    private final Map<String, EnergyFlowRequest> children = new LinkedHashMap<>();
    private final Map<ImplementationId, Energy> consumers = new ConcurrentHashMap<>();
    private final Subscription requests;
    private final Timers.Timer refresh;
    private EnergyFlowRequest lastRequest;
    private volatile boolean closed;

    @Activate
    public EnergyNode(@Reference ModuleBus bus, @Reference Timers timers, Map<String, Object> properties) {
        this(bus.context(properties), timers, EnergyNodeConfig.from(properties));
    }

    EnergyNode(ModuleContext context, Timers timers, EnergyNodeConfig config) {
        this.timers = timers;
        this.moduleId = context.moduleId();
        this.consumerIds = context.connections(ENERGY_CONSUMER);
        this.logic = new EnergyNodeLogic(config, moduleId);
        this.vars = new EnergyPublisher(context.publisher(ENERGY_GRID));
        this.requests = context.subscribe(ENERGY_CONSUMER, new EnergyListener() {
            @Override
            public void onEnergyFlowRequest(EnergyFlowRequest request) {
                synchronized (lock) {
                    children.put(request.uuid(), request);
                }
                pushSoon();
            }
        });
        this.refresh = timers.every(REFRESH, this::push);
        pushSoon();
        context.ready();
    }

    @Reference(name = ENERGY_CONSUMER, service = Energy.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindEnergyConsumer(Energy consumer, Map<String, Object> properties) {
        consumers.put(idOf(properties), consumer);
        pushSoon();
    }

    void unbindEnergyConsumer(Energy consumer, Map<String, Object> properties) {
        consumers.remove(idOf(properties), consumer);
    }

    @Deactivate
    void stop() {
        closed = true;
        refresh.cancel();
        requests.close();
    }

    /** Limits from outside; they take effect at once. */
    @Override
    public void setExternalLimits(ExternalLimits value) {
        synchronized (lock) {
            logic.setExternalLimits(value);
        }
        pushSoon();
    }

    /**
     * Limits from a parent in the energy tree, for this node (uuid = its module id) or one of its consumers; they
     * tighten what the node hands out until they expire (and count as 0 A after that).
     */
    @Override
    public void enforceLimits(EnforcedLimits value) {
        synchronized (lock) {
            logic.setUpstreamLimits(value, timers.now());
        }
        pushSoon();
    }

    /** The limit this node is applying now (for the console and tests). */
    public EnergyNodeLogic.Limit limit() {
        synchronized (lock) {
            return logic.limit(timers.now());
        }
    }

    private void pushSoon() {
        if (!closed) {
            timers.schedule(Duration.ZERO, this::push);
        }
    }

    /** Sends each consumer its limits and publishes the node's request when it changed. */
    private void push() {
        if (closed) {
            return;
        }
        Instant now = timers.now();
        List<EnforcedLimits> limits = new ArrayList<>();
        EnergyFlowRequest request;
        synchronized (lock) {
            for (ImplementationId id : consumerIds) {
                limits.add(logic.limitsFor(id.moduleId(), consumerIds.size(), now));
            }
            request = logic.request(new ArrayList<>(children.values()), now);
            if (sameExceptTime(request, lastRequest)) {
                request = null;
            } else {
                lastRequest = request;
            }
        }
        for (int i = 0; i < consumerIds.size(); i++) {
            ImplementationId id = consumerIds.get(i);
            Energy consumer = consumers.get(id);
            if (consumer == null) {
                continue; // not there yet: it gets limits with the next push after it binds
            }
            EnforcedLimits l = limits.get(i);
            try {
                consumer.enforceLimits(l);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, () -> "EnergyNode " + moduleId + ": enforce_limits on " + id + " failed: "
                        + e.getMessage());
            }
        }
        if (request != null) {
            vars.publishEnergyFlowRequest(request);
        }
    }

    private static boolean sameExceptTime(EnergyFlowRequest a, EnergyFlowRequest b) {
        if (a == null || b == null) {
            return false;
        }
        return Objects.equals(a.children(), b.children())
                && Objects.equals(a.scheduleImport().get(0).limitsToRoot(), b.scheduleImport().get(0).limitsToRoot());
    }

    private static ImplementationId idOf(Map<String, Object> properties) {
        return new ImplementationId(String.valueOf(properties.get(ModuleBus.MODULE_ID)),
                String.valueOf(properties.get(ModuleBus.IMPL_ID)));
    }
}
