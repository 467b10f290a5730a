package dev.pylon.boardsupport.sim.internal.powermeter;

import dev.pylon.api.powermeter.Powermeter;
import dev.pylon.api.types.powermeter.TransactionReq;
import dev.pylon.api.types.powermeter.TransactionRequestStatus;
import dev.pylon.api.types.powermeter.TransactionStartResponse;
import dev.pylon.api.types.powermeter.TransactionStopResponse;
import dev.pylon.api.types.unitssigned.SignedMeterValue;
import dev.pylon.boardsupport.sim.internal.sim.YetiSimulation;
import dev.pylon.runtime.Timers;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Implementation {@code powermeter}. The simulated meter cannot sign: every transaction start and stop succeeds, the
 * meter publishes its reading at that moment (the transaction's meter value), and the stop answer carries a
 * {@code signed_meter_value} whose data, signing method and encoding method are empty strings.
 */
public final class PowermeterImpl implements Powermeter {
    private final YetiSimulation sim;
    private final Executor serial;
    private final Timers timers;

    public PowermeterImpl(YetiSimulation sim, Executor serial, Timers timers) {
        this.sim = sim;
        this.serial = serial;
        this.timers = timers;
    }

    @Override
    public TransactionStartResponse startTransaction(TransactionReq value) {
        Objects.requireNonNull(value, "value");
        serial.execute(sim::transactionBoundary);
        return new TransactionStartResponse(TransactionRequestStatus.OK, null, null, null);
    }

    @Override
    public TransactionStopResponse stopTransaction(String transactionId) {
        serial.execute(sim::transactionBoundary);
        SignedMeterValue unsigned = new SignedMeterValue("", "", "", null, timers.now().toString());
        return new TransactionStopResponse(TransactionRequestStatus.OK, null, unsigned, null);
    }

    @Override
    public String toString() {
        return "YetiSimulator powermeter";
    }
}
