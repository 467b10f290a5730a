package dev.pylon.evsemanager.internal.session;

import static dev.pylon.api.types.evsemanager.SessionEventEnum.AuthRequired;
import static dev.pylon.api.types.evsemanager.SessionEventEnum.Authorized;
import static dev.pylon.api.types.evsemanager.SessionEventEnum.ChargingFinished;
import static dev.pylon.api.types.evsemanager.SessionEventEnum.ChargingPausedEV;
import static dev.pylon.api.types.evsemanager.SessionEventEnum.ChargingPausedEVSE;
import static dev.pylon.api.types.evsemanager.SessionEventEnum.ChargingStarted;
import static dev.pylon.api.types.evsemanager.SessionEventEnum.Deauthorized;
import static dev.pylon.api.types.evsemanager.SessionEventEnum.Enabled;
import static dev.pylon.api.types.evsemanager.SessionEventEnum.PrepareCharging;
import static dev.pylon.api.types.evsemanager.SessionEventEnum.SessionFinished;
import static dev.pylon.api.types.evsemanager.SessionEventEnum.SessionStarted;
import static dev.pylon.api.types.evsemanager.SessionEventEnum.StoppingCharging;
import static dev.pylon.api.types.evsemanager.SessionEventEnum.TransactionFinished;
import static dev.pylon.api.types.evsemanager.SessionEventEnum.TransactionStarted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pylon.api.types.boardsupportcommon.BspEvent;
import dev.pylon.api.types.evsemanager.PauseChargingEVSEReasonEnum;
import dev.pylon.api.types.evsemanager.SessionEvent;
import dev.pylon.api.types.evsemanager.SessionEventEnum;
import dev.pylon.api.types.evsemanager.StartSessionReason;
import dev.pylon.api.types.evsemanager.StopTransactionReason;
import dev.pylon.api.types.powermeter.TransactionReq;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Whole sessions driven through the logic and its shell, on simulated time, with a fake board and meter. */
class SessionScenarioTest {
    private Rig rig;

    @AfterEach
    void noLogicErrors() {
        if (rig != null) {
            assertThat(rig.world.logicErrors()).isEmpty();
        }
    }

    private SessionEvent last(SessionEventEnum event) {
        return rig.world.sessionEvents.stream().filter(e -> e.event() == event).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void fullPwmSessionPublishesEVerestsSequenceAndSwitchesPowerOnlyInC() {
        rig = Rig.started(true);
        rig.limits(16, 3600);
        rig.cp(BspEvent.Event.A);
        rig.cp(BspEvent.Event.B);
        assertThat(rig.world.events()).containsExactly(Enabled, SessionStarted, AuthRequired);
        assertThat(last(SessionStarted).sessionStarted().reason()).isEqualTo(StartSessionReason.EVConnected);
        assertThat(rig.world.pwm).isNull();

        rig.authorize();
        assertThat(rig.world.events()).endsWith(Authorized, TransactionStarted, PrepareCharging);
        assertThat(rig.world.calls("start_transaction")).hasSize(1);
        assertThat(((TransactionReq) rig.world.calls("start_transaction").get(0).argument()).transactionId())
                .isEqualTo("session-1");
        assertThat(last(TransactionStarted).transactionStarted().idTag().idToken().value()).isEqualTo("DEADBEEF");
        assertThat(rig.world.pwm).isCloseTo(26.667, within(0.01));
        assertThat(rig.world.relay).isFalse();

        rig.advanceSeconds(2);
        rig.cp(BspEvent.Event.C);
        assertThat(rig.world.events()).endsWith(ChargingStarted);
        assertThat(rig.world.relay).isTrue();
        assertThat(rig.state()).isEqualTo(EvseState.Charging);

        rig.advance(Duration.ofMinutes(30));
        rig.meter(8000, 16.0);
        rig.cp(BspEvent.Event.A);
        assertThat(rig.world.relay).isFalse();
        assertThat(rig.world.events()).endsWith(StoppingCharging, ChargingFinished, TransactionFinished,
                SessionFinished);
        assertThat(last(TransactionFinished).transactionFinished().reason())
                .isEqualTo(StopTransactionReason.EVDisconnected);
        assertThat(last(TransactionFinished).transactionFinished().signedMeterValue().signedMeterData())
                .isEqualTo("stop-session-1");
        assertThat(last(TransactionFinished).transactionFinished().meterValue().energyWhImport().total())
                .isEqualTo(8000.0);
        assertThat(rig.state()).isEqualTo(EvseState.Idle);
        assertThat(rig.world.sessionEvents.stream().filter(e -> e.event() != Enabled).map(SessionEvent::uuid))
                .containsOnly("session-1");
    }

    @Test
    void sessionWithoutPowermeterStillCarriesAMeterValue() {
        rig = Rig.started(false);
        rig.charging();
        assertThat(rig.world.calls("start_transaction")).isEmpty();
        assertThat(last(TransactionStarted).transactionStarted().meterValue().energyWhImport().total()).isZero();
        rig.cp(BspEvent.Event.A);
        assertThat(last(TransactionFinished).transactionFinished().signedMeterValue()).isNull();
    }

    @Test
    void authorisationBeforePlugInOpensTheSession() {
        rig = Rig.started(false);
        rig.limits(16, 3600);
        rig.authorize();
        assertThat(rig.world.events()).containsExactly(Enabled, SessionStarted, Authorized);
        assertThat(last(SessionStarted).sessionStarted().reason()).isEqualTo(StartSessionReason.Authorized);
        assertThat(last(SessionStarted).sessionStarted().idTag().idToken().value()).isEqualTo("DEADBEEF");

        rig.cp(BspEvent.Event.B);
        assertThat(rig.world.events()).endsWith(Authorized, TransactionStarted, PrepareCharging);
        rig.cp(BspEvent.Event.C);
        assertThat(rig.world.relay).isTrue();
    }

    @Test
    void withdrawnAuthorisationBeforePlugInEndsTheSession() {
        rig = Rig.started(false);
        rig.authorize();
        rig.input(Charger::withdrawAuthorization);
        assertThat(rig.world.events()).endsWith(Authorized, Deauthorized, SessionFinished);
        rig.cp(BspEvent.Event.B);
        assertThat(rig.world.events()).endsWith(SessionStarted, AuthRequired);
    }

    @Test
    void stopTransactionLocalStopsWithoutPauseEventsAndKeepsTheSessionUntilUnplug() {
        rig = Rig.started(true);
        rig.charging();
        rig.advance(Duration.ofMinutes(5));

        assertThat(rig.stop(StopTransactionReason.Local)).isTrue();
        assertThat(rig.world.events()).endsWith(StoppingCharging);
        assertThat(rig.world.pwm).isNull();
        // The EV stays in C: IEC 61851-1 sequence 10.2 gives it 6 s before the contactors open under load.
        assertThat(rig.world.relay).isTrue();
        rig.advanceSeconds(5.9);
        assertThat(rig.world.relay).isTrue();
        rig.advanceSeconds(0.1);
        assertThat(rig.world.relay).isFalse();
        assertThat(rig.world.events()).endsWith(StoppingCharging, ChargingFinished, TransactionFinished);
        assertThat(last(TransactionFinished).transactionFinished().reason()).isEqualTo(StopTransactionReason.Local);
        assertThat(rig.world.events()).doesNotContain(ChargingPausedEV, ChargingPausedEVSE);
        assertThat(rig.state()).isEqualTo(EvseState.Finished);

        // A new authorisation does not restart charging; replugging does.
        rig.authorize("OTHER");
        rig.cp(BspEvent.Event.B);
        rig.cp(BspEvent.Event.C);
        assertThat(rig.world.relay).isFalse();
        assertThat(rig.stop(StopTransactionReason.Local)).isFalse();
        rig.cp(BspEvent.Event.A);
        assertThat(rig.world.events()).endsWith(TransactionFinished, SessionFinished);
        assertThat(rig.state()).isEqualTo(EvseState.Idle);
    }

    @Test
    void stopTransactionEndsAtOnceWhenTheEvOpensS2() {
        rig = Rig.started(false);
        rig.charging();
        rig.stop(StopTransactionReason.Remote);
        rig.cp(BspEvent.Event.B);
        assertThat(rig.world.relay).isFalse();
        assertThat(rig.world.events()).endsWith(StoppingCharging, ChargingFinished, TransactionFinished);
        assertThat(rig.world.events()).doesNotContain(ChargingPausedEV, ChargingPausedEVSE);
    }

    @Test
    void evPauseAndResume() {
        rig = Rig.started(false);
        rig.charging();
        rig.cp(BspEvent.Event.B);
        assertThat(rig.world.relay).isFalse();
        assertThat(rig.world.events()).endsWith(ChargingPausedEV);
        assertThat(rig.world.pwm).as("basic charging keeps the PWM on during an EV pause").isNotNull();

        rig.advance(Duration.ofMinutes(10));
        rig.cp(BspEvent.Event.C);
        assertThat(rig.world.events()).endsWith(ChargingPausedEV, PrepareCharging, ChargingStarted);
        assertThat(rig.world.relay).isTrue();
    }

    @Test
    void cToBWhileChargingCutsPowerWithin100Ms() {
        rig = Rig.started(false);
        rig.charging();
        rig.advanceSeconds(12.345);
        java.time.Instant before = rig.timers.now();
        rig.cp(BspEvent.Event.B);
        FakeWorld.Call off = rig.world.calls("allow_power_on").get(rig.world.calls("allow_power_on").size() - 1);
        assertThat(off.argument()).isEqualTo(false);
        assertThat(Duration.between(before, off.at())).isLessThanOrEqualTo(Duration.ofMillis(100));
        // ...and it is the first thing the board hears about the change.
        int i = rig.world.calls.indexOf(off);
        assertThat(rig.world.calls.subList(i, rig.world.calls.size()).stream().map(FakeWorld.Call::what))
                .first().isEqualTo("allow_power_on");
    }

    @Test
    void pauseChargingAndResumeWithoutEnergyWaitForTheLimit() {
        rig = Rig.started(false);
        rig.charging();
        assertThat(rig.call(Charger::pauseCharging)).isTrue();
        assertThat(rig.world.events()).endsWith(ChargingPausedEVSE);
        assertThat(last(ChargingPausedEVSE).chargingPausedEvse().reasons())
                .containsExactly(PauseChargingEVSEReasonEnum.UserPause);
        assertThat(rig.world.pwm).isNull();
        rig.cp(BspEvent.Event.B);
        assertThat(rig.world.relay).isFalse();

        rig.limits(0, 3600);
        assertThat(rig.call(Charger::resumeCharging)).isTrue();
        rig.cp(BspEvent.Event.C);
        rig.advanceSeconds(60);
        assertThat(rig.world.relay).isFalse();
        assertThat(rig.world.pwm).isNull();
        assertThat(rig.world.events()).endsWith(ChargingPausedEVSE);

        rig.limits(16, 3600);
        assertThat(rig.world.events()).endsWith(ChargingPausedEVSE, PrepareCharging, ChargingStarted);
        assertThat(rig.world.relay).isTrue();
    }

    @Test
    void pauseAndResumeNeedATransaction() {
        rig = Rig.started(false);
        assertThat(rig.call(Charger::pauseCharging)).isFalse();
        assertThat(rig.call(Charger::resumeCharging)).isFalse();
        assertThat(rig.stop(StopTransactionReason.Local)).isFalse();
    }

    @Test
    void legacyWakeUpThenPausedByEv() {
        rig = Rig.started(false);
        rig.limits(16, 3600);
        rig.cp(BspEvent.Event.B);
        rig.authorize();
        rig.advanceSeconds(30);
        assertThat(rig.state()).isEqualTo(EvseState.T_step_EF);
        assertThat(rig.world.stateF).isTrue();
        rig.advanceSeconds(4);
        assertThat(rig.world.stateF).isFalse();
        assertThat(rig.world.pwm).isNull();
        rig.advanceSeconds(0.75);
        assertThat(rig.state()).isEqualTo(EvseState.PrepareCharging);
        assertThat(rig.world.pwm).isNotNull();
        rig.advanceSeconds(10);
        assertThat(rig.state()).isEqualTo(EvseState.ChargingPausedEV);
        assertThat(rig.world.events()).endsWith(PrepareCharging, ChargingPausedEV);
        rig.cp(BspEvent.Event.C);
        assertThat(rig.world.events()).endsWith(ChargingStarted);
    }

    @Test
    void pwmFollowsTheLimitAtMostEveryFiveSeconds() {
        rig = Rig.started(false);
        rig.charging();
        int before = rig.world.calls("pwm_on").size();
        rig.advanceSeconds(10);
        rig.limits(10, 3600);
        assertThat(rig.world.pwm).isCloseTo(10 / 0.6, within(1e-6));
        rig.advanceSeconds(1);
        rig.limits(20, 3600);
        rig.advanceSeconds(3.9);
        assertThat(rig.world.pwm).isCloseTo(10 / 0.6, within(1e-6));
        rig.advanceSeconds(0.1);
        assertThat(rig.world.pwm).isCloseTo(20 / 0.6, within(1e-6));
        assertThat(rig.world.calls("pwm_on")).hasSize(before + 2);
    }

    @Test
    void simplifiedModePlugInStraightToC() {
        rig = Rig.started(false);
        rig.limits(16, 3600);
        rig.cp(BspEvent.Event.C);
        rig.authorize();
        assertThat(rig.world.events()).endsWith(PrepareCharging, ChargingStarted);
        assertThat(rig.world.relay).isTrue();
    }

    @Test
    void stateDWithoutVentilationNeverGetsPower() {
        rig = new Rig(ChargerConfig.builder(1, Rig.NODE).hasVentilation(false).build()).start(false);
        rig.limits(16, 3600);
        rig.cp(BspEvent.Event.B);
        rig.authorize();
        rig.cp(BspEvent.Event.D);
        assertThat(rig.world.calls("allow_power_on")).noneMatch(c -> Boolean.TRUE.equals(c.argument()));
    }

    @Test
    void disableAuthenticationGivesAFreeSession() {
        rig = new Rig(ChargerConfig.builder(1, Rig.NODE).disableAuthentication(true).build()).start(false);
        rig.limits(16, 3600);
        rig.cp(BspEvent.Event.B);
        assertThat(rig.world.events()).endsWith(AuthRequired, Authorized, TransactionStarted, PrepareCharging);
        rig.cp(BspEvent.Event.C);
        assertThat(rig.world.relay).isTrue();
    }

    @Test
    void connectorLocksWhilePluggedAndUnlocksOnUnplug() {
        rig = Rig.started(true);
        rig.charging();
        assertThat(rig.world.locked).isTrue();
        assertThat(rig.ask(c -> c.forceUnlock(1))).as("no unlock under power").isFalse();
        rig.cp(BspEvent.Event.A);
        assertThat(rig.world.locked).isFalse();
    }

    @Test
    void staticVarsAndEnergyRequests() {
        rig = Rig.started(false);
        assertThat(rig.world.lastVar).containsEntry("evse_id", "DE*PNX*E1234567*1").containsEntry("ready", true);
        rig.advanceSeconds(3);
        assertThat(rig.world.varCount.get("energy_flow_request")).isGreaterThanOrEqualTo(4);
        var request = (dev.pylon.api.types.energy.EnergyFlowRequest) rig.world.lastVar.get("energy_flow_request");
        assertThat(request.uuid()).isEqualTo(Rig.NODE);
        assertThat(request.evseState()).isEqualTo(dev.pylon.api.types.energy.EvseState.Unplugged);
        assertThat(request.scheduleImport().get(0).limitsToRoot().acMaxCurrentA().value()).isEqualTo(32.0);
        rig.world.validateResult("get_evse", rig.call(Charger::getEvse));
        assertThat(rig.call(Charger::getEvse).id()).isEqualTo(1);
        rig.meter(12, null);
        assertThat(rig.world.lastVar).containsKey("powermeter");
        assertThat(List.of(rig.world.varCount.get("limits"))).isNotEmpty();
    }
}
