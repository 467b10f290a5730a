package dev.pylon.evsemanager.internal.session;

import dev.pylon.api.types.authorization.ProvidedIdToken;
import dev.pylon.api.types.authorization.ValidationResult;
import dev.pylon.api.types.evsemanager.EVInfo;
import dev.pylon.api.types.evsemanager.PlugAndChargeConfiguration;
import dev.pylon.api.types.evsemanager.StopTransactionReason;
import dev.pylon.api.types.powermeter.Powermeter;

/** The data of the session layer; owned by {@link SessionFsm}, read by the other parts of the logic. */
final class Session {
    EvseState state = EvseState.Disabled;
    EvseState previous = EvseState.Disabled;

    /** Sessions may start: external ready received (if required) and the first meter value in (or its timeout). */
    boolean ready;
    boolean externalReady;
    boolean meterReady;

    /** An EV was plugged in while no session could start; it starts when the blocker goes. */
    boolean plugPending;
    /** The EV is in C/D (wants power). */
    boolean evRequestsPower;

    boolean sessionActive;
    String sessionId = "";

    boolean authorized;
    ProvidedIdToken idToken;
    ValidationResult validation;

    boolean transactionActive;
    /** A powermeter start or stop call is out; the FSM waits for its answer. */
    boolean meterBusy;
    StopTransactionReason stopReason;
    ProvidedIdToken stopIdTag;
    /** The transaction was stopped by request (stop_transaction): the session stays open until unplug. */
    boolean stopRequested;

    boolean pausedByUser;
    boolean legacyWakeupDone;
    EvseState tStepReturn = EvseState.PrepareCharging;
    /** The state a T_step was entered from (PrepareCharging is not announced twice around a wake-up). */
    EvseState tStepFrom = EvseState.Idle;
    /** In T_step_EF: the X1 phase after the F phase. */
    boolean tStepX1Phase;
    /** CP F is held after an emergency shutdown while charging (state_F_after_fault_ms). */
    boolean faultFPhase;
    boolean overCurrentTimer;

    boolean hlcSession;
    boolean use5Percent;
    boolean hlcActive;
    boolean hlcAllowClose;
    boolean matchingStarted;

    Integer reservationId;
    Powermeter lastMeter;
    boolean powermeterConnected;
    boolean hlcConnected;
    boolean lockConnected;
    Integer phasesAvailable;
    PlugAndChargeConfiguration pncConfig;
    /** What the HLC stack told about the EV in this session, or null. */
    EVInfo.Builder evInfo;
}
