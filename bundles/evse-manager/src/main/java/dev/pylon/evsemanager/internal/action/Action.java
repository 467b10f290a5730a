package dev.pylon.evsemanager.internal.action;

import dev.pylon.api.Severity;
import dev.pylon.api.types.evseboardsupport.PowerOnOff;
import dev.pylon.api.types.powermeter.TransactionReq;
import java.time.Duration;
import java.util.Objects;

/**
 * What the logic asks the outside world to do, as data. The logic never calls a board, a bus or a clock; it returns
 * these and the shell ({@code internal.shell.Engine}) applies them in order. Tests read them directly.
 */
public sealed interface Action {

    /** {@code bsp.pwm_on(percent)}: nominal or 5 % duty cycle, 0 &lt; percent &lt; 100. */
    record PwmOn(double percent) implements Action {
    }

    /** {@code bsp.cp_state_X1()}: constant +12 V, no PWM. */
    record CpX1() implements Action {
    }

    /** {@code bsp.cp_state_F()}: -12 V, the EVSE is not available. */
    record CpF() implements Action {
    }

    /** {@code bsp.allow_power_on({allow_power_on, reason})}. */
    record AllowPower(boolean on, PowerOnOff.Reason reason) implements Action {
        public AllowPower {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** {@code bsp.enable(value)}. */
    record BspEnable(boolean value) implements Action {
    }

    /** {@code bsp.ac_set_overcurrent_limit_A(value)}. */
    record OvercurrentLimit(double ampere) implements Action {
    }

    /** {@code connector_lock.lock()}; dropped when no lock is connected. */
    record Lock() implements Action {
    }

    /** {@code connector_lock.unlock()}; dropped when no lock is connected. */
    record Unlock() implements Action {
    }

    /** Publishes var {@code var} of provided implementation {@code impl} ({@code evse} or {@code energy_grid}). */
    record Publish(String impl, String var, Object value) implements Action {
        public Publish {
            Objects.requireNonNull(impl, "impl");
            Objects.requireNonNull(var, "var");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Raises error {@code type} on implementation {@code evse}. */
    record RaiseError(String type, String message, Severity severity) implements Action {
    }

    /** Clears error {@code type} of implementation {@code evse}. */
    record ClearError(String type) implements Action {
    }

    /** Starts (or restarts) timer {@code id}; when it fires the shell calls the logic's {@code onTimer(id)}. */
    record StartTimer(TimerId id, Duration delay) implements Action {
    }

    /** Cancels timer {@code id} if it runs. */
    record CancelTimer(TimerId id) implements Action {
    }

    /**
     * {@code powermeter.start_transaction(req)}; the shell answers with the logic's {@code onTransactionStartResult}
     * (a failure or an exception as {@code UNEXPECTED_ERROR}) before it applies anything else.
     */
    record MeterStartTransaction(TransactionReq request) implements Action {
    }

    /** {@code powermeter.stop_transaction(id)}; answered with the logic's {@code onTransactionStopResult}. */
    record MeterStopTransaction(String transactionId) implements Action {
    }

    /** A call on the ISO 15118 charger, if one is connected (best effort: failures are logged). */
    record Hlc(HlcCall call) implements Action {
    }

    /** The cmds of {@code ISO15118_charger} the AC logic uses. */
    sealed interface HlcCall {
        record AuthorizationAccepted() implements HlcCall {
        }

        record ContactorClosed(boolean closed) implements HlcCall {
        }

        record MaxCurrent(double ampere) implements HlcCall {
        }

        record StopCharging() implements HlcCall {
        }
    }

    /** A line for the platform log, so that the logic can explain itself without a logger. */
    record Log(System.Logger.Level level, String message) implements Action {
    }
}
