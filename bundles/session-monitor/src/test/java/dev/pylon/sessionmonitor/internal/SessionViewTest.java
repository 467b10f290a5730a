package dev.pylon.sessionmonitor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pylon.api.types.authorization.AuthorizationType;
import dev.pylon.api.types.authorization.IdToken;
import dev.pylon.api.types.authorization.IdTokenType;
import dev.pylon.api.types.authorization.ProvidedIdToken;
import dev.pylon.api.types.evsemanager.ChargingPausedEVSEReasons;
import dev.pylon.api.types.evsemanager.PauseChargingEVSEReasonEnum;
import dev.pylon.api.types.evsemanager.SessionEvent;
import dev.pylon.api.types.evsemanager.SessionEventEnum;
import dev.pylon.api.types.evsemanager.SessionStarted;
import dev.pylon.api.types.evsemanager.StartSessionReason;
import dev.pylon.api.types.evsemanager.StopTransactionReason;
import dev.pylon.api.types.evsemanager.TransactionFinished;
import dev.pylon.api.types.evsemanager.TransactionStarted;
import dev.pylon.api.types.powermeter.Powermeter;
import dev.pylon.api.types.units.Current;
import dev.pylon.api.types.units.Energy;
import dev.pylon.api.types.units.Power;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionViewTest {
    static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
    private final SessionView view = new SessionView("connector_1", Duration.ofSeconds(5));
    private final List<String> lines = new ArrayList<>();

    static Powermeter meter(double wh, double watts, double amps, int phases) {
        return Powermeter.builder().timestamp(T0.toString()).energyWhImport(new Energy(wh, null, null, null))
                .powerW(new Power(watts, null, null, null))
                .currentA(new Current(null, amps, phases == 3 ? amps : 0.0, phases == 3 ? amps : 0.0, null)).build();
    }

    static SessionEvent event(SessionEventEnum type) {
        return SessionEvent.builder().uuid("s1").timestamp(T0.toString()).event(type).build();
    }

    static ProvidedIdToken token() {
        return ProvidedIdToken.builder().idToken(new IdToken("DEADBEEF", IdTokenType.Local, null))
                .authorizationType(AuthorizationType.RFID).build();
    }

    private void at(int second, SessionEvent e) {
        lines.addAll(view.onSessionEvent(e, T0.plusSeconds(second)));
    }

    private void at(int second, Powermeter m) {
        lines.addAll(view.onPowermeter(m, T0.plusSeconds(second)));
    }

    @Test
    void aSessionReadsAtAGlance() {
        at(0, meter(0, 0, 0, 3));
        at(1, event(SessionEventEnum.SessionStarted).toBuilder()
                .sessionStarted(new SessionStarted(StartSessionReason.EVConnected, null, meter(0, 0, 0, 3), null, null,
                        null)).build());
        at(1, event(SessionEventEnum.TransactionStarted).toBuilder()
                .transactionStarted(new TransactionStarted(token(), meter(2, 0, 0, 3), null, null)).build());
        at(2, event(SessionEventEnum.ChargingStarted));
        at(2, meter(2, 11040, 16, 3));
        at(3, meter(5, 11040, 16, 3)); // unchanged and not due: nothing
        at(7, meter(17.3, 11040, 16, 3)); // 5 s since the last line
        at(8, event(SessionEventEnum.ChargingPausedEVSE).toBuilder()
                .chargingPausedEvse(new ChargingPausedEVSEReasons(List.of(PauseChargingEVSEReasonEnum.NoEnergy)))
                .build());
        at(8, meter(20, 0, 0, 3));
        at(9, meter(20, 0, 0, 3)); // no power: not repeated
        at(40, event(SessionEventEnum.TransactionFinished).toBuilder()
                .transactionFinished(new TransactionFinished(meter(422, 0, 0, 3), null, null,
                        StopTransactionReason.EVDisconnected, null)).build());
        at(41, event(SessionEventEnum.SessionFinished));
        at(41, meter(422, 0, 0, 3));
        at(42, event(SessionEventEnum.SessionStarted));

        assertThat(lines).containsExactly(
                "connector_1  SessionStarted        0.0 kW     0.00 kWh  EVConnected",
                "connector_1  TransactionStarted    0.0 kW     0.00 kWh  token DEADBEEF",
                "connector_1  ChargingStarted       0.0 kW     0.00 kWh",
                "connector_1  charging             11.0 kW     0.00 kWh  16.0 A x3",
                "connector_1  charging             11.0 kW     0.02 kWh  16.0 A x3",
                "connector_1  ChargingPausedEVSE   11.0 kW     0.02 kWh  NoEnergy",
                "connector_1  no power              0.0 kW     0.02 kWh",
                "connector_1  TransactionFinished   0.0 kW     0.42 kWh  EVDisconnected after 39 s",
                "connector_1  SessionFinished       0.0 kW     0.42 kWh",
                "connector_1  SessionStarted        0.0 kW     0.00 kWh");
    }

    @Test
    void smallChangesWaitForTheIntervalAndZeroIntervalPrintsOnlyChanges() {
        SessionView onChange = new SessionView("c", Duration.ZERO);
        assertThat(onChange.onPowermeter(meter(0, 7000, 10, 3), T0)).hasSize(1);
        assertThat(onChange.onPowermeter(meter(0, 7050, 10, 3), T0.plusSeconds(60))).isEmpty();
        assertThat(onChange.onPowermeter(meter(0, 4000, 6, 3), T0.plusSeconds(61))).hasSize(1);
        assertThat(view.onPowermeter(meter(0, 7000, 10, 3), T0)).hasSize(1);
        assertThat(view.onPowermeter(meter(0, 7050, 10, 3), T0.plusSeconds(4))).isEmpty();
        assertThat(view.onPowermeter(meter(0, 7050, 10, 3), T0.plusMillis(4600))).hasSize(1); // readings jitter
        assertThat(view.onPowermeter(meter(0, 7050, 10, 3), T0.plusSeconds(5))).isEmpty();
    }

    @Test
    void durationsAreShort() {
        assertThat(SessionView.duration(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(SessionView.duration(Duration.ofSeconds(192))).isEqualTo("3 min 12 s");
        assertThat(SessionView.duration(Duration.ofMinutes(135))).isEqualTo("2 h 15 min");
    }
}
