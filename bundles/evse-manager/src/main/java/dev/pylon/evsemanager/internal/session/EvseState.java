package dev.pylon.evsemanager.internal.session;

/** The states of the session layer, with EVerest's names (the phase-switching state is not implemented). */
public enum EvseState {
    /** Switched off by enable_disable: CP F, no sessions. */
    Disabled,
    /** No session with an EV (an authorisation before plug-in may have opened one). */
    Idle,
    /** EV plugged in, waiting for authorisation. */
    WaitingForAuthentication,
    /** Authorised, transaction running, PWM on: waiting for the EV to ask for power (C) and for energy. */
    PrepareCharging,
    /** Power on (the EV is in C/D). */
    Charging,
    /** The EV paused (C to B); PWM stays on so it can resume. */
    ChargingPausedEV,
    /** The EVSE paused: by request, for lack of energy or for a fatal error. */
    ChargingPausedEVSE,
    /** The transaction is ending: PWM off, waiting for the power to go off. */
    StoppingCharging,
    /** The transaction is over; waits for unplug when it was stopped by request, else ends the session. */
    Finished,
    /** ISO 15118-3 t_step_EF: CP F for 4 s then X1 for 0.75 s (also IEC 61851-1 A.5.3 legacy wake-up). */
    T_step_EF,
    /** ISO 15118-3 t_step_X1: X1 for 3 s between 5 % and nominal PWM. */
    T_step_X1;

    /** The state the energy tree sees. */
    public dev.pylon.api.types.energy.EvseState toEnergy() {
        return switch (this) {
            case Disabled -> dev.pylon.api.types.energy.EvseState.Disabled;
            case Idle -> dev.pylon.api.types.energy.EvseState.Unplugged;
            case WaitingForAuthentication -> dev.pylon.api.types.energy.EvseState.WaitForAuth;
            case PrepareCharging, T_step_EF, T_step_X1 -> dev.pylon.api.types.energy.EvseState.PrepareCharging;
            case Charging -> dev.pylon.api.types.energy.EvseState.Charging;
            case ChargingPausedEV -> dev.pylon.api.types.energy.EvseState.PausedEV;
            case ChargingPausedEVSE -> dev.pylon.api.types.energy.EvseState.PausedEVSE;
            case StoppingCharging, Finished -> dev.pylon.api.types.energy.EvseState.Finished;
        };
    }

    /** States in which the EVSE asks the energy manager for power even with request_zero_power_in_idle. */
    public boolean needsEnergy() {
        return switch (this) {
            case WaitingForAuthentication, PrepareCharging, Charging, ChargingPausedEV, T_step_EF, T_step_X1 -> true;
            default -> false;
        };
    }
}
