package dev.pylon.evsemanager.internal.iec;

import dev.pylon.api.types.evseboardsupport.PowerOnOff;
import dev.pylon.evsemanager.internal.action.Action;
import dev.pylon.evsemanager.internal.action.TimerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The IEC 61851-1 layer: a pure function from (state, input, time) to (next state, events, actions). It owns the
 * contactor decision. Power is switched on only when all of these hold, and off as soon as one fails:
 * <ul>
 * <li>the EV is in C, or in D with ventilation;</li>
 * <li>the PWM runs (X2);</li>
 * <li>the session layer allowed it ({@link IecInput.AllowPower}); the permission is dropped whenever power goes off,
 * so the session layer must grant it again.</li>
 * </ul>
 * Leaving C/D (to A, B, E, F or an unknown state), state F driven by the EVSE and a withdrawn permission switch off at
 * once. The one exception is Table A.6 sequence 10.2: when the PWM stops (X1) while power is on and the EV stays in C,
 * the EV gets {@link IecTiming#C1_POWER_OFF} to open S2 before the EVSE opens the contactors under load. The duty
 * cycle changes at most every {@link IecTiming#PWM_MIN_INTERVAL}; switching the PWM on or off is never delayed.
 * The connector locks in C/D (and B when configured) and unlocks in A, E, an unknown state, and after
 * {@link IecTiming#UNLOCK_IN_F} in F.
 */
public final class IecStateMachine {
    private IecStateMachine() {
    }

    /** One transition. Never throws for a valid input; the returned lists are in the order things must happen. */
    public static IecStep step(IecConfig config, IecState state, IecInput input, Instant now) {
        Work w = new Work(config, state, now);
        if (input instanceof IecInput.Cp cp) {
            w.onCp(cp.state());
        } else if (input instanceof IecInput.RelayConfirmed relay) {
            w.relayConfirmed = relay.on();
            w.events.add(relay.on() ? CpEvent.PowerOn : CpEvent.PowerOff);
        } else if (input instanceof IecInput.Pwm pwm) {
            w.setPwm(pwm.percent());
        } else if (input instanceof IecInput.X1) {
            w.setX1();
        } else if (input instanceof IecInput.F) {
            w.setF();
        } else if (input instanceof IecInput.AllowPower allow) {
            w.allowPower(allow.allow(), allow.reason());
        } else if (input instanceof IecInput.ForcePowerOff) {
            w.powerOff(true);
        } else if (input instanceof IecInput.ForceUnlock) {
            if (!w.powerOn) {
                w.locked = false;
                w.actions.add(new Action.Unlock());
            }
        } else if (input instanceof IecInput.Timeout timeout) {
            w.onTimeout(timeout.timer());
        }
        w.reconcile();
        return w.result();
    }

    /** A mutable copy of the state for the duration of one step. */
    private static final class Work {
        final IecConfig config;
        final Instant now;
        final List<CpEvent> events = new ArrayList<>();
        final List<Action> actions = new ArrayList<>();
        CpState cp;
        boolean carPluggedIn;
        PwmMode pwm;
        double duty;
        Instant lastDutyChange;
        Double pendingDuty;
        boolean powerAllowed;
        PowerOnOff.Reason reason;
        boolean powerOn;
        boolean c1Running;
        boolean relayConfirmed;
        boolean locked;

        Work(IecConfig config, IecState s, Instant now) {
            this.config = config;
            this.now = now;
            cp = s.cp();
            carPluggedIn = s.carPluggedIn();
            pwm = s.pwm();
            duty = s.duty();
            lastDutyChange = s.lastDutyChange();
            pendingDuty = s.pendingDuty();
            powerAllowed = s.powerAllowed();
            reason = s.reason();
            powerOn = s.powerOn();
            c1Running = s.c1Running();
            relayConfirmed = s.relayConfirmed();
            locked = s.locked();
        }

        IecStep result() {
            IecState next = new IecState(cp, carPluggedIn, pwm, duty, lastDutyChange, pendingDuty, powerAllowed,
                    reason, powerOn, c1Running, relayConfirmed, locked);
            return new IecStep(next, events, actions);
        }

        void onCp(CpState next) {
            CpState prev = cp;
            if (next == prev) {
                return;
            }
            if (prev == CpState.F) {
                actions.add(new Action.CancelTimer(TimerId.IEC_UNLOCK_F));
            }
            cp = next;
            switch (next) {
                case UNKNOWN -> {
                    // The board lost track or disconnected: assume nothing, power off.
                    powerOff(false);
                    setX1();
                    unlock();
                }
                case A -> {
                    boolean wasPlugged = carPluggedIn;
                    powerOff(false);
                    setX1();
                    unlock();
                    carPluggedIn = false;
                    if (wasPlugged || prev != CpState.UNKNOWN) {
                        events.add(CpEvent.CarUnplugged);
                    }
                }
                case B -> {
                    // Sequence 8.1: the EV opened S2; contactors open within 100 ms, here at once.
                    powerOff(false);
                    if (config.lockInStateB()) {
                        lock();
                    }
                    pluggedIn();
                    if (prev == CpState.E || prev == CpState.F) {
                        events.add(CpEvent.EFtoBCD);
                    }
                    if (prev.isCd()) {
                        events.add(CpEvent.CarRequestedStopPower);
                    }
                }
                case C, D -> {
                    lock();
                    pluggedIn();
                    if (prev == CpState.E || prev == CpState.F) {
                        events.add(CpEvent.EFtoBCD);
                    }
                    if (!prev.isCd()) {
                        events.add(CpEvent.CarRequestedPower);
                    }
                    if (next == CpState.D && !config.hasVentilation()) {
                        powerOff(false);
                    }
                }
                case E -> {
                    powerOff(false);
                    setX1();
                    unlock();
                    if (prev.isBcd()) {
                        events.add(CpEvent.BCDtoEF);
                        events.add(CpEvent.BCDtoE);
                    }
                }
                case F -> {
                    powerOff(false);
                    actions.add(new Action.StartTimer(TimerId.IEC_UNLOCK_F, IecTiming.UNLOCK_IN_F));
                    // Whatever the board drove, it is not a running PWM now; the next request is sent again.
                    if (pwm != PwmMode.F) {
                        pwm = PwmMode.UNKNOWN;
                        duty = 0.0;
                        clearPending();
                    }
                    if (prev.isBcd()) {
                        events.add(CpEvent.BCDtoEF);
                    }
                }
                default -> throw new IllegalStateException("unhandled CP state " + next);
            }
        }

        void pluggedIn() {
            if (!carPluggedIn) {
                carPluggedIn = true;
                events.add(CpEvent.CarPluggedIn);
            }
        }

        void setPwm(double percent) {
            if (!PwmDuty.isRunning(percent)) {
                setX1();
                return;
            }
            if (pwm != PwmMode.ON) {
                applyDuty(percent);
                return;
            }
            if (Math.abs(duty - percent) < 1e-9) {
                clearPending();
                return;
            }
            Instant allowedAt = lastDutyChange == null ? now : lastDutyChange.plus(IecTiming.PWM_MIN_INTERVAL);
            if (!now.isBefore(allowedAt)) {
                applyDuty(percent);
                return;
            }
            boolean timerRunning = pendingDuty != null;
            pendingDuty = percent;
            if (!timerRunning) {
                actions.add(new Action.StartTimer(TimerId.IEC_PWM_UPDATE, Duration.between(now, allowedAt)));
            }
        }

        void applyDuty(double percent) {
            clearPending();
            pwm = PwmMode.ON;
            duty = percent;
            lastDutyChange = now;
            actions.add(new Action.PwmOn(percent));
        }

        void clearPending() {
            if (pendingDuty != null) {
                pendingDuty = null;
                actions.add(new Action.CancelTimer(TimerId.IEC_PWM_UPDATE));
            }
        }

        void setX1() {
            clearPending();
            if (pwm != PwmMode.X1) {
                pwm = PwmMode.X1;
                duty = 0.0;
                actions.add(new Action.CpX1());
            }
        }

        void setF() {
            clearPending();
            powerOff(false);
            if (pwm != PwmMode.F) {
                pwm = PwmMode.F;
                duty = 0.0;
                actions.add(new Action.CpF());
            }
        }

        void allowPower(boolean allow, PowerOnOff.Reason why) {
            if (allow) {
                powerAllowed = true;
                reason = why;
            } else {
                powerOff(false);
            }
        }

        /** Power off now; {@code force} tells the board even if power is believed off already. */
        void powerOff(boolean force) {
            boolean wasOn = powerOn;
            powerOn = false;
            powerAllowed = false;
            if (wasOn || force) {
                actions.add(new Action.AllowPower(false, PowerOnOff.Reason.PowerOff));
            }
            if (c1Running) {
                c1Running = false;
                actions.add(new Action.CancelTimer(TimerId.IEC_C1));
            }
        }

        void onTimeout(TimerId timer) {
            switch (timer) {
                case IEC_C1 -> {
                    c1Running = false;
                    if (powerOn && cp.isCd() && pwm != PwmMode.ON) {
                        actions.add(new Action.Log(System.Logger.Level.WARNING, "EV stayed in " + cp
                                + " for 6 s after the PWM stopped; switching off under load (IEC 61851-1 A.6 10.2)"));
                        powerOff(false);
                    }
                }
                case IEC_PWM_UPDATE -> {
                    if (pendingDuty != null && pwm == PwmMode.ON) {
                        double next = pendingDuty;
                        pendingDuty = null;
                        applyDuty(next);
                    } else {
                        pendingDuty = null;
                    }
                }
                case IEC_UNLOCK_F -> {
                    if (cp == CpState.F) {
                        unlock();
                    }
                }
                default -> {
                    // not an IEC timer
                }
            }
        }

        void lock() {
            if (!locked) {
                locked = true;
                actions.add(new Action.Lock());
            }
        }

        void unlock() {
            if (locked) {
                locked = false;
                actions.add(new Action.Unlock());
            }
        }

        /** Applies the rules that depend on the whole state, after any input. */
        void reconcile() {
            boolean evReady = cp == CpState.C || (cp == CpState.D && config.hasVentilation());
            if (powerOn && !evReady) {
                powerOff(false);
            }
            if (!powerOn && powerAllowed && evReady && pwm == PwmMode.ON) {
                powerOn = true;
                actions.add(new Action.AllowPower(true, reason));
            }
            if (powerOn && pwm != PwmMode.ON) {
                if (!c1Running) {
                    c1Running = true;
                    actions.add(new Action.StartTimer(TimerId.IEC_C1, IecTiming.C1_POWER_OFF));
                }
            } else if (c1Running) {
                c1Running = false;
                actions.add(new Action.CancelTimer(TimerId.IEC_C1));
            }
        }
    }
}
