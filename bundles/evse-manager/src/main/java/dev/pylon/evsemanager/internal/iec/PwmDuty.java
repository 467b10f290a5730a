package dev.pylon.evsemanager.internal.iec;

/**
 * The duty cycle that signals a maximum current on the control pilot (IEC 61851-1 Annex A): 0.6 A per percent up to
 * 51 A, then 2.5 A per percent above 64 %. Values the standard does not define give 100 %, which is not a valid PWM
 * and therefore means "no charging".
 */
public final class PwmDuty {
    /** The duty cycle for high level communication: digital communication required. */
    public static final double HLC_PERCENT = 5.0;
    /** "No valid current": 100 % is constant +12 V to the EV. */
    public static final double INVALID_PERCENT = 100.0;
    /** The smallest current AC charging can signal; below it there is no power. */
    public static final double MIN_AMPERE = 6.0;

    private PwmDuty() {
    }

    /** Duty cycle in percent (0..100) for {@code ampere}. */
    public static double percentFor(double ampere) {
        if (Double.isNaN(ampere) || ampere < 5.9) {
            return INVALID_PERCENT;
        }
        if (ampere <= 6.1) {
            return 10.0;
        }
        if (ampere < 52.5) {
            // 51..52.5 A has no duty cycle of its own in the standard; signal 51 A.
            return Math.min(ampere, 51.0) / 0.6;
        }
        if (ampere <= 80.0) {
            return ampere / 2.5 + 64.0;
        }
        if (ampere <= 80.1) {
            return 97.0;
        }
        return INVALID_PERCENT;
    }

    /** Whether {@code percent} is a PWM a board can run (strictly between 0 and 100). */
    public static boolean isRunning(double percent) {
        return percent > 0.0 && percent < 100.0;
    }

    /** Whether {@code ampere} can be signalled at all, i.e. AC power is available. */
    public static boolean powerAvailable(double ampere) {
        return ampere > 5.9;
    }

    /** The current a running duty cycle signals (the inverse of {@link #percentFor}); 0 for no PWM. */
    public static double ampereFor(double percent) {
        if (!isRunning(percent) || percent < 8.0) {
            return 0.0;
        }
        if (percent <= 85.0) {
            return percent * 0.6;
        }
        return Math.min((percent - 64.0) * 2.5, 80.0);
    }
}
