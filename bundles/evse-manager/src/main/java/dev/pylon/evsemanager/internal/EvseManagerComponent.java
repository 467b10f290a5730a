package dev.pylon.evsemanager.internal;

import dev.pylon.api.connectorlock.ConnectorLock;
import dev.pylon.api.energy.Energy;
import dev.pylon.api.errors.PylonErrors;
import dev.pylon.api.evseboardsupport.EvseBoardSupport;
import dev.pylon.api.evseboardsupport.EvseBoardSupportListener;
import dev.pylon.api.evsemanager.EvseManager;
import dev.pylon.api.iso15118charger.ISO15118Charger;
import dev.pylon.api.iso15118charger.ISO15118ChargerListener;
import dev.pylon.api.powermeter.Powermeter;
import dev.pylon.api.powermeter.PowermeterListener;
import dev.pylon.api.types.authorization.ProvidedIdToken;
import dev.pylon.api.types.authorization.ValidationResult;
import dev.pylon.api.types.boardsupportcommon.BspEvent;
import dev.pylon.api.types.boardsupportcommon.ProximityPilot;
import dev.pylon.api.types.energy.EnforcedLimits;
import dev.pylon.api.types.evseboardsupport.HardwareCapabilities;
import dev.pylon.api.types.evseboardsupport.Telemetry;
import dev.pylon.api.types.evsemanager.EnableDisableSource;
import dev.pylon.api.types.evsemanager.Evse;
import dev.pylon.api.types.evsemanager.HlcSessionFailedReasonEnum;
import dev.pylon.api.types.evsemanager.PlugAndChargeConfiguration;
import dev.pylon.api.types.evsemanager.StopTransactionRequest;
import dev.pylon.api.types.evsemanager.UpdateAllowedEnergyTransferModesResult;
import dev.pylon.api.types.iso15118.AppProtocols;
import dev.pylon.api.types.iso15118.EnergyTransferMode;
import dev.pylon.evsemanager.internal.session.Charger;
import dev.pylon.evsemanager.internal.session.ChargerConfig;
import dev.pylon.evsemanager.internal.session.Outbox;
import dev.pylon.evsemanager.internal.shell.Engine;
import dev.pylon.evsemanager.internal.shell.SerialContext;
import dev.pylon.evsemanager.internal.shell.ThreadSerialContext;
import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.ModuleContext;
import dev.pylon.runtime.Subscription;
import dev.pylon.runtime.Timers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Module EvseManager: provides {@code evse} (evse_manager) and {@code energy_grid} (energy), requires {@code bsp}
 * (evse_board_support), and optionally {@code powermeter_grid_side}, {@code hlc} (ISO15118_charger) and
 * {@code connector_lock}; the optional ones can come and go at any time (hot swap).
 * <p>
 * This class only wires: the logic is {@link Charger} (no OSGi, no threads), run by an {@link Engine} on a thread of
 * its own per module instance. Every var, error, provider change and timer becomes an input queued to that thread;
 * every cmd is queued too and its caller waits for the answer (at most {@link Engine#DEFAULT_CALL_TIMEOUT}). So the
 * logic runs one input at a time and needs no locks; see {@link Engine} and docs/evse-manager.md.
 */
@Component(name = "EvseManager", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {EvseManager.class, Energy.class})
public final class EvseManagerComponent implements EvseManager, Energy {
    static final String BSP = "bsp";
    static final String POWERMETER = "powermeter_grid_side";
    static final String HLC = "hlc";
    static final String CONNECTOR_LOCK = "connector_lock";

    private final ModuleContext context;
    private final SerialContext serial;
    private final Engine engine;
    private final BusEffects effects;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private volatile Powermeter powermeter;
    private volatile ISO15118Charger hlc;
    private volatile ConnectorLock connectorLock;

    @Activate
    public EvseManagerComponent(@Reference(name = "bus") ModuleBus bus, @Reference(name = "timers") Timers timers,
            @Reference(name = BSP) EvseBoardSupport bsp, EvseManagerConfig config, Map<String, Object> properties) {
        this(bus, timers, bsp, config, properties, null);
    }

    /**
     * Not for DS: runs the logic on {@code serial} instead of a thread of its own, for a harness that drives the
     * whole stack from one thread (a {@link dev.pylon.evsemanager.internal.shell.DirectSerialContext} with
     * {@link dev.pylon.runtime.timers.SimulatedTimers}). With {@code serial} null it is the DS constructor.
     */
    public EvseManagerComponent(ModuleBus bus, Timers timers, EvseBoardSupport bsp, EvseManagerConfig config,
            Map<String, Object> properties, SerialContext serial) {
        context = bus.context(properties);
        ChargerConfig cfg = ConfigMapper.map(config, context.moduleId(), !connections(POWERMETER).isEmpty());
        Charger charger = new Charger(cfg, timers::now, () -> UUID.randomUUID().toString());
        effects = new BusEffects(context.moduleId(), bsp, () -> powermeter, () -> hlc, () -> connectorLock,
                context.publisher(Outbox.EVSE), context.publisher(Outbox.ENERGY_GRID), context.errors(Outbox.EVSE));
        this.serial = serial != null ? serial : new ThreadSerialContext("pylon-evse-manager-" + context.moduleId());
        engine = new Engine(charger, timers, this.serial, effects, Engine.DEFAULT_CALL_TIMEOUT);
        // start is the first input, so nothing the subscriptions deliver runs before it.
        engine.submit(Charger::start);
        subscribe();
        context.ready();
    }

    @Deactivate
    void deactivate() {
        subscriptions.forEach(Subscription::close);
        try {
            engine.call(c -> {
                c.shutdown();
                engine.cancelTimers();
                return null;
            });
        } finally {
            if (serial instanceof ThreadSerialContext own) {
                own.close();
            }
        }
    }

    /** A board input arrived: if a board cmd found no board before, the board gets the whole state first. */
    private void fromBoard(java.util.function.Consumer<Charger> input) {
        if (effects.boardMissed().compareAndSet(true, false)) {
            engine.submit(Charger::resyncBoard);
        }
        engine.submit(input);
    }

    private List<?> connections(String requirement) {
        try {
            return context.connections(requirement);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private void subscribe() {
        subscriptions.add(context.subscribe(BSP, new EvseBoardSupportListener() {
            @Override
            public void onEvent(BspEvent value) {
                if (value != null && value.event() != null) {
                    fromBoard(c -> c.onBspEvent(value.event()));
                }
            }

            @Override
            public void onAcNrOfPhasesAvailable(Integer value) {
                if (value != null) {
                    fromBoard(c -> c.onPhasesAvailable(value));
                }
            }

            @Override
            public void onTelemetry(Telemetry value) {
                fromBoard(c -> c.onTelemetry(value));
            }

            @Override
            public void onCapabilities(HardwareCapabilities value) {
                fromBoard(c -> c.onCapabilities(value));
            }

            @Override
            public void onAcPpAmpacity(ProximityPilot value) {
                fromBoard(c -> c.onPpAmpacity(value));
            }

            @Override
            public void onRequestStopTransaction(StopTransactionRequest value) {
                fromBoard(c -> c.stopTransaction(value));
            }
        }));
        subscriptions.add(context.subscribe(POWERMETER, new PowermeterListener() {
            @Override
            public void onPowermeter(dev.pylon.api.types.powermeter.Powermeter value) {
                engine.submit(c -> c.onPowermeter(value));
            }

            @Override
            public void onPublicKeyOcmf(String value) {
                engine.submit(c -> c.onPowermeterPublicKey(value));
            }
        }));
        subscriptions.add(context.subscribe(HLC, new HlcListener()));
        for (String requirement : List.of(BSP, POWERMETER, CONNECTOR_LOCK)) {
            subscriptions.add(context.subscribeErrors(requirement, e -> {
                engine.submit(c -> c.onError(requirement, e));
                // A board provider is back after it went missing (replaced, restarted): it knows nothing of our state.
                if (BSP.equals(requirement) && PylonErrors.PROVIDER_MISSING.equals(e.type()) && !e.isActive()) {
                    effects.boardMissed().set(false);
                    engine.submit(Charger::resyncBoard);
                }
            }));
        }
    }

    /** The ISO 15118 charger's vars the AC logic follows (partial HLC support). */
    private final class HlcListener implements ISO15118ChargerListener {
        @Override
        public void onRequireAuthEim(Void value) {
            engine.submit(Charger::onHlcMatching);
        }

        @Override
        public void onEvAppProtocol(AppProtocols value) {
            engine.submit(Charger::onHlcMatching);
        }

        @Override
        public void onSelectedProtocol(String value) {
            engine.submit(c -> c.onHlcSelectedProtocol(value));
        }

        @Override
        public void onV2gSetupFinished(Void value) {
            engine.submit(Charger::onHlcSetupFinished);
        }

        @Override
        public void onAcCloseContactor(Void value) {
            engine.submit(c -> c.onHlcContactor(true));
        }

        @Override
        public void onAcOpenContactor(Void value) {
            engine.submit(c -> c.onHlcContactor(false));
        }

        @Override
        public void onEvccId(String value) {
            engine.submit(c -> c.onEvInfo(b -> b.evccId(value)));
        }

        @Override
        public void onAcEvMaxCurrent(Double value) {
            engine.submit(c -> c.onEvInfo(b -> b.maximumCurrentLimit(value)));
        }

        @Override
        public void onAcEvMinCurrent(Double value) {
            engine.submit(c -> c.onEvInfo(b -> b.minimumCurrentLimit(value)));
        }

        @Override
        public void onAcEvMaxVoltage(Double value) {
            engine.submit(c -> c.onEvInfo(b -> b.maximumVoltageLimit(value)));
        }

        @Override
        public void onAcEamount(Double value) {
            engine.submit(c -> c.onEvInfo(b -> b.targetEnergyRequest(value)));
        }

        @Override
        public void onDepartureTime(String value) {
            engine.submit(c -> c.onEvInfo(b -> b.departureTime(value)));
        }

        @Override
        public void onDlinkError(Void value) {
            engine.submit(Charger::onHlcFailed);
        }

        @Override
        public void onHlcSessionFailed(HlcSessionFailedReasonEnum value) {
            engine.submit(Charger::onHlcFailed);
        }
    }

    // ------------------------------------------------------------------------------------------ optional providers

    @Reference(name = POWERMETER, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindPowermeter")
    void bindPowermeter(Powermeter service) {
        powermeter = service;
        providersChanged();
    }

    void unbindPowermeter(Powermeter service) {
        if (powermeter == service) {
            powermeter = null;
        }
        providersChanged();
    }

    @Reference(name = HLC, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindHlc")
    void bindHlc(ISO15118Charger service) {
        hlc = service;
        providersChanged();
    }

    void unbindHlc(ISO15118Charger service) {
        if (hlc == service) {
            hlc = null;
        }
        providersChanged();
    }

    @Reference(name = CONNECTOR_LOCK, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindConnectorLock")
    void bindConnectorLock(ConnectorLock service) {
        connectorLock = service;
        providersChanged();
    }

    void unbindConnectorLock(ConnectorLock service) {
        if (connectorLock == service) {
            connectorLock = null;
        }
        providersChanged();
    }

    private void providersChanged() {
        engine.submit(c -> c.onProviders(powermeter != null, hlc != null, connectorLock != null));
    }

    // ------------------------------------------------------------------------------------------ evse_manager cmds

    @Override
    public Evse getEvse() {
        return engine.call(Charger::getEvse);
    }

    @Override
    public boolean enableDisable(int connectorId, EnableDisableSource cmdSource) {
        return engine.call(c -> c.enableDisable(connectorId, cmdSource));
    }

    @Override
    public void authorizeResponse(ProvidedIdToken providedToken, ValidationResult validationResult) {
        engine.call(c -> {
            c.authorizeResponse(providedToken, validationResult);
            return null;
        });
    }

    @Override
    public void withdrawAuthorization() {
        engine.call(c -> {
            c.withdrawAuthorization();
            return null;
        });
    }

    @Override
    public boolean reserve(int reservationId) {
        return engine.call(c -> c.reserve(reservationId));
    }

    @Override
    public void cancelReservation() {
        engine.call(c -> {
            c.cancelReservation();
            return null;
        });
    }

    @Override
    public boolean pauseCharging() {
        return engine.call(Charger::pauseCharging);
    }

    @Override
    public boolean resumeCharging() {
        return engine.call(Charger::resumeCharging);
    }

    @Override
    public boolean stopTransaction(StopTransactionRequest request) {
        return engine.call(c -> c.stopTransaction(request));
    }

    @Override
    public boolean forceUnlock(int connectorId) {
        return engine.call(c -> c.forceUnlock(connectorId));
    }

    @Override
    public boolean externalReadyToStartCharging() {
        return engine.call(Charger::externalReadyToStartCharging);
    }

    @Override
    public void setPlugAndChargeConfiguration(PlugAndChargeConfiguration plugAndChargeConfiguration) {
        engine.call(c -> {
            c.setPlugAndChargeConfiguration(plugAndChargeConfiguration);
            return null;
        });
    }

    @Override
    public UpdateAllowedEnergyTransferModesResult updateAllowedEnergyTransferModes(
            List<EnergyTransferMode> allowedEnergyTransferModes) {
        return engine.call(c -> c.updateAllowedEnergyTransferModes(allowedEnergyTransferModes));
    }

    // ------------------------------------------------------------------------------------------ energy cmds

    @Override
    public void enforceLimits(EnforcedLimits value) {
        engine.call(c -> {
            c.onEnforceLimits(value);
            return null;
        });
    }
}
