package dev.pylon.boardsupport.sim.internal.evboardsupport;

import dev.pylon.api.evboardsupport.EvBoardSupport;
import dev.pylon.api.types.evboardsupport.EvCpState;
import dev.pylon.boardsupport.sim.internal.sim.YetiSimulation;
import java.util.Objects;
import java.util.concurrent.Executor;

/** Implementation {@code ev_board_support}: the car's side of the simulated power path, on the serial context. */
public final class EvBoardSupportImpl implements EvBoardSupport {
    private final YetiSimulation sim;
    private final Executor serial;

    public EvBoardSupportImpl(YetiSimulation sim, Executor serial) {
        this.sim = sim;
        this.serial = serial;
    }

    @Override
    public void enable(boolean value) {
        serial.execute(() -> sim.carEnable(value));
    }

    @Override
    public void setCpState(EvCpState cpState) {
        Objects.requireNonNull(cpState, "cp_state");
        serial.execute(() -> sim.carSetCpState(cpState));
    }

    @Override
    public void allowPowerOn(boolean value) {
        serial.execute(() -> sim.carAllowPowerOn(value));
    }

    @Override
    public void diodeFail(boolean value) {
        serial.execute(() -> sim.carDiodeFail(value));
    }

    @Override
    public void setAcMaxCurrent(double current) {
        serial.execute(() -> sim.carSetAcMaxCurrent(current));
    }

    @Override
    public void setThreePhases(boolean threePhases) {
        serial.execute(() -> sim.carSetThreePhases(threePhases));
    }

    @Override
    public void setRcdError(double rcdCurrentMA) {
        serial.execute(() -> sim.carSetRcdError(rcdCurrentMA));
    }

    @Override
    public String toString() {
        return "YetiSimulator ev_board_support";
    }
}
