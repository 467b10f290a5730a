package dev.pylon.evsemanager.internal.session;

import dev.pylon.api.Severity;
import dev.pylon.api.errors.EvseManagerErrors;
import dev.pylon.api.types.units.Current;
import dev.pylon.evsemanager.internal.action.TimerId;
import dev.pylon.evsemanager.internal.iec.IecState;
import dev.pylon.evsemanager.internal.iec.PwmDuty;

/**
 * Soft over-current supervision while charging: when the highest phase current the meter reports stays above what
 * the PWM signals (plus measurement noise, plus a tolerance) for {@code soft_over_current_timeout_ms},
 * {@code evse_manager/MREC4OverCurrentFailure} is raised (a fatal error, cleared on unplug).
 */
final class OverCurrent {
    private final Context c;
    private final Session s;

    OverCurrent(Context context) {
        this.c = context;
        this.s = context.session;
    }

    /** A new meter reading. */
    void measured(Current current, IecState iec) {
        Double drawn = null;
        if (current != null) {
            for (Double phase : new Double[] {current.l1(), current.l2(), current.l3()}) {
                if (phase != null && (drawn == null || phase > drawn)) {
                    drawn = phase;
                }
            }
        }
        boolean over = false;
        if (drawn != null && s.state == EvseState.Charging && iec.pwmRunning()) {
            double signalled = PwmDuty.ampereFor(iec.duty());
            double threshold = (signalled + c.cfg.overCurrentNoiseA()) * (1 + c.cfg.overCurrentTolerancePercent() / 100);
            over = drawn > threshold;
        }
        if (over && !s.overCurrentTimer) {
            s.overCurrentTimer = true;
            c.out.startTimer(TimerId.OVER_CURRENT, c.cfg.overCurrentTimeout());
        } else if (!over && s.overCurrentTimer) {
            s.overCurrentTimer = false;
            c.out.cancelTimer(TimerId.OVER_CURRENT);
        }
    }

    /** The timer ran out without a reading below the threshold. */
    void timedOut() {
        s.overCurrentTimer = false;
        if (s.state == EvseState.Charging) {
            c.raiseOwn(EvseManagerErrors.MREC4_OVER_CURRENT_FAILURE,
                    "the EV drew more current than signalled for too long", Severity.High);
        }
    }
}
