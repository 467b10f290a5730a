package dev.pylon.evsemanager.internal.iec;

import dev.pylon.api.types.evseboardsupport.PowerOnOff;
import dev.pylon.evsemanager.internal.action.TimerId;
import java.util.Objects;

/** The inputs of the IEC layer: board events from below, requests from the session layer above, timers. */
public sealed interface IecInput {
    /** The board measured CP state {@code state}. */
    record Cp(CpState state) implements IecInput {
        public Cp {
            Objects.requireNonNull(state, "state");
        }
    }

    /** The board confirms the contactors closed ({@code true}) or open. */
    record RelayConfirmed(boolean on) implements IecInput {
    }

    /** The session asks for PWM with this duty cycle in percent; a value outside (0, 100) means X1. */
    record Pwm(double percent) implements IecInput {
    }

    /** The session asks for X1 (no PWM). */
    record X1() implements IecInput {
    }

    /** The session asks for state F. */
    record F() implements IecInput {
    }

    /** The session allows or withdraws power; withdrawing switches off at once. */
    record AllowPower(boolean allow, PowerOnOff.Reason reason) implements IecInput {
    }

    /** Switch power off now and tell the board even if it is believed off already (safety re-assertion). */
    record ForcePowerOff() implements IecInput {
    }

    /** Unlock the connector if no power is on (force_unlock). */
    record ForceUnlock() implements IecInput {
    }

    /** An IEC timer fired. */
    record Timeout(TimerId timer) implements IecInput {
    }
}
