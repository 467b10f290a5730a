package dev.pylon.boardsupport.sim.internal.boardsupport;

import dev.pylon.api.evseboardsupport.EvseBoardSupport;
import dev.pylon.api.types.evseboardsupport.PowerOnOff;
import dev.pylon.boardsupport.sim.internal.sim.YetiSimulation;
import java.util.Objects;
import java.util.concurrent.Executor;

/** Implementation {@code board_support} (evse_board_support): hands every cmd to the simulation's serial context. */
public final class BoardSupportImpl implements EvseBoardSupport {
    private final YetiSimulation sim;
    private final Executor serial;

    public BoardSupportImpl(YetiSimulation sim, Executor serial) {
        this.sim = sim;
        this.serial = serial;
    }

    @Override
    public void enable(boolean value) {
        serial.execute(() -> sim.enable(value));
    }

    @Override
    public void pwmOn(double value) {
        serial.execute(() -> sim.pwmOn(value));
    }

    @Override
    public void cpStateX1() {
        serial.execute(sim::cpStateX1);
    }

    @Override
    public void cpStateF() {
        serial.execute(sim::cpStateF);
    }

    @Override
    public void cpStateE() {
        serial.execute(sim::cpStateE);
    }

    @Override
    public void allowPowerOn(PowerOnOff value) {
        Objects.requireNonNull(value, "value");
        serial.execute(() -> sim.allowPowerOn(value));
    }

    @Override
    public void acSwitchThreePhasesWhileCharging(boolean value) {
        serial.execute(() -> sim.acSwitchThreePhasesWhileCharging(value));
    }

    @Override
    public void acSetOvercurrentLimitA(double value) {
        serial.execute(() -> sim.acSetOvercurrentLimitA(value));
    }

    @Override
    public String toString() {
        return "YetiSimulator board_support";
    }
}
