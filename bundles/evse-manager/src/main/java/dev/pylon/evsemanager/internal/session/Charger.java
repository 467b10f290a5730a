package dev.pylon.evsemanager.internal.session;

import dev.pylon.api.ErrorObject;
import dev.pylon.api.Severity;
import dev.pylon.api.errors.EvseManagerErrors;
import dev.pylon.api.types.authorization.AuthorizationStatus;
import dev.pylon.api.types.authorization.AuthorizationType;
import dev.pylon.api.types.authorization.IdToken;
import dev.pylon.api.types.authorization.IdTokenType;
import dev.pylon.api.types.authorization.ProvidedIdToken;
import dev.pylon.api.types.authorization.ValidationResult;
import dev.pylon.api.types.boardsupportcommon.BspEvent;
import dev.pylon.api.types.boardsupportcommon.ProximityPilot;
import dev.pylon.api.types.energy.EnforcedLimits;
import dev.pylon.api.types.evseboardsupport.HardwareCapabilities;
import dev.pylon.api.types.evseboardsupport.PowerOnOff;
import dev.pylon.api.types.evseboardsupport.Telemetry;
import dev.pylon.api.types.evsemanager.EVInfo;
import dev.pylon.api.types.evsemanager.EnableDisableSource;
import dev.pylon.api.types.evsemanager.Evse;
import dev.pylon.api.types.evsemanager.PlugAndChargeConfiguration;
import dev.pylon.api.types.evsemanager.StopTransactionRequest;
import dev.pylon.api.types.evsemanager.UpdateAllowedEnergyTransferModesResult;
import dev.pylon.api.types.iso15118.EnergyTransferMode;
import dev.pylon.api.types.powermeter.Powermeter;
import dev.pylon.api.types.powermeter.TransactionRequestStatus;
import dev.pylon.api.types.powermeter.TransactionStartResponse;
import dev.pylon.api.types.powermeter.TransactionStopResponse;
import dev.pylon.evsemanager.internal.action.Action;
import dev.pylon.evsemanager.internal.action.TimerId;
import dev.pylon.evsemanager.internal.iec.CpEvent;
import dev.pylon.evsemanager.internal.iec.CpState;
import dev.pylon.evsemanager.internal.iec.IecInput;
import dev.pylon.evsemanager.internal.iec.IecState;
import dev.pylon.evsemanager.internal.iec.IecStateMachine;
import dev.pylon.evsemanager.internal.iec.IecStep;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The logic of one EvseManager, without OSGi, threads or clocks: every input is a method call, every effect an
 * {@link Action} in {@link #outbox()}. It stacks the IEC layer ({@link IecStateMachine}, pure) under the session
 * state machine ({@link SessionFsm}). After each input it settles the session, feeds the session's wishes (PWM, power
 * permission) to the IEC layer, and repeats until both are stable, so a relay decision never waits for a later input.
 * <p>
 * Not thread-safe by design: the shell calls it from one serial context.
 */
public final class Charger {
    /** How often the energy request is sent again. */
    static final Duration ENERGY_REQUEST_PERIOD = Duration.ofSeconds(1);

    private final Context c;
    private final Session s;
    private final SessionFsm fsm;
    private final Commands cmds;
    private final EnergyGrid grid;
    private final OverCurrent overCurrent;
    private IecState iec = IecState.initial();
    private boolean inoperative;
    private boolean readyPublished;
    private Boolean publishedWaiting;

    public Charger(ChargerConfig config, Supplier<Instant> clock, Supplier<String> sessionIds) {
        c = new Context(config, clock, sessionIds);
        s = c.session;
        c.iec = new Context.IecLink() {
            @Override
            public IecState state() {
                return iec;
            }

            @Override
            public void send(IecInput input) {
                iecInput(input);
            }
        };
        c.hooks = new Hooks();
        fsm = new SessionFsm(c);
        cmds = new Commands(c, fsm);
        grid = new EnergyGrid(c);
        overCurrent = new OverCurrent(c);
    }

    /** The actions produced so far and not yet taken. */
    public Outbox outbox() {
        return c.out;
    }

    // ------------------------------------------------------------------------------------------ life cycle

    /** Starts the EVSE: enables the board, publishes the static vars and enters Idle (publishing Enabled). */
    public void start() {
        c.out.add(new Action.BspEnable(true));
        c.out.publish("evse_id", c.cfg.evseId());
        c.out.publish("supported_energy_transfer_modes", List.of(c.cfg.threePhases()
                ? EnergyTransferMode.AC_three_phase_core : EnergyTransferMode.AC_single_phase_core));
        s.externalReady = !c.cfg.externalReadyRequired();
        s.meterReady = !c.cfg.powermeterConfigured() || c.cfg.initialMeterTimeout().isZero();
        if (!s.meterReady) {
            c.out.startTimer(TimerId.READY, c.cfg.initialMeterTimeout());
        }
        c.out.startTimer(TimerId.ENERGY_REQUEST, ENERGY_REQUEST_PERIOD);
        fsm.go(EvseState.Idle);
        if (!c.cfg.acMode()) {
            raiseOwn(EvseManagerErrors.INTERNAL, "charge_mode DC is not supported by Pylon's EvseManager", Severity.High);
        }
        afterInput();
    }

    /**
     * The board may not know what it was told: a cmd to it failed because it was not there yet (modules start in no
     * fixed order), or its provider was replaced. Tells it everything again: enabled, power off (a new power-on is a
     * new decision, taken in the same input if the session permits it), and the CP drive the IEC layer believes in.
     */
    public void resyncBoard() {
        c.out.add(new Action.BspEnable(true));
        iecInput(new IecInput.ForcePowerOff());
        switch (iec.pwm()) {
            case ON -> c.out.add(new Action.PwmOn(iec.duty()));
            case X1 -> c.out.add(new Action.CpX1());
            case F -> c.out.add(new Action.CpF());
            default -> {
                // nothing was driven yet; the next wish is sent as usual
            }
        }
        afterInput();
    }

    /** Stops the EVSE for good (module deactivated): power off, CP F. */
    public void shutdown() {
        iecInput(new IecInput.ForcePowerOff());
        iecInput(new IecInput.F());
    }

    // ------------------------------------------------------------------------------------------ board, meter, errors

    public void onBspEvent(BspEvent.Event event) {
        CpState cp = CpState.of(event);
        iecInput(cp != null ? new IecInput.Cp(cp) : new IecInput.RelayConfirmed(event == BspEvent.Event.PowerOn));
        afterInput();
    }

    public void onCapabilities(HardwareCapabilities capabilities) {
        grid.capabilities(capabilities);
        c.out.publish("hw_capabilities", capabilities);
        afterInput();
    }

    public void onPpAmpacity(ProximityPilot pp) {
        c.budget.cable(pp, c.cfg.threePhases());
        afterInput();
    }

    public void onPhasesAvailable(int phases) {
        s.phasesAvailable = phases;
        grid.limitsChanged();
        afterInput();
    }

    public void onTelemetry(Telemetry telemetry) {
        c.out.publish("telemetry", telemetry);
    }

    public void onPowermeter(Powermeter value) {
        s.lastMeter = value;
        c.out.publish("powermeter", value);
        if (!s.meterReady) {
            s.meterReady = true;
            c.out.cancelTimer(TimerId.READY);
        }
        overCurrent.measured(value.currentA(), iec);
        afterInput();
    }

    public void onPowermeterPublicKey(String key) {
        c.out.publish("powermeter_public_key_ocmf", key);
    }

    /** An error raised or cleared on requirement {@code requirement}; meter errors count only when so configured. */
    public void onError(String requirement, ErrorObject error) {
        if ("powermeter_grid_side".equals(requirement) && !c.cfg.failOnPowermeterErrors()) {
            return;
        }
        c.errors.onRequired(error);
        afterInput();
    }

    /** Which optional requirements have a provider now. */
    public void onProviders(boolean powermeter, boolean hlc, boolean lock) {
        s.powermeterConnected = powermeter;
        s.hlcConnected = hlc;
        s.lockConnected = lock;
        afterInput();
    }

    public void onEnforceLimits(EnforcedLimits limits) {
        EnforcedLimits applied = grid.enforce(limits);
        afterInput();
        if (applied != null) {
            c.out.publish("enforced_limits", applied);
        }
    }

    public void onTransactionStartResult(TransactionStartResponse response) {
        fsm.tx.transactionStarted(response == null ? TransactionRequestStatus.UNEXPECTED_ERROR : response.status());
        afterInput();
    }

    public void onTransactionStopResult(TransactionStopResponse response) {
        fsm.tx.transactionStopped(response);
        afterInput();
    }

    public void onTimer(TimerId id) {
        if (id == TimerId.ENERGY_REQUEST) {
            // Periodic and read-only: nothing to settle.
            c.hooks.requestEnergy(false);
            c.out.startTimer(TimerId.ENERGY_REQUEST, ENERGY_REQUEST_PERIOD);
            return;
        }
        switch (id) {
            case IEC_C1, IEC_PWM_UPDATE, IEC_UNLOCK_F -> iecInput(new IecInput.Timeout(id));
            case STATE -> fsm.onStateTimer();
            case LIMIT_EXPIRY -> c.out.log(System.Logger.Level.WARNING,
                    "power budget expired: no valid limit from the energy manager, 0 A");
            case ENERGY_REQUEST -> {
                // handled above
            }
            case READY -> s.meterReady = true;
            case OVER_CURRENT -> overCurrent.timedOut();
            default -> throw new IllegalStateException("unhandled timer " + id);
        }
        afterInput();
    }

    // ------------------------------------------------------------------------------------------ ISO 15118 (partial)

    /** The ISO 15118 stack saw the EV (SLAC matched, protocol negotiated or EIM requested). */
    public void onHlcMatching() {
        s.matchingStarted = true;
        afterInput();
    }

    public void onHlcSetupFinished() {
        s.matchingStarted = true;
        s.hlcActive = s.hlcSession;
        afterInput();
    }

    public void onHlcContactor(boolean close) {
        s.hlcAllowClose = close;
        afterInput();
    }

    public void onHlcSelectedProtocol(String protocol) {
        s.matchingStarted = true;
        c.out.publish("selected_protocol", protocol);
        afterInput();
    }

    /** Something the HLC stack learnt about the EV (EVCC id, current limits, departure time...). */
    public void onEvInfo(Consumer<EVInfo.Builder> update) {
        if (!s.sessionActive) {
            return;
        }
        if (s.evInfo == null) {
            s.evInfo = EVInfo.builder();
        }
        update.accept(s.evInfo);
        c.out.publish("ev_info", s.evInfo.build());
    }

    /** HLC failed: fall back to nominal PWM (through T_step_X1 when 5 % was on). */
    public void onHlcFailed() {
        s.hlcActive = false;
        s.hlcAllowClose = false;
        if (s.use5Percent) {
            s.use5Percent = false;
            if (s.state == EvseState.PrepareCharging) {
                s.tStepReturn = EvseState.PrepareCharging;
                fsm.go(EvseState.T_step_X1);
            }
        }
        afterInput();
    }

    // ------------------------------------------------------------------------------------------ cmds

    public Evse getEvse() {
        return cmds.getEvse();
    }

    public boolean enableDisable(int connectorId, EnableDisableSource source) {
        return done(cmds.enableDisable(connectorId, source));
    }

    public void authorizeResponse(ProvidedIdToken token, ValidationResult result) {
        cmds.authorize(token, result);
        afterInput();
    }

    public void withdrawAuthorization() {
        cmds.withdrawAuthorization();
        afterInput();
    }

    public boolean reserve(int reservationId) {
        return done(cmds.reserve(reservationId));
    }

    public void cancelReservation() {
        cmds.cancelReservation();
        afterInput();
    }

    public boolean pauseCharging() {
        return done(cmds.pauseCharging());
    }

    public boolean resumeCharging() {
        return done(cmds.resumeCharging());
    }

    public boolean stopTransaction(StopTransactionRequest request) {
        return done(cmds.stopTransaction(request));
    }

    public boolean forceUnlock(int connectorId) {
        return done(cmds.forceUnlock(connectorId));
    }

    public boolean externalReadyToStartCharging() {
        return done(cmds.externalReady());
    }

    public void setPlugAndChargeConfiguration(PlugAndChargeConfiguration config) {
        cmds.setPlugAndChargeConfiguration(config);
    }

    public UpdateAllowedEnergyTransferModesResult updateAllowedEnergyTransferModes(List<EnergyTransferMode> modes) {
        return cmds.updateAllowedEnergyTransferModes(modes);
    }

    // ------------------------------------------------------------------------------------------ read-only views

    public EvseState state() {
        return s.state;
    }

    public IecState iecState() {
        return iec;
    }

    public boolean authorized() {
        return s.authorized;
    }

    public boolean transactionActive() {
        return s.transactionActive;
    }

    public boolean fatalError() {
        return c.errors.fatal();
    }

    public boolean enabled() {
        return c.enable.enabled();
    }

    /** The current the EVSE may signal now (0 when the limit is missing or expired). */
    public double maxCurrent() {
        return c.budget.maxCurrent(c.now());
    }

    /** Whether the limit from the energy manager is there and has not expired. */
    public boolean limitValid() {
        return c.budget.valid(c.now());
    }

    // ------------------------------------------------------------------------------------------ internals

    private boolean done(boolean result) {
        afterInput();
        return result;
    }

    private void iecInput(IecInput input) {
        IecStep step = IecStateMachine.step(c.cfg.iec(), iec, input, c.now());
        iec = step.next();
        c.out.addAll(step.actions());
        for (CpEvent event : step.events()) {
            fsm.onCpEvent(event);
            fsm.settle();
        }
    }

    /** Settles the session and feeds its wishes to the IEC layer until neither changes. */
    private void afterInput() {
        // Safety first: what must cut the power does so before any event of this input is published.
        if (iec.powerOn() && (c.errors.fatal() || !c.enable.enabled() || !c.budget.available(c.now()))) {
            iecInput(new IecInput.AllowPower(false, PowerOnOff.Reason.PowerOff));
        }
        updateReady();
        for (int i = 0; i < 8; i++) {
            fsm.settle();
            IecState before = iec;
            feedIec();
            if (iec.equals(before)) {
                break;
            }
        }
        updateInoperative();
        grid.publishLimits();
    }

    private void feedIec() {
        boolean allow = fsm.powerPermitted();
        if (!allow) {
            iecInput(new IecInput.AllowPower(false, PowerOnOff.Reason.PowerOff));
        }
        SessionFsm.PwmRequest pwm = fsm.desiredPwm();
        switch (pwm.kind()) {
            case F -> iecInput(new IecInput.F());
            case X1 -> iecInput(new IecInput.X1());
            case ON -> iecInput(new IecInput.Pwm(pwm.percent()));
        }
        if (allow) {
            iecInput(new IecInput.AllowPower(true, PowerOnOff.Reason.FullPowerCharging));
        }
    }

    private void updateReady() {
        s.ready = s.externalReady && s.meterReady;
        if (c.cfg.externalReadyRequired() && (publishedWaiting == null || publishedWaiting == s.externalReady)) {
            publishedWaiting = !s.externalReady;
            c.out.publish("waiting_for_external_ready", publishedWaiting);
        }
        if (s.ready && !readyPublished) {
            readyPublished = true;
            c.out.publish("ready", Boolean.TRUE);
        }
    }

    private void updateInoperative() {
        boolean fatal = c.errors.fatal();
        if (fatal && !inoperative) {
            inoperative = true;
            c.out.add(new Action.RaiseError(EvseManagerErrors.INOPERATIVE,
                    "charging stopped by " + String.join(", ", c.errors.fatalCauses()), Severity.High));
        } else if (!fatal && inoperative) {
            inoperative = false;
            c.out.add(new Action.ClearError(EvseManagerErrors.INOPERATIVE));
        }
    }

    private void raiseOwn(String type, String message, Severity severity) {
        if (c.errors.raisedOwn(type, severity)) {
            c.out.add(new Action.RaiseError(type, message, severity));
        }
    }

    private final class Hooks implements Context.Hooks {
        @Override
        public void requestEnergy(boolean priority) {
            grid.requestEnergy(priority);
        }

        @Override
        public void clearErrorsOnUnplug() {
            for (String type : c.errors.ownTypes()) {
                // Internal marks a configuration the module cannot run with; an unplug does not fix it.
                if (!EvseManagerErrors.INTERNAL.equals(type) && c.errors.clearedOwn(type)) {
                    c.out.add(new Action.ClearError(type));
                }
            }
        }

        @Override
        public void authorizeFreeService() {
            ProvidedIdToken token = ProvidedIdToken.builder()
                    .idToken(new IdToken("FREESERVICE", IdTokenType.Local, null))
                    .authorizationType(AuthorizationType.RFID)
                    .build();
            ValidationResult accepted = ValidationResult.builder()
                    .authorizationStatus(AuthorizationStatus.Accepted)
                    .tariffMessages(List.of())
                    .build();
            cmds.authorize(token, accepted);
        }

        @Override
        public void raiseOwn(String type, String message, Severity severity) {
            Charger.this.raiseOwn(type, message, severity);
        }
    }
}
