package dev.pylon.boardsupport.sim.internal.sim;

import dev.pylon.api.types.boardsupportcommon.BspEvent;
import dev.pylon.api.types.evboardsupport.EvCpState;

/**
 * The electrical rules of the Control Pilot line, as pure functions: what the charger and the car each put on the
 * line, which IEC 61851-1 state the charger measures from that, and what current a PWM duty cycle offers.
 */
public final class ControlPilot {
    private ControlPilot() {
    }

    /** What the charger side drives onto the line. */
    public enum Drive {
        /** Steady +12 V, no PWM (state X1 when a car is connected). */
        X1,
        /** The 1 kHz PWM with a duty cycle. */
        PWM,
        /** Steady -12 V: charger not available. */
        F,
        /** Line pulled to 0 V by the charger. */
        E
    }

    /** What the car side presents: not connected, or connected with switch S2 open (B), closed (C, D), or shorted (E). */
    public enum Car {
        UNPLUGGED, B, C, D, E;

        /** The car side for an {@code ev_board_support.set_cp_state} value: A means the car is not plugged in. */
        public static Car of(EvCpState state) {
            return switch (state) {
                case A -> UNPLUGGED;
                case B -> B;
                case C -> C;
                case D -> D;
                case E -> E;
            };
        }
    }

    /**
     * The state the charger measures. The charger's own steady -12 V (F) or 0 V (E) wins over anything the car does;
     * otherwise no car gives A, a car shorting the line gives E, and a car gives B, C or D by its switch S2 (also
     * without PWM: C with +12 V steady is C1).
     *
     * @param boardEnabled false while the charger is taken out of service, which it shows as F
     */
    public static BspEvent.Event measured(boolean boardEnabled, Drive drive, Car car) {
        if (!boardEnabled || drive == Drive.F) {
            return BspEvent.Event.F;
        }
        if (drive == Drive.E) {
            return BspEvent.Event.E;
        }
        return switch (car) {
            case UNPLUGGED -> BspEvent.Event.A;
            case B -> BspEvent.Event.B;
            case C -> BspEvent.Event.C;
            case D -> BspEvent.Event.D;
            case E -> BspEvent.Event.E;
        };
    }

    /** What the car side reports: {@code Disconnected} while unplugged, else the measured state. */
    public static BspEvent.Event seenByCar(BspEvent.Event measured, Car car) {
        return car == Car.UNPLUGGED ? BspEvent.Event.Disconnected : measured;
    }

    /** Whether the state lets the car draw power (C, or D with ventilation). */
    public static boolean requestsPower(BspEvent.Event state) {
        return state == BspEvent.Event.C || state == BspEvent.Event.D;
    }

    /** Whether a duty cycle is a running PWM at all (strictly between 0 and 100 %). */
    public static boolean isPwm(double dutyCyclePercent) {
        return dutyCyclePercent > 0 && dutyCyclePercent < 100;
    }

    /**
     * The current in A per phase that a duty cycle offers an AC car (IEC 61851-1 Annex A): 0 below 8 % (5 % only
     * announces digital communication) and above 97 %; 6 A from 8 to 10 %; duty × 0.6 A from 10 to 85 %;
     * (duty − 64) × 2.5 A from 85 to 97 % (capped at 80 A). So 26.67 % offers 16 A and 53.33 % offers 32 A.
     */
    public static double ampsFromDuty(double dutyCyclePercent) {
        double d = dutyCyclePercent;
        if (d < 8 || d > 97) {
            return 0;
        }
        if (d < 10) {
            return 6;
        }
        if (d <= 85) {
            return d * 0.6;
        }
        return Math.min(80, (d - 64) * 2.5);
    }

    /** The duty cycle the car measures for what the charger drives: the PWM's, 100 % for +12 V, 0 % for F and E. */
    public static double measuredDuty(boolean boardEnabled, Drive drive, double pwmDuty) {
        if (!boardEnabled) {
            return 0;
        }
        return switch (drive) {
            case PWM -> pwmDuty;
            case X1 -> 100;
            case F, E -> 0;
        };
    }
}
