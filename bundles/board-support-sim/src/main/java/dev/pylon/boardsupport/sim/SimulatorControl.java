package dev.pylon.boardsupport.sim;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Control of a running YetiSimulator beyond its interfaces, for a console, a test or an EV simulator: inject and clear
 * board errors, and look at the simulated hardware. Registered once per module instance, with the instance's
 * {@code pylon.module.id}. Safe to call from any thread: injections are carried out on the simulation's own thread
 * shortly after the call returns.
 */
@ProviderType
public interface SimulatorControl {
    /**
     * Raises an error as the simulated hardware would: a full type such as {@code evse_board_support/MREC2GroundFailure},
     * {@code ac_rcd/DC} or {@code connector_lock/ConnectorLockFailedLock}, or a bare name ({@code MREC2GroundFailure},
     * {@code DiodeFault}), looked up in evse_board_support, then ac_rcd, then connector_lock. Board and RCD errors are
     * raised on implementation {@code board_support}, lock errors on {@code connector_lock}; warnings with severity
     * Low, everything else High.
     *
     * @throws IllegalArgumentException for a type the simulated board cannot raise
     */
    void raiseError(String type);

    /** Clears an error raised by {@link #raiseError(String)}; the type is resolved the same way. */
    void clearError(String type);

    /** Every error type {@link #raiseError(String)} accepts, in full form. */
    List<String> errorTypes();

    /** What the simulated hardware does right now. */
    Status status();

    /**
     * A snapshot of the simulated hardware.
     *
     * @param cpState           the Control Pilot state the charger measures (A to F)
     * @param relaysClosed      whether the output relays are closed
     * @param dutyCyclePercent  the duty cycle on the line (100 for a steady +12 V, 0 for F or E)
     * @param currentL1         current on phase 1 in A
     * @param currentL2         current on phase 2 in A
     * @param currentL3         current on phase 3 in A
     * @param powerW            momentary power in W
     * @param energyWh          imported energy in Wh since start or the last reset
     * @param locked            whether the connector lock is engaged
     * @param overcurrentLimitA the limit last set by {@code ac_set_overcurrent_limit_A}, NaN if never set
     */
    record Status(String cpState, boolean relaysClosed, double dutyCyclePercent, double currentL1, double currentL2,
            double currentL3, double powerW, double energyWh, boolean locked, double overcurrentLimitA) {
    }
}
