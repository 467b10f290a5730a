package dev.pylon.evsemanager.internal.action;

/**
 * The timers of one EvseManager. At most one timer per id runs: starting an id again replaces it, and the shell drops a
 * replaced or cancelled timer even if it already fired.
 */
public enum TimerId {
    /** IEC: the EV stays in C/D after the PWM stopped; cut the power when it runs out (6 s). */
    IEC_C1,
    /** IEC: a PWM change that came too soon after the last one; applied when 5 s have passed. */
    IEC_PWM_UPDATE,
    /** IEC: unlock the connector when CP state F lasts (5 s). */
    IEC_UNLOCK_F,
    /** Session: the one timeout of the current state (legacy wake-up, T_step phases, state F after a fault...). */
    STATE,
    /** Session: the enforced current limit expires (its valid_for ran out). */
    LIMIT_EXPIRY,
    /** Session: time to send the energy request again (every second). */
    ENERGY_REQUEST,
    /** Session: the first power meter value did not come in time; sessions may start anyway. */
    READY,
    /** Session: the drawn current stayed above the signalled one for too long. */
    OVER_CURRENT
}
