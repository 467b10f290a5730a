package dev.pylon.scenarios;

import static dev.pylon.scenarios.SimAc.START_SEQUENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pylon.api.CmdException;
import dev.pylon.api.types.boardsupportcommon.BspEvent;
import dev.pylon.api.types.evsemanager.EnableDisableSource;
import dev.pylon.api.types.evsemanager.SessionEventEnum;
import dev.pylon.api.types.evsemanager.StopTransactionReason;
import dev.pylon.api.types.evsemanager.StopTransactionRequest;
import dev.pylon.scenarios.SimAc.Timed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * EVerest's AC smoke tests (tests/core_tests/smoke_tests.py, PWM variants) on Pylon's simulated AC stack: the modules
 * of config/sim-ac.yaml on one bus, single-threaded on simulated time, asserting ordered session events, power and
 * energy as EVerest's tests do.
 */
class ChargingScenariosTest {
    private final SimAc sim = new SimAc();

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void aFullPwmSession() {
        sim.plugIn();
        assertThat(sim.runUntilEvent(SessionEventEnum.ChargingStarted, 0, Duration.ofSeconds(30))).isTrue();
        assertThat(sim.eventNames()).containsSubsequence(START_SEQUENCE);
        sim.run(Duration.ofSeconds(30));
        assertThat(sim.powerW()).isGreaterThan(10_000); // 16 A x 3 x 230 V
        assertThat(sim.energyWh()).isGreaterThan(5);

        int before = sim.events.size();
        sim.unplug();
        assertThat(sim.runUntilEvent(SessionEventEnum.SessionFinished, before, Duration.ofSeconds(10))).isTrue();
        assertThat(sim.eventsSince(before)).containsSubsequence(SessionEventEnum.TransactionFinished,
                SessionEventEnum.SessionFinished);
        assertThat(sim.eventNames()).containsExactly(SessionEventEnum.Enabled, SessionEventEnum.SessionStarted,
                SessionEventEnum.AuthRequired, SessionEventEnum.Authorized, SessionEventEnum.TransactionStarted,
                SessionEventEnum.PrepareCharging, SessionEventEnum.ChargingStarted, SessionEventEnum.StoppingCharging,
                SessionEventEnum.ChargingFinished, SessionEventEnum.TransactionFinished,
                SessionEventEnum.SessionFinished);
        assertThat(sim.last(SessionEventEnum.TransactionFinished).transactionFinished().reason())
                .isEqualTo(StopTransactionReason.EVDisconnected);
        sim.run(Duration.ofSeconds(2));
        assertThat(sim.powerW()).isLessThan(10);
    }

    @Test
    void stopByEvse() {
        sim.chargeUntilPowerFlows();
        int before = sim.events.size();
        assertThat(sim.evse.stopTransaction(new StopTransactionRequest(StopTransactionReason.Local, null))).isTrue();
        assertThat(sim.runUntilEvent(SessionEventEnum.TransactionFinished, before, Duration.ofSeconds(30))).isTrue();
        assertThat(sim.eventsSince(before)).containsSubsequence(SessionEventEnum.StoppingCharging,
                SessionEventEnum.TransactionFinished);
        assertThat(sim.eventsSince(before)).doesNotContain(SessionEventEnum.ChargingPausedEV,
                SessionEventEnum.ChargingPausedEVSE);
        assertThat(sim.last(SessionEventEnum.TransactionFinished).transactionFinished().reason())
                .isEqualTo(StopTransactionReason.Local);
        sim.run(Duration.ofSeconds(10));
        assertThat(sim.powerW()).isLessThan(10);
        assertThat(sim.eventsSince(before)).doesNotContain(SessionEventEnum.ChargingPausedEV,
                SessionEventEnum.ChargingPausedEVSE, SessionEventEnum.ChargingStarted);
    }

    @Test
    void anErrorBeforePlugInStartsNoSession() {
        sim.board.raiseError("MREC2GroundFailure");
        sim.run(Duration.ofSeconds(1));
        int before = sim.events.size();
        int boardCallsBefore = sim.boardCalls.size();
        sim.plugIn();
        sim.run(Duration.ofSeconds(10));
        assertThat(sim.eventsSince(before)).isEmpty();
        assertThat(sim.boardCalls.subList(boardCallsBefore, sim.boardCalls.size())).extracting(Timed::what)
                .doesNotContain("allowPowerOn true");
        sim.run(Duration.ofSeconds(50));
        assertThat(sim.eventsSince(before)).doesNotContain(SessionEventEnum.ChargingStarted);
        assertThat(sim.energyWh()).isZero();
        assertThat(sim.powerW()).isZero();
    }

    @Test
    void noEnergyBeforeTheSessionStopsAtPrepareCharging() {
        sim.limit(0);
        sim.run(Duration.ofSeconds(2));
        sim.plugIn();
        sim.run(Duration.ofSeconds(30));
        assertThat(sim.eventNames()).containsSubsequence(SessionEventEnum.SessionStarted,
                SessionEventEnum.AuthRequired, SessionEventEnum.Authorized, SessionEventEnum.TransactionStarted,
                SessionEventEnum.PrepareCharging);
        assertThat(sim.eventNames()).doesNotContain(SessionEventEnum.ChargingStarted);
        assertThat(sim.energyWh()).isZero();

        int before = sim.events.size();
        sim.restoreLimit();
        assertThat(sim.runUntilEvent(SessionEventEnum.ChargingStarted, before, Duration.ofSeconds(10))).isTrue();
        sim.run(Duration.ofSeconds(5));
        assertThat(sim.powerW()).isGreaterThan(3000);
    }

    @Test
    void noEnergyDuringTheSessionPausesAndRestoringResumes() {
        sim.chargeUntilPowerFlows();
        int before = sim.events.size();
        sim.limit(0);
        assertThat(sim.runUntilEvent(SessionEventEnum.ChargingPausedEVSE, before, Duration.ofSeconds(10))).isTrue();
        sim.run(Duration.ofSeconds(5));
        assertThat(sim.powerW()).isLessThan(10);

        int paused = sim.events.size();
        sim.restoreLimit();
        assertThat(sim.runUntilEvent(SessionEventEnum.ChargingStarted, paused, Duration.ofSeconds(10))).isTrue();
        assertThat(sim.eventsSince(paused)).containsSubsequence(SessionEventEnum.PrepareCharging,
                SessionEventEnum.ChargingStarted);
        sim.run(Duration.ofSeconds(5));
        assertThat(sim.powerW()).isGreaterThan(3000);
    }

    @Test
    void pausedByTheEvAndResumed() {
        sim.chargeUntilPowerFlows();
        int before = sim.events.size();
        sim.pauseByEv();
        assertThat(sim.runUntilEvent(SessionEventEnum.ChargingPausedEV, before, Duration.ofSeconds(10))).isTrue();
        sim.run(Duration.ofSeconds(5));
        assertThat(sim.powerW()).isLessThan(10);

        int paused = sim.events.size();
        sim.resumeByEv();
        assertThat(sim.runUntilEvent(SessionEventEnum.ChargingStarted, paused, Duration.ofSeconds(10))).isTrue();
        sim.run(Duration.ofSeconds(5));
        assertThat(sim.powerW()).isGreaterThan(3000);
    }

    @Test
    void pausedByTheEvseResumeWithoutEnergyGivesNoPowerUntilTheLimitIsBack() {
        sim.chargeUntilPowerFlows();
        int before = sim.events.size();
        assertThat(sim.evse.pauseCharging()).isTrue();
        assertThat(sim.runUntilEvent(SessionEventEnum.ChargingPausedEVSE, before, Duration.ofSeconds(10))).isTrue();
        sim.run(Duration.ofSeconds(10));
        assertThat(sim.powerW()).isLessThan(10);

        sim.limit(0);
        sim.run(Duration.ofSeconds(2));
        int resumed = sim.events.size();
        assertThat(sim.evse.resumeCharging()).isTrue();
        sim.run(Duration.ofSeconds(15));
        assertThat(sim.powerW()).isLessThan(10);
        assertThat(sim.eventsSince(resumed)).doesNotContain(SessionEventEnum.ChargingStarted);

        sim.restoreLimit();
        assertThat(sim.runUntilEvent(SessionEventEnum.ChargingStarted, resumed, Duration.ofSeconds(10))).isTrue();
        sim.run(Duration.ofSeconds(5));
        assertThat(sim.powerW()).isGreaterThan(3000);
    }

    @Test
    void cToBWhileChargingSwitchesOffWithin100Ms() {
        sim.chargeUntilPowerFlows();
        int calls = sim.boardCalls.size();
        int events = sim.boardEvents.size();
        sim.pauseByEv(); // the car opens S2: C -> B
        sim.run(Duration.ofSeconds(2));

        Instant cToB = sim.boardEvents.subList(events, sim.boardEvents.size()).stream()
                .filter(e -> e.what() == BspEvent.Event.B).map(Timed::at).findFirst().orElseThrow();
        Timed<String> off = sim.boardCalls.subList(calls, sim.boardCalls.size()).stream()
                .filter(c -> c.what().startsWith("allowPowerOn")).findFirst().orElseThrow();
        assertThat(off.what()).isEqualTo("allowPowerOn false");
        assertThat(Duration.between(cToB, off.at())).isBetween(Duration.ZERO, Duration.ofMillis(100));
    }

    @Test
    void aCmdWithAnInvalidArgumentIsRejectedAndChangesNothing() {
        sim.chargeUntilPowerFlows();
        int before = sim.events.size();
        int calls = sim.boardCalls.size();
        EnableDisableSource outOfRange = new EnableDisableSource(EnableDisableSource.EnableSource.LocalAPI,
                EnableDisableSource.EnableState.Disable, 20_000); // enable_priority: 0..10000
        assertThatThrownBy(() -> sim.evse.enableDisable(1, outOfRange))
                .isInstanceOfSatisfying(CmdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CmdException.Kind.SchemaValidationError);
                    assertThat(e.getMessage()).contains("enable_priority");
                });
        sim.run(Duration.ofSeconds(10));
        assertThat(sim.eventsSince(before)).isEmpty();
        assertThat(sim.boardCalls.subList(calls, sim.boardCalls.size())).extracting(Timed::what)
                .doesNotContain("allowPowerOn false", "cpStateF");
        assertThat(sim.powerW()).isGreaterThan(3000);
    }

    @Test
    void aThirtyMinuteSessionRunsInWellUnderASecondAndTheSameWayTwice() {
        List<String> first = thirtyMinutes(sim);
        try (SimAc again = new SimAc()) {
            assertThat(thirtyMinutes(again)).isEqualTo(first);
        }
        // the same without validation: what the contract checks cost on every var and cmd of the half hour
        try (SimAc unchecked = new SimAc(b -> b.settings(dev.pylon.runtime.internal.bus.BusSettings.defaults()
                .withValidateSchema(false)))) {
            assertThat(thirtyMinutes(unchecked)).isEqualTo(first);
        }
    }

    /** Plug in, 30 minutes at 16 A on 3 phases, unplug: the events with their simulated times, and the energy. */
    private static List<String> thirtyMinutes(SimAc sim) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        sim.chargeUntilPowerFlows();
        sim.run(Duration.ofMinutes(30));
        double wh = sim.energyWh();
        sim.unplug();
        sim.run(Duration.ofSeconds(5));
        long cpuMs = (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("30-minute session: " + cpuMs + " ms of CPU, " + ms + " ms of wall time, "
                + Math.round(wh) + " Wh");
        assertThat(wh).isBetween(5_400.0, 5_600.0); // 16 A x 3 x 230 V x 0.5 h = 5 520 Wh
        // CPU time of the one thread that runs everything: wall time depends on what else the machine runs
        assertThat(cpuMs).isLessThan(3_000);
        java.util.List<String> out = new java.util.ArrayList<>();
        sim.events.forEach(e -> out.add(e.at() + " " + e.what().event()));
        out.add(String.format("%.3f Wh", wh));
        return out;
    }
}
