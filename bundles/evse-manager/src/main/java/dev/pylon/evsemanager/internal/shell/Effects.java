package dev.pylon.evsemanager.internal.shell;

import dev.pylon.api.Severity;
import dev.pylon.api.types.evseboardsupport.PowerOnOff;
import dev.pylon.api.types.powermeter.TransactionReq;
import dev.pylon.api.types.powermeter.TransactionStartResponse;
import dev.pylon.api.types.powermeter.TransactionStopResponse;
import dev.pylon.evsemanager.internal.action.Action;

/**
 * The outside world as the {@link Engine} applies actions to it: the board, the optional providers, the bus. The DS
 * component implements it on the real services; tests implement it with fakes that record what happened when.
 */
public interface Effects {
    void pwmOn(double percent);

    void cpX1();

    void cpF();

    void allowPowerOn(boolean on, PowerOnOff.Reason reason);

    void enableBoard(boolean enable);

    void overcurrentLimit(double ampere);

    /** Locks the connector; does nothing when no lock is connected. */
    void lock();

    /** Unlocks the connector; does nothing when no lock is connected. */
    void unlock();

    void publish(String impl, String var, Object value);

    void raiseError(String type, String message, Severity severity);

    void clearError(String type);

    /** Starts a transaction on the power meter; throws or answers UNEXPECTED_ERROR when it cannot. */
    TransactionStartResponse startTransaction(TransactionReq request);

    /** Stops the transaction on the power meter; may throw. */
    TransactionStopResponse stopTransaction(String transactionId);

    /** A call on the ISO 15118 charger; does nothing when none is connected. */
    void hlc(Action.HlcCall call);

    void log(System.Logger.Level level, String message);
}
