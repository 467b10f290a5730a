package dev.pylon.evsemanager.internal.iec;

/** What the EVSE drives on the control pilot. */
public enum PwmMode {
    /** Not known yet (start-up): the first request is always sent to the board. */
    UNKNOWN,
    /** X1: constant +12 V, no PWM. */
    X1,
    /** X2: PWM with a duty cycle. */
    ON,
    /** State F: -12 V. */
    F
}
