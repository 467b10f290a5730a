package dev.pylon.evsemanager.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pylon.api.types.boardsupportcommon.BspEvent;
import dev.pylon.api.types.evsemanager.SessionEventEnum;
import dev.pylon.evsemanager.internal.action.Action;
import org.junit.jupiter.api.Test;

/** The AC HLC start sequences of ISO 15118-3 (partial HLC support: PWM signalling and contactor hand-shake). */
class HlcScenarioTest {
    private static Rig hlcRig(boolean enforce) {
        Rig rig = new Rig(ChargerConfig.builder(1, Rig.NODE).hlcEnabled(true).enforceHlc(enforce).build());
        rig.start(false);
        rig.input(c -> c.onProviders(false, true, false));
        rig.limits(16, 3600);
        return rig;
    }

    @Test
    void fivePercentThenEimBeforeMatchingGoesThroughTStepEF() {
        Rig rig = hlcRig(false);
        rig.cp(BspEvent.Event.B);
        assertThat(rig.world.pwm).isEqualTo(5.0);
        rig.authorize();
        assertThat(rig.state()).isEqualTo(EvseState.T_step_EF);
        assertThat(rig.world.stateF).isTrue();
        rig.advanceSeconds(4);
        assertThat(rig.world.stateF).isFalse();
        assertThat(rig.world.pwm).isNull();
        rig.advanceSeconds(0.75);
        assertThat(rig.state()).isEqualTo(EvseState.PrepareCharging);
        assertThat(rig.world.pwm).isCloseTo(26.667, within(0.01));
        rig.cp(BspEvent.Event.C);
        assertThat(rig.world.relay).isTrue();
        assertThat(rig.world.events()).containsSubsequence(SessionEventEnum.TransactionStarted,
                SessionEventEnum.PrepareCharging, SessionEventEnum.ChargingStarted);
        assertThat(rig.world.events()).filteredOn(e -> e == SessionEventEnum.PrepareCharging).hasSize(1);
    }

    @Test
    void eimAfterMatchingOnFivePercentGoesThroughTStepX1() {
        Rig rig = hlcRig(false);
        rig.cp(BspEvent.Event.B);
        rig.input(Charger::onHlcMatching);
        rig.authorize();
        assertThat(rig.state()).isEqualTo(EvseState.T_step_X1);
        assertThat(rig.world.pwm).isNull();
        assertThat(rig.world.stateF).isFalse();
        rig.advanceSeconds(3);
        assertThat(rig.state()).isEqualTo(EvseState.PrepareCharging);
        assertThat(rig.world.pwm).isCloseTo(26.667, within(0.01));
    }

    @Test
    void enforcedHlcKeepsFivePercentAndWaitsForTheContactorRequest() {
        Rig rig = hlcRig(true);
        rig.cp(BspEvent.Event.B);
        rig.authorize();
        assertThat(rig.world.hlcCalls).contains(new Action.HlcCall.AuthorizationAccepted());
        assertThat(rig.state()).isEqualTo(EvseState.PrepareCharging);
        assertThat(rig.world.pwm).isEqualTo(5.0);
        rig.input(Charger::onHlcSetupFinished);
        rig.cp(BspEvent.Event.C);
        assertThat(rig.world.relay).isFalse();
        rig.input(c -> c.onHlcContactor(true));
        assertThat(rig.world.relay).isTrue();
        rig.cp(BspEvent.Event.PowerOn);
        assertThat(rig.world.hlcCalls).contains(new Action.HlcCall.ContactorClosed(true));
        rig.input(c -> c.onHlcContactor(false));
        assertThat(rig.world.relay).isFalse();
    }

    @Test
    void hlcFailureFallsBackToNominalPwm() {
        Rig rig = hlcRig(true);
        rig.cp(BspEvent.Event.B);
        rig.authorize();
        rig.input(Charger::onHlcFailed);
        assertThat(rig.state()).isEqualTo(EvseState.T_step_X1);
        rig.advanceSeconds(3);
        assertThat(rig.world.pwm).isCloseTo(26.667, within(0.01));
        rig.cp(BspEvent.Event.C);
        assertThat(rig.world.relay).isTrue();
    }

    @Test
    void evInfoFromTheHlcStackLastsOneSession() {
        Rig rig = hlcRig(true);
        rig.input(c -> c.onEvInfo(b -> b.evccId("ignored: no session")));
        assertThat(rig.world.lastVar).doesNotContainKey("ev_info");
        rig.cp(BspEvent.Event.B);
        rig.input(c -> c.onEvInfo(b -> b.evccId("00:11:22:33:44:55")));
        rig.input(c -> c.onEvInfo(b -> b.maximumCurrentLimit(16.0)));
        var info = (dev.pylon.api.types.evsemanager.EVInfo) rig.world.lastVar.get("ev_info");
        assertThat(info.evccId()).isEqualTo("00:11:22:33:44:55");
        assertThat(info.maximumCurrentLimit()).isEqualTo(16.0);
        rig.cp(BspEvent.Event.A);
        info = (dev.pylon.api.types.evsemanager.EVInfo) rig.world.lastVar.get("ev_info");
        assertThat(info.evccId()).isNull();
    }
}
