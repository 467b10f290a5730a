package dev.pylon.evsemanager.internal.session;

import dev.pylon.api.types.evsemanager.AuthorizationEvent;
import dev.pylon.api.types.evsemanager.ChargingPausedEVSEReasons;
import dev.pylon.api.types.evsemanager.ChargingStateChangedEvent;
import dev.pylon.api.types.evsemanager.EnableDisableSource;
import dev.pylon.api.types.evsemanager.PauseChargingEVSEReasonEnum;
import dev.pylon.api.types.evsemanager.SessionEvent;
import dev.pylon.api.types.evsemanager.SessionEventEnum;
import dev.pylon.api.types.evsemanager.SessionFinished;
import dev.pylon.api.types.evsemanager.SessionStarted;
import dev.pylon.api.types.evsemanager.TransactionFinished;
import dev.pylon.api.types.evsemanager.TransactionStarted;
import dev.pylon.api.types.powermeter.Powermeter;
import dev.pylon.api.types.units.Energy;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Builds the {@code session_event} payloads. Events of a session carry its id; the others carry an empty uuid. */
final class SessionEvents {
    /** The connector within the EVSE; one connector per EvseManager. */
    static final int CONNECTOR = 1;

    private SessionEvents() {
    }

    static String timestamp(Instant now) {
        return DateTimeFormatter.ISO_INSTANT.format(now);
    }

    /** The last meter value, or an all-zero reading when no power meter has reported yet. */
    static Powermeter meter(Session s, Instant now) {
        if (s.lastMeter != null) {
            return s.lastMeter;
        }
        return Powermeter.builder().timestamp(timestamp(now)).energyWhImport(new Energy(0.0, null, null, null))
                .build();
    }

    static SessionEvent.Builder base(SessionEventEnum event, String uuid, Instant now) {
        return SessionEvent.builder().event(event).uuid(uuid).timestamp(timestamp(now)).connectorId(CONNECTOR);
    }

    /** An event of the running session with no payload of its own. */
    static SessionEvent simple(SessionEventEnum event, Session s, Instant now) {
        return base(event, s.sessionId, now).build();
    }

    static SessionEvent chargingState(SessionEventEnum event, Session s, Instant now) {
        return base(event, s.sessionId, now).chargingStateChangedEvent(new ChargingStateChangedEvent(meter(s, now)))
                .build();
    }

    static SessionEvent pausedEvse(Session s, List<PauseChargingEVSEReasonEnum> reasons, Instant now) {
        return base(SessionEventEnum.ChargingPausedEVSE, s.sessionId, now)
                .chargingPausedEvse(new ChargingPausedEVSEReasons(List.copyOf(reasons)))
                .chargingStateChangedEvent(new ChargingStateChangedEvent(meter(s, now))).build();
    }

    static SessionEvent authorization(SessionEventEnum event, Session s, Instant now) {
        return base(event, s.sessionId, now).authorizationEvent(new AuthorizationEvent(meter(s, now))).build();
    }

    static SessionEvent sessionStarted(Session s, SessionStarted started, Instant now) {
        return base(SessionEventEnum.SessionStarted, s.sessionId, now).sessionStarted(started).build();
    }

    static SessionEvent sessionFinished(Session s, Instant now) {
        return base(SessionEventEnum.SessionFinished, s.sessionId, now)
                .sessionFinished(new SessionFinished(meter(s, now))).build();
    }

    static SessionEvent transactionStarted(Session s, TransactionStarted started, Instant now) {
        return base(SessionEventEnum.TransactionStarted, s.sessionId, now).transactionStarted(started).build();
    }

    static SessionEvent transactionFinished(Session s, TransactionFinished finished, Instant now) {
        return base(SessionEventEnum.TransactionFinished, s.sessionId, now).transactionFinished(finished).build();
    }

    static SessionEvent enabled(boolean enabled, EnableDisableSource source, Session s, Instant now) {
        return base(enabled ? SessionEventEnum.Enabled : SessionEventEnum.Disabled, s.sessionId, now).source(source)
                .build();
    }

    static SessionEvent reservation(SessionEventEnum event, Instant now) {
        return base(event, "", now).build();
    }
}
