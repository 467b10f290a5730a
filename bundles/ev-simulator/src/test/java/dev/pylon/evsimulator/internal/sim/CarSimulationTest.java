package dev.pylon.evsimulator.internal.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pylon.api.carsimulator.CarSimulatorPublisher;
import dev.pylon.api.evboardsupport.EvBoardSupport;
import dev.pylon.api.types.boardsupportcommon.BspEvent;
import dev.pylon.api.types.boardsupportcommon.BspMeasurement;
import dev.pylon.api.types.boardsupportcommon.ProximityPilot;
import dev.pylon.api.types.evboardsupport.EvCpState;
import dev.pylon.runtime.timers.SimulatedTimers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CarSimulationTest {
    final SimulatedTimers timers = new SimulatedTimers();
    /** Every ev_board_support cmd the car sends, as text. */
    final List<String> calls = new ArrayList<>();
    final List<Boolean> enabledVar = new ArrayList<>();
    /** While true the board is missing: every cmd fails as the bus fails it (NotReady). */
    boolean boardMissing;

    void record(String call) {
        if (boardMissing) {
            throw new IllegalStateException("NotReady: no provider is running");
        }
        calls.add(call);
    }
    final EvBoardSupport bsp = new EvBoardSupport() {
        @Override
        public void enable(boolean value) {
            record("enable " + value);
        }

        @Override
        public void setCpState(EvCpState cpState) {
            record("cp " + cpState);
        }

        @Override
        public void allowPowerOn(boolean value) {
            record("allow_power_on " + value);
        }

        @Override
        public void diodeFail(boolean value) {
            record("diode_fail " + value);
        }

        @Override
        public void setAcMaxCurrent(double current) {
            record("max " + current);
        }

        @Override
        public void setThreePhases(boolean threePhases) {
            record("three_phases " + threePhases);
        }

        @Override
        public void setRcdError(double rcdCurrentMA) {
            record("rcd " + rcdCurrentMA);
        }
    };

    CarSimulation car(EvConfig config) {
        return new CarSimulation(config, timers, bsp,
                new CarSimulatorPublisher((var, value) -> enabledVar.add((Boolean) value)));
    }

    final CarSimulation car = car(EvConfig.defaults(1));

    @Test
    void enablingPreparesTheCarSideUnplugged() {
        car.start(List.of());
        assertThat(enabledVar).containsExactly(false);
        car.enable(true);
        assertThat(calls).containsExactly("enable true", "max 16.0", "three_phases true", "cp A");
        assertThat(enabledVar).containsExactly(false, true);
    }

    @Test
    void iecWaitPwrReadyPlugsInAndWaitsForAValidPwm() {
        running("iec_wait_pwr_ready;draw_power_regulated 16,3");
        tick();
        assertThat(cpStates()).containsExactly("A", "B");
        timers.advance(Duration.ofSeconds(5));
        assertThat(car.current().kind()).as("no PWM yet").isEqualTo(Command.Kind.IEC_WAIT_PWR_READY);
        pwm(100);
        tick();
        assertThat(car.current().kind()).as("steady +12 V is no PWM").isEqualTo(Command.Kind.IEC_WAIT_PWR_READY);
        pwm(26.67);
        tick();
        assertThat(car.running()).isFalse();
        assertThat(calls).endsWith("max 16.0", "three_phases true", "cp C");
    }

    @Test
    void iecWaitPwrReadyNeverSkipsStateBEvenWithPwmAlreadyOn() {
        running("iec_wait_pwr_ready;draw_power_regulated 16,3");
        pwm(26.67);
        tick();
        tick();
        assertThat(cpStates()).containsExactly("A", "B", "C");
    }

    @Test
    void regulatedPowerFollowsThePwmFixedPowerDoesNot() {
        running("draw_power_regulated 10,1");
        pwm(26.67);
        tick();
        assertThat(calls).contains("max 10.0", "three_phases false");
        assertThat(cpStates()).endsWith("C");
        pwm(100);
        tick();
        assertThat(cpStates()).endsWith("C", "B");
        pwm(5);
        tick();
        assertThat(cpStates()).as("5 % is not an AC offer").endsWith("C", "B");
        pwm(53.3);
        tick();
        assertThat(cpStates()).endsWith("C", "B", "C");
        car.execute(ScriptParser.parse("draw_power_fixed 16,3"), false);
        pwm(100);
        tick();
        tick();
        assertThat(cpStates()).endsWith("C", "B", "C");
    }

    @Test
    void sleepWaitsItsSecondsFromTheTickItStarts() {
        running("sleep 2;plugin");
        tick();
        timers.advance(Duration.ofMillis(1750));
        assertThat(cpStates()).containsExactly("A");
        tick();
        assertThat(cpStates()).containsExactly("A", "B");
    }

    @Test
    void pauseUnplugAndErrorE() {
        running("plugin;sleep 1;error_e;sleep 1;pause;sleep 1;unplug");
        timers.advance(Duration.ofSeconds(5));
        assertThat(cpStates()).containsExactly("A", "B", "E", "B", "A");
    }

    @Test
    void unplugTakesBackAnInjectedDiodeFaultAndResidualCurrent() {
        running("plugin;diode_fail;rcd_current 30;sleep 1;unplug");
        timers.advance(Duration.ofSeconds(2));
        assertThat(calls).containsSubsequence("diode_fail true", "rcd 30.0", "cp B", "diode_fail false", "rcd 0.0",
                "cp A");
    }

    @Test
    void aBoardThatForgotThePluggedInCarIsToldEverythingAgain() {
        running("plugin;draw_power_fixed 10,1;diode_fail;sleep 100");
        tick();
        calls.clear();
        car.onBspEvent(new BspEvent(BspEvent.Event.Disconnected));
        assertThat(calls).containsExactly("enable true", "max 10.0", "three_phases false", "diode_fail true",
                "rcd 0.0", "cp C");
        calls.clear();
        car.enable(false);
        car.onBspEvent(new BspEvent(BspEvent.Event.Disconnected));
        assertThat(calls).as("unplugged on purpose").containsExactly("diode_fail false", "cp A", "enable false");
    }

    @Test
    void aMissingBoardGetsTheCarsWholeStateOnceItIsBack() {
        boardMissing = true;
        running("plugin;draw_power_regulated 10,1;sleep 100");
        pwm(26.67);
        timers.advance(Duration.ofSeconds(2));
        assertThat(calls).isEmpty();
        assertThat(car.outOfSync()).isTrue();
        assertThat(car.current().kind()).as("the script runs on").isEqualTo(Command.Kind.SLEEP);
        boardMissing = false;
        tick();
        assertThat(calls).containsExactly("enable true", "max 10.0", "three_phases false", "diode_fail false",
                "rcd 0.0", "cp C");
        assertThat(car.outOfSync()).isFalse();
        tick();
        assertThat(calls).hasSize(6);
    }

    @Test
    void aRepeatingScriptStartsOverAndCommandsThatNeverWaitCannotSpin() {
        car.start(List.of());
        car.enable(true);
        car.execute(ScriptParser.parse("plugin;sleep 1;unplug;sleep 1"), true);
        timers.advance(Duration.ofMillis(4250));
        assertThat(cpStates()).containsExactly("A", "B", "A", "B", "A", "B");
        car.execute(ScriptParser.parse("plugin;unplug"), true);
        timers.advance(Duration.ofSeconds(10));
        assertThat(car.running()).isTrue();
    }

    @Test
    void aSwitchedOffCarRefusesScriptsAndSwitchingOffUnplugs() {
        car.start(List.of());
        assertThatThrownBy(() -> car.execute(List.of(), false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("switched off");
        car.enable(true);
        car.execute(ScriptParser.parse("plugin;sleep 100"), false);
        tick();
        car.enable(false);
        assertThat(calls).endsWith("cp B", "cp A", "enable false");
        assertThat(car.running()).isFalse();
        timers.advance(Duration.ofSeconds(10));
        assertThat(calls).endsWith("enable false");
    }

    @Test
    void autoExecEnablesAndRunsTheConfiguredScript() {
        EvConfig config = new EvConfig(1, false, true, false, "plugin;sleep 1;unplug", 32, false);
        CarSimulation auto = car(config);
        auto.start(ScriptParser.parse(config.autoExecCommands()));
        assertThat(calls).startsWith("enable true", "max 32.0", "three_phases false", "cp A");
        timers.advance(Duration.ofSeconds(2));
        assertThat(cpStates()).containsExactly("A", "B", "A");
        assertThat(auto.running()).isFalse();
    }

    private void running(String script) {
        car.start(List.of());
        car.enable(true);
        car.execute(ScriptParser.parse(script), false);
    }

    private void pwm(double duty) {
        car.onBspMeasurement(new BspMeasurement(new ProximityPilot(ProximityPilot.Ampacity.A_32), null, duty));
    }

    private void tick() {
        timers.advance(CarSimulation.TICK);
    }

    private List<String> cpStates() {
        return calls.stream().filter(c -> c.startsWith("cp ")).map(c -> c.substring(3)).toList();
    }
}
