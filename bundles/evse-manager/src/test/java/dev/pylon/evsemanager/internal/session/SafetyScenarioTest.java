package dev.pylon.evsemanager.internal.session;

import static dev.pylon.api.types.evsemanager.SessionEventEnum.ChargingPausedEVSE;
import static dev.pylon.api.types.evsemanager.SessionEventEnum.ChargingStarted;
import static dev.pylon.api.types.evsemanager.SessionEventEnum.Disabled;
import static dev.pylon.api.types.evsemanager.SessionEventEnum.Enabled;
import static dev.pylon.api.types.evsemanager.SessionEventEnum.PrepareCharging;
import static dev.pylon.api.types.evsemanager.SessionEventEnum.ReservationEnd;
import static dev.pylon.api.types.evsemanager.SessionEventEnum.ReservationStart;
import static dev.pylon.api.types.evsemanager.SessionEventEnum.SessionFinished;
import static dev.pylon.api.types.evsemanager.SessionEventEnum.SessionStarted;
import static dev.pylon.api.types.evsemanager.SessionEventEnum.TransactionFinished;
import static dev.pylon.api.types.evsemanager.SessionEventEnum.TransactionStarted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pylon.api.Severity;
import dev.pylon.api.errors.EvseBoardSupportErrors;
import dev.pylon.api.errors.EvseManagerErrors;
import dev.pylon.api.types.boardsupportcommon.BspEvent;
import dev.pylon.api.types.evsemanager.EnableDisableSource.EnableSource;
import dev.pylon.api.types.evsemanager.EnableDisableSource.EnableState;
import dev.pylon.api.types.evsemanager.Limits;
import dev.pylon.api.types.evsemanager.PauseChargingEVSEReasonEnum;
import dev.pylon.api.types.evsemanager.SessionEvent;
import dev.pylon.api.types.evsemanager.SessionEventEnum;
import dev.pylon.api.types.evsemanager.StopTransactionReason;
import dev.pylon.api.types.powermeter.TransactionRequestStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Errors, energy limits, enable/disable and reservations: the paths that must end in "no power". */
class SafetyScenarioTest {
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

    private boolean everPowered() {
        return rig.world.calls("allow_power_on").stream().anyMatch(c -> Boolean.TRUE.equals(c.argument()));
    }

    @Test
    void fatalErrorBeforePlugInGivesNoSessionAndNeverPower() {
        rig = Rig.started(false);
        rig.limits(16, 3600);
        rig.error("bsp", EvseBoardSupportErrors.MREC2_GROUND_FAILURE, Severity.High, true);
        assertThat(rig.world.activeErrors).containsExactly(EvseManagerErrors.INOPERATIVE);
        assertThat(rig.world.stateF).isTrue();

        rig.cp(BspEvent.Event.B);
        rig.authorize();
        rig.cp(BspEvent.Event.C);
        rig.advanceSeconds(10);
        assertThat(rig.world.events()).containsExactly(Enabled);
        assertThat(everPowered()).isFalse();

        rig.error("bsp", EvseBoardSupportErrors.MREC2_GROUND_FAILURE, Severity.High, false);
        assertThat(rig.world.activeErrors).isEmpty();
        assertThat(rig.world.events()).endsWith(SessionStarted, SessionEventEnum.AuthRequired);
    }

    @Test
    void emergencyShutdownWhileChargingCutsAtOnceHoldsFAndResumesWhenCleared() {
        rig = Rig.started(false);
        rig.charging();
        rig.error("bsp", EvseBoardSupportErrors.MREC14_PILOT_FAULT, Severity.High, true);
        assertThat(rig.world.relay).isFalse();
        assertThat(rig.world.events()).endsWith(ChargingPausedEVSE);
        assertThat(last(ChargingPausedEVSE).chargingPausedEvse().reasons())
                .containsExactly(PauseChargingEVSEReasonEnum.Error);
        assertThat(rig.world.stateF).isTrue();
        rig.advanceSeconds(0.3);
        assertThat(rig.world.stateF).isFalse();
        assertThat(rig.world.pwm).isNull();
        assertThat(rig.world.activeErrors).contains(EvseManagerErrors.INOPERATIVE);

        rig.error("bsp", EvseBoardSupportErrors.MREC14_PILOT_FAULT, Severity.High, false);
        assertThat(rig.world.activeErrors).doesNotContain(EvseManagerErrors.INOPERATIVE);
        assertThat(rig.world.events()).endsWith(ChargingPausedEVSE, PrepareCharging, ChargingStarted);
        assertThat(rig.world.relay).isTrue();
    }

    @Test
    void powerGoesOffBeforeAnythingIsPublished() {
        rig = Rig.started(false);
        rig.charging();
        int from = rig.world.calls.size();
        rig.error("bsp", EvseBoardSupportErrors.MREC2_GROUND_FAILURE, Severity.Medium, true);
        assertThat(rig.world.calls.get(from).what()).isEqualTo("allow_power_on");

        rig.error("bsp", EvseBoardSupportErrors.MREC2_GROUND_FAILURE, Severity.Medium, false);
        assertThat(rig.world.relay).isTrue();
        from = rig.world.calls.size();
        rig.limits(0, 3600);
        assertThat(rig.world.calls.get(from).what()).isEqualTo("allow_power_on");

        rig.limits(16, 3600);
        from = rig.world.calls.size();
        rig.enable(EnableSource.CSMS, EnableState.Disable, 1);
        assertThat(rig.world.calls.get(from).what()).isEqualTo("allow_power_on");
    }

    @Test
    void errorShutdownOpensContactorsAndKeepsPwm() {
        rig = Rig.started(false);
        rig.charging();
        rig.error("bsp", EvseBoardSupportErrors.MREC17_EVSE_CONTACTOR_FAULT, Severity.Medium, true);
        assertThat(rig.world.relay).isFalse();
        assertThat(rig.world.pwm).isNotNull();
        assertThat(rig.world.stateF).isFalse();
    }

    @Test
    void nonFatalErrorsDoNotStopCharging() {
        rig = Rig.started(false);
        rig.charging();
        rig.error("bsp", EvseBoardSupportErrors.MREC3_HIGH_TEMPERATURE, Severity.Medium, true);
        rig.error("bsp", EvseBoardSupportErrors.VENDOR_WARNING, Severity.Low, true);
        rig.error("connector_lock", "connector_lock/VendorWarning", Severity.Low, true);
        assertThat(rig.world.relay).isTrue();
        assertThat(rig.world.activeErrors).isEmpty();
    }

    @Test
    void powermeterErrorsCountOnlyWhenConfigured() {
        rig = new Rig(ChargerConfig.builder(1, Rig.NODE).failOnPowermeterErrors(false).build()).start(true);
        rig.charging();
        rig.error("powermeter_grid_side", "generic/CommunicationFault", Severity.Medium, true);
        assertThat(rig.world.relay).isTrue();

        rig = Rig.started(true);
        rig.charging();
        rig.error("powermeter_grid_side", "generic/CommunicationFault", Severity.Medium, true);
        assertThat(rig.world.relay).isFalse();
    }

    @Test
    void powermeterStartFailureRaisesAndEndsTheSession() {
        rig = Rig.started(true);
        rig.world.meterStartStatus = TransactionRequestStatus.UNEXPECTED_ERROR;
        rig.limits(16, 3600);
        rig.cp(BspEvent.Event.B);
        rig.authorize();
        assertThat(rig.world.events()).doesNotContain(TransactionStarted).endsWith(SessionFinished);
        assertThat(rig.world.activeErrors).contains(EvseManagerErrors.POWERMETER_TRANSACTION_START_FAILED,
                EvseManagerErrors.INOPERATIVE);
        rig.cp(BspEvent.Event.A);
        assertThat(rig.world.activeErrors).isEmpty();
        assertThat(everPowered()).isFalse();
    }

    @Test
    void limitZeroBeforeSessionStopsAtPrepareChargingUntilTheLimitReturns() {
        rig = Rig.started(false);
        rig.limits(0, 3600);
        rig.cp(BspEvent.Event.B);
        rig.authorize();
        rig.cp(BspEvent.Event.C);
        rig.advanceSeconds(20);
        assertThat(rig.world.events()).endsWith(TransactionStarted, PrepareCharging);
        assertThat(rig.world.pwm).isNull();
        assertThat(everPowered()).isFalse();

        rig.limits(16, 3600);
        assertThat(rig.world.events()).endsWith(PrepareCharging, ChargingStarted);
        assertThat(rig.world.relay).isTrue();
    }

    @Test
    void limitZeroDuringSessionPausesWithNoEnergyAndResumes() {
        rig = Rig.started(false);
        rig.charging();
        rig.limits(0, 3600);
        assertThat(rig.world.relay).isFalse();
        assertThat(rig.world.pwm).isNull();
        assertThat(last(ChargingPausedEVSE).chargingPausedEvse().reasons())
                .containsExactly(PauseChargingEVSEReasonEnum.NoEnergy);
        assertThat(((Limits) rig.world.lastVar.get("limits")).maxCurrent()).isZero();

        rig.limits(16, 3600);
        assertThat(rig.world.events()).endsWith(ChargingPausedEVSE, PrepareCharging, ChargingStarted);
        assertThat(rig.world.relay).isTrue();
    }

    @Test
    void expiredLimitMeansZeroAmps() {
        rig = Rig.started(false);
        rig.limits(16, 10);
        rig.cp(BspEvent.Event.B);
        rig.authorize();
        rig.cp(BspEvent.Event.C);
        assertThat(rig.world.relay).isTrue();
        rig.advanceSeconds(9.999);
        assertThat(rig.world.relay).isTrue();
        rig.advanceSeconds(0.001);
        assertThat(rig.world.relay).isFalse();
        assertThat(rig.charger.maxCurrent()).isZero();
        assertThat(((Limits) rig.world.lastVar.get("limits")).maxCurrent()).isZero();
        assertThat(rig.world.log).anyMatch(l -> l.contains("power budget expired"));
        assertThat(last(ChargingPausedEVSE).chargingPausedEvse().reasons())
                .containsExactly(PauseChargingEVSEReasonEnum.NoEnergy);
    }

    @Test
    void limitsForAnotherNodeAreIgnoredAndPowerLimitsBecomeAmps() {
        rig = Rig.started(false);
        rig.input(c -> c.onEnforceLimits(dev.pylon.api.types.energy.EnforcedLimits.builder().uuid("other")
                .validFor(60).limitsRootSide(dev.pylon.api.types.energy.LimitsRes.builder().build())
                .schedule(java.util.List.of()).build()));
        assertThat(rig.charger.limitValid()).isFalse();
        rig.input(c -> c.onEnforceLimits(dev.pylon.api.types.energy.EnforcedLimits.builder().uuid(Rig.NODE)
                .validFor(60).limitsRootSide(dev.pylon.api.types.energy.LimitsRes.builder()
                        .totalPowerW(new dev.pylon.api.types.energy.NumberWithSource(6900, "grid")).build())
                .schedule(java.util.List.of()).build()));
        assertThat(rig.charger.maxCurrent()).isEqualTo(10.0);
    }

    @Test
    void disableWhileChargingEndsTheTransactionAndShowsF() {
        rig = Rig.started(false);
        rig.charging();
        assertThat(rig.enable(EnableSource.CSMS, EnableState.Disable, 100)).isFalse();
        assertThat(rig.world.relay).isFalse();
        assertThat(rig.world.stateF).isTrue();
        assertThat(rig.world.events()).endsWith(TransactionFinished, SessionFinished, Disabled);
        assertThat(last(TransactionFinished).transactionFinished().reason()).isEqualTo(StopTransactionReason.Other);
        assertThat(last(Disabled).source().enableSource()).isEqualTo(EnableSource.CSMS);

        assertThat(rig.enable(EnableSource.CSMS, EnableState.Enable, 100)).isTrue();
        assertThat(rig.world.events()).endsWith(Disabled, Enabled);
        assertThat(rig.world.stateF).isFalse();
    }

    @Test
    void enablePriorityTable() {
        rig = Rig.started(false);
        assertThat(rig.enable(EnableSource.CSMS, EnableState.Disable, 100)).isFalse();
        assertThat(rig.enable(EnableSource.ServiceTechnician, EnableState.Enable, 10)).isTrue();
        assertThat(rig.enable(EnableSource.LocalKeyLock, EnableState.Disable, 10)).as("tie: disable wins").isFalse();
        assertThat(rig.enable(EnableSource.LocalKeyLock, EnableState.Unassigned, 0)).isTrue();
        assertThat(rig.enable(EnableSource.ServiceTechnician, EnableState.Unassigned, 0)).isFalse();
        assertThat(rig.enable(EnableSource.CSMS, EnableState.Unassigned, 0)).as("empty table: enabled").isTrue();
        assertThat(rig.world.events()).containsExactly(Enabled, Disabled, Enabled, Disabled, Enabled, Disabled,
                Enabled);
    }

    @Test
    void pluggedInWhileDisabledStartsWhenEnabled() {
        rig = Rig.started(false);
        rig.enable(EnableSource.LocalAPI, EnableState.Disable, 5);
        rig.cp(BspEvent.Event.B);
        assertThat(rig.world.events()).doesNotContain(SessionStarted);
        rig.enable(EnableSource.LocalAPI, EnableState.Enable, 5);
        assertThat(rig.world.events()).endsWith(Enabled, SessionStarted, SessionEventEnum.AuthRequired);
    }

    @Test
    void disablingEndsASessionOpenedByAnEarlyAuthorisation() {
        rig = Rig.started(false);
        rig.authorize();
        rig.enable(EnableSource.CSMS, EnableState.Disable, 1);
        assertThat(rig.world.events()).endsWith(SessionStarted, SessionEventEnum.Authorized, SessionFinished,
                Disabled);
    }

    @Test
    void reservations() {
        rig = Rig.started(false);
        assertThat(rig.ask(c -> c.reserve(7))).isTrue();
        assertThat(rig.ask(c -> c.reserve(8))).isFalse();
        assertThat(rig.ask(c -> c.reserve(7))).isTrue();
        rig.input(Charger::cancelReservation);
        assertThat(rig.world.events()).containsExactly(Enabled, ReservationStart, ReservationEnd);

        rig.ask(c -> c.reserve(9));
        rig.enable(EnableSource.CSMS, EnableState.Disable, 1);
        assertThat(rig.world.events()).endsWith(ReservationStart, Disabled, ReservationEnd);
        assertThat(rig.ask(c -> c.reserve(10))).as("disabled").isFalse();
        rig.enable(EnableSource.CSMS, EnableState.Enable, 1);

        rig.ask(c -> c.reserve(11));
        rig.charging();
        assertThat(last(TransactionStarted).transactionStarted().reservationId()).isEqualTo(11);
        assertThat(rig.ask(c -> c.reserve(12))).as("busy").isFalse();
    }

    @Test
    void overCurrentRaisesMrec4AfterTheTimeout() {
        rig = Rig.started(true);
        rig.charging();
        rig.meter(10, 16.5);
        rig.advanceSeconds(10);
        assertThat(rig.world.activeErrors).isEmpty();
        rig.meter(20, 25.0);
        rig.advanceSeconds(6.9);
        assertThat(rig.world.relay).isTrue();
        rig.advanceSeconds(0.1);
        assertThat(rig.world.activeErrors).contains(EvseManagerErrors.MREC4_OVER_CURRENT_FAILURE);
        assertThat(rig.world.relay).isFalse();
    }

    @Test
    void dcModeIsInoperative() {
        rig = new Rig(ChargerConfig.builder(1, Rig.NODE).acMode(false).build()).start(false);
        assertThat(rig.world.activeErrors).contains(EvseManagerErrors.INTERNAL, EvseManagerErrors.INOPERATIVE);
        rig.limits(16, 3600);
        rig.cp(BspEvent.Event.B);
        rig.cp(BspEvent.Event.A);
        assertThat(rig.world.activeErrors).contains(EvseManagerErrors.INTERNAL);
        assertThat(everPowered()).isFalse();
    }
}
