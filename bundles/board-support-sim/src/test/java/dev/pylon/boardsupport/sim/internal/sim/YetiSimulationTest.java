package dev.pylon.boardsupport.sim.internal.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pylon.api.Severity;
import dev.pylon.api.errors.AcRcdErrors;
import dev.pylon.api.errors.ConnectorLockErrors;
import dev.pylon.api.errors.EvseBoardSupportErrors;
import dev.pylon.api.types.boardsupportcommon.BspMeasurement;
import dev.pylon.api.types.boardsupportcommon.ProximityPilot;
import dev.pylon.api.types.evboardsupport.EvCpState;
import dev.pylon.api.types.evseboardsupport.HardwareCapabilities;
import dev.pylon.api.types.evseboardsupport.PowerOnOff;
import dev.pylon.api.types.powermeter.Powermeter;
import dev.pylon.boardsupport.sim.SimulatorControl;
import dev.pylon.runtime.timers.SimulatedTimers;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class YetiSimulationTest {
    /** Duty cycle EvseManager sends for 16 A (16 / 0.6). */
    static final double PWM_16A = 16 / 0.6;
    static final PowerOnOff ALLOW = new PowerOnOff(true, PowerOnOff.Reason.FullPowerCharging);
    static final PowerOnOff FORBID = new PowerOnOff(false, PowerOnOff.Reason.PowerOff);

    final SimulatedTimers timers = new SimulatedTimers();
    final Recorder bus = new Recorder();
    final YetiSimulation sim = new YetiSimulation(YetiConfig.defaults(1), timers, bus.outputs());

    @BeforeEach
    void start() {
        sim.start();
    }

    @Test
    void startPublishesCapabilitiesPhasesAndStateA() {
        HardwareCapabilities caps = bus.values("board_support", "capabilities", HardwareCapabilities.class).get(0);
        assertThat(caps.maxCurrentAImport()).isEqualTo(32);
        assertThat(caps.minCurrentAImport()).isEqualTo(6);
        assertThat(caps.maxPhaseCountImport()).isEqualTo(3);
        assertThat(caps.minPhaseCountImport()).isEqualTo(1);
        assertThat(bus.values("board_support", "ac_nr_of_phases_available", Integer.class)).containsExactly(3);
        assertThat(bus.boardEvents()).containsExactly("A");
        assertThat(bus.carEvents()).containsExactly("Disconnected");
        assertThat(bus.values("powermeter", "powermeter", Powermeter.class)).hasSize(1);
    }

    @Test
    void plugInPublishesTheCableRatingBeforeStateB() {
        plugIn();
        assertThat(bus.boardEvents()).containsExactly("A", "B");
        int pp = indexOf("board_support", "ac_pp_ampacity", 1);
        int b = indexOf("board_support", "event", 1);
        assertThat(pp).isLessThan(b);
        assertThat(bus.values("board_support", "ac_pp_ampacity", ProximityPilot.class))
                .extracting(ProximityPilot::ampacity)
                .containsExactly(ProximityPilot.Ampacity.None, ProximityPilot.Ampacity.A_32);
        assertThat(bus.carEvents()).containsExactly("Disconnected", "B");
    }

    @Test
    void theCarSideDoesNothingUntilEnabled() {
        sim.carSetCpState(EvCpState.C);
        assertThat(bus.boardEvents()).containsExactly("A");
        sim.carEnable(true);
        assertThat(bus.boardEvents()).containsExactly("A", "C");
        sim.carEnable(false);
        assertThat(bus.boardEvents()).containsExactly("A", "C", "A");
    }

    @Test
    void relaysCloseOnlyOnTheTickWithPermissionPwmAndStateC() {
        plugIn();
        sim.allowPowerOn(ALLOW);
        tick();
        assertThat(bus.boardEvents()).as("B: no power").containsExactly("A", "B");
        sim.carSetCpState(EvCpState.C);
        tick();
        assertThat(bus.boardEvents()).as("C without PWM: no power").containsExactly("A", "B", "C");
        sim.pwmOn(PWM_16A);
        assertThat(bus.boardEvents()).as("not before the tick").containsExactly("A", "B", "C");
        tick();
        assertThat(bus.boardEvents()).containsExactly("A", "B", "C", "PowerOn");
        assertThat(sim.status().relaysClosed()).isTrue();
        assertThat(bus.carEvents()).endsWith("PowerOn");
    }

    @Test
    void withoutPermissionTheRelaysStayOpen() {
        plugIn();
        sim.pwmOn(PWM_16A);
        sim.carSetCpState(EvCpState.C);
        timers.advance(Duration.ofSeconds(10));
        assertThat(bus.boardEvents()).containsExactly("A", "B", "C");
        assertThat(sim.status().currentL1()).isZero();
    }

    @Test
    void revokingPermissionOpensTheRelaysAtOnce() {
        charging();
        sim.allowPowerOn(FORBID);
        assertThat(bus.boardEvents()).as("in the same step, no tick needed").endsWith("PowerOff");
        assertThat(sim.status().relaysClosed()).isFalse();
        assertThat(sim.status().powerW()).isZero();
    }

    @Test
    void leavingStateCOpensTheRelaysAtOnceAndTheyCloseAgainOnReturn() {
        charging();
        sim.carSetCpState(EvCpState.B);
        assertThat(bus.boardEvents()).endsWith("B", "PowerOff");
        sim.carSetCpState(EvCpState.C);
        tick();
        assertThat(bus.boardEvents()).endsWith("B", "PowerOff", "C", "PowerOn");
    }

    @Test
    void stoppingThePwmOrTakingTheBoardOutOfServiceOpensTheRelays() {
        charging();
        sim.cpStateX1();
        assertThat(bus.boardEvents()).endsWith("PowerOff");
        sim.pwmOn(PWM_16A);
        tick();
        assertThat(bus.boardEvents()).endsWith("PowerOn");
        sim.enable(false);
        assertThat(bus.boardEvents()).endsWith("F", "PowerOff");
        sim.enable(true);
        tick();
        assertThat(bus.boardEvents()).as("the stored PWM applies again").endsWith("F", "PowerOff", "C", "PowerOn");
    }

    @Test
    void unplugPublishesAThenPowerOffThenNoCable() {
        charging();
        bus.clear();
        sim.carSetCpState(EvCpState.A);
        assertThat(bus.boardEvents()).containsExactly("A", "PowerOff");
        assertThat(bus.values("board_support", "ac_pp_ampacity", ProximityPilot.class))
                .extracting(ProximityPilot::ampacity).containsExactly(ProximityPilot.Ampacity.None);
    }

    @Test
    void theCurrentIsWhatThePwmOffersCappedByTheCar() {
        charging();
        assertThat(sim.status().currentL1()).isCloseTo(16, within(1e-9));
        assertThat(sim.status().currentL3()).isCloseTo(16, within(1e-9));
        sim.carSetAcMaxCurrent(10);
        assertThat(sim.status().currentL1()).as("car's maximum is lower").isCloseTo(10, within(1e-9));
        sim.carSetAcMaxCurrent(32);
        sim.pwmOn(8 / 0.6 * 1.0);
        assertThat(sim.status().currentL2()).as("PWM offers less").isCloseTo(8, within(1e-9));
        sim.carSetThreePhases(false);
        assertThat(sim.status().currentL1()).isCloseTo(8, within(1e-9));
        assertThat(sim.status().currentL2()).isZero();
        assertThat(sim.status().currentL3()).isZero();
    }

    @Test
    void switchingTheBoardToOnePhaseLeavesOnlyL1() {
        charging();
        sim.acSwitchThreePhasesWhileCharging(false);
        assertThat(bus.values("board_support", "ac_nr_of_phases_available", Integer.class)).containsExactly(3, 1);
        assertThat(sim.status().currentL1()).isCloseTo(16, within(1e-9));
        assertThat(sim.status().currentL2()).isZero();
    }

    /**
     * 16 A on 3 phases at 230 V for 30 simulated minutes is 230 × 16 × 3 × 0.5 h = 5520 Wh. The meter books energy at
     * every change of current, so its counter is exact up to floating point; the tolerance on the published var is
     * one publish period at full power (11 040 W × 1 s = 3.07 Wh), because the var goes out once a second and so may
     * lag the counter by up to a second.
     */
    @Test
    void energyAfterThirtyMinutesAtSixteenAmpsOnThreePhases() {
        charging();
        double start = sim.energyWh();
        timers.advance(Duration.ofMinutes(30));
        double expected = 230 * 16 * 3 * 0.5;
        assertThat(sim.energyWh() - start).isCloseTo(expected, within(1e-6));
        Powermeter last = lastReading();
        assertThat(last.energyWhImport().total()).isCloseTo(expected, within(230 * 16 * 3 / 3600.0));
        assertThat(last.energyWhImport().l1()).isCloseTo(expected / 3, within(230 * 16 / 3600.0));
        assertThat(last.powerW().total()).isCloseTo(11040, within(1e-6));
        assertThat(last.currentA().l1()).isCloseTo(16, within(1e-9));
        assertThat(last.currentA().n()).isCloseTo(0, within(1e-9));
        assertThat(last.voltageV().l2()).isEqualTo(230);
        assertThat(last.frequencyHz().l1()).isEqualTo(50);
        assertThat(last.meterId()).isEqualTo("yeti-sim-1");
        assertThat(java.time.Instant.parse(last.timestamp()))
                .isBetween(timers.now().minusSeconds(1), timers.now());
    }

    @Test
    void theMeterIsPublishedOnceASecond() {
        int before = bus.values("powermeter", "powermeter", Powermeter.class).size();
        timers.advance(Duration.ofSeconds(10));
        assertThat(bus.values("powermeter", "powermeter", Powermeter.class)).hasSize(before + 10);
    }

    @Test
    void plugInResetsTheEnergyCounters() {
        charging();
        timers.advance(Duration.ofMinutes(1));
        assertThat(sim.energyWh()).isGreaterThan(100);
        sim.carSetCpState(EvCpState.A);
        sim.carSetCpState(EvCpState.B);
        assertThat(sim.energyWh()).isZero();
    }

    @Test
    void aTransactionBoundaryPublishesTheMeterValueAtOnce() {
        charging();
        timers.advance(Duration.ofMillis(500));
        int before = bus.values("powermeter", "powermeter", Powermeter.class).size();
        sim.transactionBoundary();
        assertThat(bus.values("powermeter", "powermeter", Powermeter.class)).hasSize(before + 1);
        assertThat(lastReading().timestamp()).isEqualTo(timers.now().toString());
    }

    @Test
    void theCarSideMeasuresTheDutyCycleOnChangeAndEverySecond() {
        plugIn();
        sim.pwmOn(PWM_16A);
        assertThat(bus.values("ev_board_support", "bsp_measurement", BspMeasurement.class))
                .extracting(BspMeasurement::cpPwmDutyCycle).endsWith(PWM_16A);
        int before = bus.values("ev_board_support", "bsp_measurement", BspMeasurement.class).size();
        timers.advance(Duration.ofSeconds(3));
        assertThat(bus.values("ev_board_support", "bsp_measurement", BspMeasurement.class)).hasSize(before + 3);
    }

    @Test
    void injectedErrorsAreRaisedAndClearedOnTheirImplementation() {
        sim.raiseError(SimErrors.resolve("MREC2GroundFailure"), "test");
        sim.raiseError(SimErrors.resolve("ConnectorLockFailedLock"), "test");
        sim.raiseError(SimErrors.resolve("evse_board_support/MREC3HighTemperature"), "test");
        sim.clearError(SimErrors.resolve("MREC2GroundFailure"));
        assertThat(bus.errors).containsExactly(
                new Recorder.ErrorCall("board_support", true, EvseBoardSupportErrors.MREC2_GROUND_FAILURE,
                        Severity.High, "test"),
                new Recorder.ErrorCall("connector_lock", true, ConnectorLockErrors.CONNECTOR_LOCK_FAILED_LOCK,
                        Severity.High, "test"),
                new Recorder.ErrorCall("board_support", true, EvseBoardSupportErrors.MREC3_HIGH_TEMPERATURE,
                        Severity.Low, "test"),
                new Recorder.ErrorCall("board_support", false, EvseBoardSupportErrors.MREC2_GROUND_FAILURE, null,
                        null));
    }

    @Test
    void aShortedDiodeRaisesDiodeFaultWhilePluggedIn() {
        sim.carEnable(true);
        sim.carDiodeFail(true);
        assertThat(bus.errors).as("not plugged in yet").isEmpty();
        sim.carSetCpState(EvCpState.B);
        assertThat(bus.errors).extracting(Recorder.ErrorCall::type, Recorder.ErrorCall::raised)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EvseBoardSupportErrors.DIODE_FAULT, true));
        sim.carSetCpState(EvCpState.A);
        assertThat(bus.errors).extracting(Recorder.ErrorCall::type, Recorder.ErrorCall::raised)
                .endsWith(org.assertj.core.groups.Tuple.tuple(EvseBoardSupportErrors.DIODE_FAULT, false));
    }

    @Test
    void aResidualCurrentTripsTheRcdWhichOpensTheRelays() {
        charging();
        sim.carSetRcdError(3);
        assertThat(sim.status().relaysClosed()).as("below the 6 mA trip level").isTrue();
        sim.carSetRcdError(20);
        assertThat(sim.status().relaysClosed()).isFalse();
        assertThat(bus.boardEvents()).endsWith("PowerOff");
        assertThat(bus.errors).extracting(Recorder.ErrorCall::type)
                .containsExactly(AcRcdErrors.DC, AcRcdErrors.MREC2_GROUND_FAILURE);
        sim.carSetRcdError(0);
        tick();
        assertThat(bus.boardEvents()).endsWith("PowerOff", "PowerOn");
        assertThat(bus.errors).extracting(Recorder.ErrorCall::raised).containsExactly(true, true, false, false);
    }

    @Test
    void theConnectorLockFollowsItsCmds() {
        sim.lock();
        assertThat(sim.status().locked()).isTrue();
        sim.unlock();
        assertThat(sim.status().locked()).isFalse();
    }

    @Test
    void afterStopNothingTicks() {
        sim.stop();
        bus.clear();
        timers.advance(Duration.ofMinutes(1));
        assertThat(bus.vars).isEmpty();
    }

    private void plugIn() {
        sim.carEnable(true);
        sim.carSetCpState(EvCpState.B);
    }

    /** Plugged in, PWM at 16 A, permission given, car in C, relays closed. */
    private void charging() {
        plugIn();
        sim.pwmOn(PWM_16A);
        sim.allowPowerOn(ALLOW);
        sim.carSetCpState(EvCpState.C);
        tick();
        SimulatorControl.Status status = sim.status();
        assertThat(status.relaysClosed()).isTrue();
        assertThat(status.cpState()).isEqualTo("C");
    }

    private void tick() {
        timers.advance(YetiSimulation.TICK);
    }

    private Powermeter lastReading() {
        var readings = bus.values("powermeter", "powermeter", Powermeter.class);
        return readings.get(readings.size() - 1);
    }

    /** Where the n-th (from 0) value of a var stands among all published vars. */
    private int indexOf(String impl, String var, int n) {
        int seen = 0;
        for (int i = 0; i < bus.vars.size(); i++) {
            Recorder.Published p = bus.vars.get(i);
            if (p.impl().equals(impl) && p.var().equals(var) && seen++ == n) {
                return i;
            }
        }
        throw new AssertionError("no value " + n + " of " + impl + "." + var);
    }
}
