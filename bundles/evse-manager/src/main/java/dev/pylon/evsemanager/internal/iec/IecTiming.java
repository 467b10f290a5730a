package dev.pylon.evsemanager.internal.iec;

import java.time.Duration;

/** Timing rules of IEC 61851-1 the IEC layer applies (values from public secondary sources, see docs/evse-manager.md). */
public final class IecTiming {
    /** PWM stopped while the EV stays in C/D: power off after this long (Table A.6 sequence 10.2). */
    public static final Duration C1_POWER_OFF = Duration.ofSeconds(6);
    /** Minimum time between two changes of the duty cycle (changes to or from off are not limited). */
    public static final Duration PWM_MIN_INTERVAL = Duration.ofSeconds(5);
    /** State F lasting this long unlocks the connector. */
    public static final Duration UNLOCK_IN_F = Duration.ofSeconds(5);

    private IecTiming() {
    }
}
