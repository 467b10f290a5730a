package dev.pylon.evsemanager.internal.session;

import dev.pylon.api.types.evsemanager.PauseChargingEVSEReasonEnum;
import dev.pylon.api.types.evsemanager.SessionEventEnum;
import dev.pylon.api.types.evsemanager.StartSessionReason;
import dev.pylon.api.types.evsemanager.StopTransactionReason;
import dev.pylon.evsemanager.internal.action.Action;
import dev.pylon.evsemanager.internal.action.TimerId;
import dev.pylon.evsemanager.internal.errors.ErrorTracker;
import dev.pylon.evsemanager.internal.iec.CpEvent;
import dev.pylon.evsemanager.internal.iec.IecInput;
import dev.pylon.evsemanager.internal.iec.PwmDuty;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The session state machine. Each state has an entry (run once on entering: events, timers) and a "during" rule
 * (checked after every input until the state is stable). The PWM and the power permission it wants are functions
 * of the state ({@link #desiredPwm()}, {@link #powerPermitted()}); {@link Charger} feeds them to the IEC layer after
 * each input, so no state can forget to switch something off.
 */
final class SessionFsm {
    static final Duration LEGACY_WAKEUP = Duration.ofSeconds(30);
    static final Duration PAUSED_BY_EV_FALLBACK = Duration.ofSeconds(10);
    static final Duration T_STEP_EF = Duration.ofMillis(4000);
    static final Duration STAY_IN_X1_AFTER_T_STEP_EF = Duration.ofMillis(750);
    static final Duration T_STEP_X1 = Duration.ofMillis(3000);
    /** StoppingCharging never waits longer for the power to go off (the IEC layer cuts after 6 s anyway). */
    static final Duration STOPPING_TIMEOUT = Duration.ofSeconds(10);

    /** What the session wants on the control pilot. */
    record PwmRequest(Kind kind, double percent) {
        enum Kind { F, X1, ON }

        static final PwmRequest F = new PwmRequest(Kind.F, 0);
        static final PwmRequest X1 = new PwmRequest(Kind.X1, 0);

        static PwmRequest on(double percent) {
            return PwmDuty.isRunning(percent) ? new PwmRequest(Kind.ON, percent) : X1;
        }
    }

    private final Context c;
    private final Session s;
    final Transactions tx;

    SessionFsm(Context context) {
        this.c = context;
        this.s = context.session;
        this.tx = new Transactions(context);
    }

    EvseState state() {
        return s.state;
    }

    // ---------------------------------------------------------------------------------------------- transitions

    void go(EvseState next) {
        if (next == s.state) {
            return;
        }
        c.out.log(System.Logger.Level.DEBUG, "state " + s.state + " -> " + next);
        s.previous = s.state;
        s.state = next;
        if (next == EvseState.T_step_EF || next == EvseState.T_step_X1) {
            s.tStepFrom = s.previous;
        }
        c.out.cancelTimer(TimerId.STATE);
        enter(next);
    }

    /** Runs the "during" rules until the state no longer changes. */
    void settle() {
        for (int i = 0; i < 32; i++) {
            EvseState before = s.state;
            during();
            if (s.state == before) {
                return;
            }
        }
        c.out.log(System.Logger.Level.ERROR, "session state machine did not settle in state " + s.state);
    }

    private void enter(EvseState state) {
        switch (state) {
            case Disabled -> {
                c.out.publish("session_event", SessionEvents.enabled(false, c.enable.effectiveSource(), s, c.now()));
                if (s.reservationId != null) {
                    s.reservationId = null;
                    c.out.publish("session_event", SessionEvents.reservation(SessionEventEnum.ReservationEnd, c.now()));
                }
            }
            case Idle -> {
                if (s.previous == EvseState.Disabled) {
                    c.out.publish("session_event", SessionEvents.enabled(true, c.enable.effectiveSource(), s, c.now()));
                }
                s.authorized = false;
                s.idToken = null;
                s.transactionActive = false;
                s.stopRequested = false;
                s.pausedByUser = false;
                s.legacyWakeupDone = false;
                s.evRequestsPower = false;
                s.hlcSession = false;
                s.use5Percent = false;
                s.hlcActive = false;
                s.hlcAllowClose = false;
                s.matchingStarted = false;
                c.requestEnergy(true);
            }
            case WaitingForAuthentication -> {
                c.iec.send(new IecInput.ForcePowerOff());
                s.plugPending = false;
                s.hlcSession = c.cfg.hlcEnabled() && c.cfg.acMode() && s.hlcConnected;
                s.use5Percent = s.hlcSession && c.cfg.hlcUse5Percent();
                if (!s.sessionActive) {
                    tx.startSession(StartSessionReason.EVConnected);
                }
                if (!s.authorized) {
                    c.out.publish("session_event", SessionEvents.simple(SessionEventEnum.AuthRequired, s, c.now()));
                    if (c.cfg.disableAuthentication()) {
                        c.authorizeFreeService();
                    }
                }
                c.requestEnergy(true);
            }
            case PrepareCharging -> {
                boolean backFromTStep = s.previous == EvseState.T_step_EF || s.previous == EvseState.T_step_X1;
                if (!backFromTStep || s.tStepFrom != EvseState.PrepareCharging) {
                    c.out.publish("session_event", SessionEvents.simple(SessionEventEnum.PrepareCharging, s, c.now()));
                }
                if (!s.hlcActive && !s.use5Percent) {
                    c.out.startTimer(TimerId.STATE, s.legacyWakeupDone ? PAUSED_BY_EV_FALLBACK : LEGACY_WAKEUP);
                }
            }
            case Charging -> {
                s.legacyWakeupDone = false;
                c.out.publish("session_event", SessionEvents.chargingState(SessionEventEnum.ChargingStarted, s, c.now()));
            }
            case ChargingPausedEV ->
                c.out.publish("session_event", SessionEvents.chargingState(SessionEventEnum.ChargingPausedEV, s, c.now()));
            case ChargingPausedEVSE -> {
                List<PauseChargingEVSEReasonEnum> reasons = pauseReasons();
                c.out.publish("session_event", SessionEvents.pausedEvse(s, reasons, c.now()));
                boolean emergency = c.errors.shutdown() == ErrorTracker.Shutdown.EMERGENCY;
                if (emergency && s.previous == EvseState.Charging && !s.hlcActive
                        && !c.cfg.stateFAfterFault().isZero()) {
                    s.faultFPhase = true;
                    c.out.startTimer(TimerId.STATE, c.cfg.stateFAfterFault());
                }
            }
            case StoppingCharging -> {
                if (s.transactionActive) {
                    c.out.publish("session_event", SessionEvents.simple(SessionEventEnum.StoppingCharging, s, c.now()));
                }
                c.out.startTimer(TimerId.STATE, STOPPING_TIMEOUT);
            }
            case Finished -> c.requestEnergy(true);
            case T_step_EF -> {
                s.tStepX1Phase = false;
                c.out.startTimer(TimerId.STATE, T_STEP_EF);
            }
            case T_step_X1 -> c.out.startTimer(TimerId.STATE, T_STEP_X1);
            default -> throw new IllegalStateException("unhandled state " + state);
        }
        if (state != EvseState.ChargingPausedEVSE) {
            s.faultFPhase = false;
        }
    }

    private void during() {
        boolean enabled = c.enable.enabled();
        boolean fatal = c.errors.fatal();
        switch (s.state) {
            case Disabled -> {
                if (enabled) {
                    go(EvseState.Idle);
                }
            }
            case Idle -> {
                if (!enabled) {
                    if (s.sessionActive) {
                        tx.endSession();
                    }
                    go(EvseState.Disabled);
                } else if (s.plugPending && !fatal && s.ready) {
                    go(EvseState.WaitingForAuthentication);
                }
            }
            case WaitingForAuthentication -> {
                if (!enabled || fatal) {
                    go(EvseState.Finished);
                } else if (s.authorized && !s.transactionActive && !s.meterBusy) {
                    tx.startTransaction();
                }
                if (s.state == EvseState.WaitingForAuthentication && s.transactionActive) {
                    go(afterAuthorization());
                }
            }
            case PrepareCharging -> {
                List<PauseChargingEVSEReasonEnum> reasons = pauseReasons();
                reasons.remove(PauseChargingEVSEReasonEnum.NoEnergy);
                if (!enabled) {
                    stop(StopTransactionReason.Other);
                } else if (!reasons.isEmpty()) {
                    go(EvseState.ChargingPausedEVSE);
                } else if (c.budget.available(c.now()) && s.evRequestsPower && (!s.use5Percent || s.hlcAllowClose)) {
                    go(EvseState.Charging);
                }
            }
            case Charging, ChargingPausedEV, T_step_EF, T_step_X1 -> {
                if (!enabled) {
                    stop(StopTransactionReason.Other);
                } else if (s.state != EvseState.T_step_EF && s.state != EvseState.T_step_X1
                        && !pauseReasons().isEmpty()) {
                    go(EvseState.ChargingPausedEVSE);
                }
            }
            case ChargingPausedEVSE -> {
                if (!enabled) {
                    stop(StopTransactionReason.Other);
                } else if (pauseReasons().isEmpty()) {
                    go(EvseState.PrepareCharging);
                }
            }
            case StoppingCharging -> {
                if (!c.iec.state().carPluggedIn() || !c.iec.state().powerOn()) {
                    go(EvseState.Finished);
                }
            }
            case Finished -> finished(enabled);
            default -> throw new IllegalStateException("unhandled state " + s.state);
        }
    }

    private void finished(boolean enabled) {
        if (s.transactionActive) {
            if (!s.meterBusy) {
                tx.stopTransaction();
            }
            if (s.transactionActive) {
                return;
            }
        }
        boolean keepOpen = s.stopRequested && c.iec.state().carPluggedIn() && enabled;
        if (keepOpen) {
            return;
        }
        if (s.sessionActive) {
            tx.endSession();
        }
        go(enabled ? EvseState.Idle : EvseState.Disabled);
    }

    /** Where an authorised session goes once its transaction runs (ISO 15118-3 figures 3 to 6 for AC HLC). */
    private EvseState afterAuthorization() {
        if (!s.hlcSession || c.cfg.enforceHlc()) {
            return EvseState.PrepareCharging;
        }
        if (!s.matchingStarted) {
            // EIM before matching: go through t_step_EF and continue with nominal PWM.
            s.use5Percent = false;
            s.tStepReturn = EvseState.PrepareCharging;
            return EvseState.T_step_EF;
        }
        if (s.use5Percent) {
            s.use5Percent = false;
            s.tStepReturn = EvseState.PrepareCharging;
            return EvseState.T_step_X1;
        }
        return EvseState.PrepareCharging;
    }

    /** Ends the transaction for {@code reason} (unless a reason was given before) through StoppingCharging. */
    void stop(StopTransactionReason reason) {
        if (s.stopReason == null && s.transactionActive) {
            s.stopReason = reason;
        }
        go(EvseState.StoppingCharging);
    }

    // ---------------------------------------------------------------------------------------------- inputs

    void onCpEvent(CpEvent event) {
        switch (event) {
            case CarPluggedIn -> {
                if (s.state == EvseState.Idle || s.state == EvseState.Disabled) {
                    s.plugPending = true;
                }
            }
            case CarRequestedPower -> {
                s.evRequestsPower = true;
                if (s.state == EvseState.ChargingPausedEV && !s.hlcActive) {
                    go(EvseState.PrepareCharging);
                }
            }
            case CarRequestedStopPower -> {
                s.evRequestsPower = false;
                if (s.state == EvseState.Charging) {
                    go(EvseState.ChargingPausedEV);
                    if (s.hlcActive) {
                        c.out.add(new Action.Hlc(new Action.HlcCall.StopCharging()));
                    }
                }
            }
            case CarUnplugged -> {
                s.evRequestsPower = false;
                s.plugPending = false;
                c.clearErrorsOnUnplug();
                switch (s.state) {
                    case WaitingForAuthentication, PrepareCharging, Charging, ChargingPausedEV, ChargingPausedEVSE,
                            T_step_EF, T_step_X1 -> go(EvseState.StoppingCharging);
                    default -> {
                        // Idle, Disabled: nothing to end; StoppingCharging and Finished see the unplug when settling.
                    }
                }
            }
            case BCDtoE -> {
                if (s.state == EvseState.Charging) {
                    go(EvseState.StoppingCharging);
                }
            }
            case PowerOn, PowerOff -> {
                if (s.hlcActive) {
                    c.out.add(new Action.Hlc(new Action.HlcCall.ContactorClosed(event == CpEvent.PowerOn)));
                }
            }
            case EFtoBCD, BCDtoEF -> {
                // The IEC layer already switched off; nothing changes in the session.
            }
            default -> throw new IllegalStateException("unhandled CP event " + event);
        }
    }

    /** The state timer fired. */
    void onStateTimer() {
        switch (s.state) {
            case PrepareCharging -> {
                if (!c.budget.available(c.now()) || s.evRequestsPower || s.hlcActive || s.use5Percent) {
                    c.out.startTimer(TimerId.STATE, LEGACY_WAKEUP);
                } else if (!s.legacyWakeupDone) {
                    c.out.log(System.Logger.Level.INFO,
                            "EV did not go to state C; one legacy wake-up (IEC 61851-1 A.5.3)");
                    s.legacyWakeupDone = true;
                    s.tStepReturn = EvseState.PrepareCharging;
                    go(EvseState.T_step_EF);
                } else {
                    go(EvseState.ChargingPausedEV);
                }
            }
            case T_step_EF -> {
                if (!s.tStepX1Phase) {
                    s.tStepX1Phase = true;
                    c.out.startTimer(TimerId.STATE, STAY_IN_X1_AFTER_T_STEP_EF);
                } else {
                    go(s.tStepReturn);
                }
            }
            case T_step_X1 -> go(s.tStepReturn);
            case ChargingPausedEVSE -> s.faultFPhase = false;
            case StoppingCharging -> {
                c.out.log(System.Logger.Level.WARNING, "power did not go off while stopping; finishing anyway");
                go(EvseState.Finished);
            }
            default -> {
                // a stale timer of a state already left
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- outputs

    /** Why the EVSE pauses now, in the contract's order; empty when nothing keeps it from charging. */
    List<PauseChargingEVSEReasonEnum> pauseReasons() {
        List<PauseChargingEVSEReasonEnum> reasons = new ArrayList<>(3);
        if (s.pausedByUser) {
            reasons.add(PauseChargingEVSEReasonEnum.UserPause);
        }
        if (c.errors.fatal()) {
            reasons.add(PauseChargingEVSEReasonEnum.Error);
        }
        if (!c.budget.available(c.now())) {
            reasons.add(PauseChargingEVSEReasonEnum.NoEnergy);
        }
        return reasons;
    }

    /** What the CP should show in the current state. */
    PwmRequest desiredPwm() {
        double nominal = PwmDuty.percentFor(c.budget.maxCurrent(c.now()));
        PwmRequest charging = s.use5Percent ? PwmRequest.on(PwmDuty.HLC_PERCENT) : PwmRequest.on(nominal);
        return switch (s.state) {
            case Disabled -> PwmRequest.F;
            case Idle -> c.errors.fatal() ? PwmRequest.F : PwmRequest.X1;
            case WaitingForAuthentication -> s.use5Percent ? PwmRequest.on(PwmDuty.HLC_PERCENT) : PwmRequest.X1;
            case PrepareCharging, Charging -> charging;
            case ChargingPausedEV -> s.hlcActive ? PwmRequest.X1 : PwmRequest.on(nominal);
            case ChargingPausedEVSE -> {
                if (s.faultFPhase) {
                    yield PwmRequest.F;
                }
                boolean errorOnly = pauseReasons().equals(List.of(PauseChargingEVSEReasonEnum.Error));
                yield errorOnly && c.errors.shutdown() == ErrorTracker.Shutdown.ERROR ? charging : PwmRequest.X1;
            }
            case T_step_EF -> s.tStepX1Phase ? PwmRequest.X1 : PwmRequest.F;
            case StoppingCharging, Finished, T_step_X1 -> PwmRequest.X1;
        };
    }

    /**
     * Whether the session lets the contactors close. False at once for anything safety related (fatal error,
     * disabled, no valid energy limit); true in Charging, and during a pause or stop asked for by a user or the CSMS
     * so that the IEC layer can give the EV its 6 s to open S2 before the contactors open (it never switches on
     * without PWM, so this keeps power on but never turns it on).
     */
    boolean powerPermitted() {
        if (c.errors.fatal() || !c.enable.enabled() || !c.budget.available(c.now())) {
            return false;
        }
        return switch (s.state) {
            case Charging -> s.authorized && (!s.use5Percent || s.hlcAllowClose);
            case ChargingPausedEVSE -> pauseReasons().equals(List.of(PauseChargingEVSEReasonEnum.UserPause));
            case StoppingCharging -> s.stopRequested;
            default -> false;
        };
    }
}
