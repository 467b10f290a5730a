package dev.pylon.evsemanager.internal.session;

import dev.pylon.api.errors.EvseManagerErrors;
import dev.pylon.api.Severity;
import dev.pylon.api.types.authorization.AuthorizationStatus;
import dev.pylon.api.types.authorization.ProvidedIdToken;
import dev.pylon.api.types.authorization.ValidationResult;
import dev.pylon.api.types.evsemanager.Connector;
import dev.pylon.api.types.evsemanager.EnableDisableSource;
import dev.pylon.api.types.evsemanager.Evse;
import dev.pylon.api.types.evsemanager.PlugAndChargeConfiguration;
import dev.pylon.api.types.evsemanager.SessionEventEnum;
import dev.pylon.api.types.evsemanager.StartSessionReason;
import dev.pylon.api.types.evsemanager.StopTransactionRequest;
import dev.pylon.api.types.evsemanager.UpdateAllowedEnergyTransferModesResult;
import dev.pylon.api.types.iso15118.EnergyTransferMode;
import dev.pylon.evsemanager.internal.action.Action;
import dev.pylon.evsemanager.internal.iec.IecInput;
import java.util.List;

/** The cmds of the evse_manager interface, on the session data. The facade settles the state machine after each. */
final class Commands {
    private final Context c;
    private final Session s;
    private final SessionFsm fsm;

    Commands(Context context, SessionFsm fsm) {
        this.c = context;
        this.s = context.session;
        this.fsm = fsm;
    }

    Evse getEvse() {
        return new Evse(c.cfg.connectorId(), List.of(new Connector(SessionEvents.CONNECTOR, c.cfg.connectorType())));
    }

    /** Applies one row of the enable table; returns whether the EVSE is enabled now. This EVSE has one connector. */
    boolean enableDisable(int connectorId, EnableDisableSource source) {
        boolean enabled = c.enable.apply(source);
        c.out.log(System.Logger.Level.INFO, "enable_disable(" + connectorId + ", " + source.enableSource() + ", "
                + source.enableState() + ", " + source.enablePriority() + "): " + (enabled ? "enabled" : "disabled"));
        return enabled;
    }

    /**
     * An authorisation decision. Accepted tokens authorise a session that is waiting (or open a session before
     * plug-in); anything else, or a token for a session whose transaction already ran or was stopped, is ignored.
     */
    void authorize(ProvidedIdToken token, ValidationResult result) {
        if (token == null || result == null || result.authorizationStatus() != AuthorizationStatus.Accepted) {
            c.out.log(System.Logger.Level.INFO, "authorisation ignored: "
                    + (result == null ? "no result" : token == null ? "no token" : result.authorizationStatus()));
            return;
        }
        boolean waiting = s.state == EvseState.WaitingForAuthentication || s.state == EvseState.Idle;
        if (!waiting || s.transactionActive || s.authorized) {
            c.out.log(System.Logger.Level.INFO, "authorisation ignored in state " + s.state
                    + (s.authorized ? " (already authorised)" : ""));
            return;
        }
        if (s.state == EvseState.Idle && c.errors.fatal()) {
            c.out.log(System.Logger.Level.INFO, "authorisation ignored: the EVSE is inoperative");
            return;
        }
        s.authorized = true;
        s.idToken = token;
        s.validation = result;
        if (s.state == EvseState.Idle && !s.sessionActive) {
            fsm.tx.startSession(StartSessionReason.Authorized);
        }
        c.out.publish("session_event", SessionEvents.authorization(SessionEventEnum.Authorized, s, c.now()));
        if (s.hlcSession) {
            c.out.add(new Action.Hlc(new Action.HlcCall.AuthorizationAccepted()));
        }
    }

    /** Withdraws an authorisation no transaction uses yet; a session opened by it before plug-in ends. */
    void withdrawAuthorization() {
        if (!s.authorized || s.transactionActive) {
            return;
        }
        s.authorized = false;
        s.idToken = null;
        c.out.publish("session_event", SessionEvents.authorization(SessionEventEnum.Deauthorized, s, c.now()));
        if (s.state == EvseState.WaitingForAuthentication && c.cfg.raiseMrec9()) {
            c.raiseOwn(EvseManagerErrors.MREC9_AUTHORIZATION_TIMEOUT, "authorisation withdrawn while waiting",
                    Severity.Medium);
        }
        if (s.state == EvseState.Idle && s.sessionActive) {
            fsm.tx.endSession();
        }
    }

    boolean reserve(int reservationId) {
        if (s.state != EvseState.Idle || s.sessionActive || c.errors.fatal() || !c.enable.enabled()) {
            return false;
        }
        if (s.reservationId != null) {
            return s.reservationId == reservationId;
        }
        s.reservationId = reservationId;
        c.out.publish("session_event", SessionEvents.reservation(SessionEventEnum.ReservationStart, c.now()));
        return true;
    }

    void cancelReservation() {
        if (s.reservationId != null) {
            s.reservationId = null;
            c.out.publish("session_event", SessionEvents.reservation(SessionEventEnum.ReservationEnd, c.now()));
        }
    }

    /** Pauses a running transaction; false without one. Charging resumes only after {@link #resumeCharging}. */
    boolean pauseCharging() {
        if (!s.transactionActive || s.stopRequested) {
            return false;
        }
        s.pausedByUser = true;
        return true;
    }

    /** Takes back a pause of {@link #pauseCharging}; charging restarts when nothing else (energy, errors) holds it. */
    boolean resumeCharging() {
        if (!s.transactionActive || !s.pausedByUser) {
            return false;
        }
        s.pausedByUser = false;
        return true;
    }

    /**
     * Ends the transaction: the session is deauthorised and goes through StoppingCharging to Finished, where the
     * transaction finishes with {@code request.reason}. The session stays open until unplug; false without a
     * running transaction.
     */
    boolean stopTransaction(StopTransactionRequest request) {
        if (!s.transactionActive) {
            return false;
        }
        if (s.stopRequested) {
            return true;
        }
        s.authorized = false;
        s.stopRequested = true;
        s.stopReason = request.reason();
        s.stopIdTag = request.idTag();
        if (s.hlcActive) {
            c.out.add(new Action.Hlc(new Action.HlcCall.StopCharging()));
        }
        fsm.go(EvseState.StoppingCharging);
        return true;
    }

    /** Unlocks the connector if a lock is connected and no power is on. */
    boolean forceUnlock(int connectorId) {
        if (!s.lockConnected || c.iec.state().powerOn()) {
            return false;
        }
        c.iec.send(new IecInput.ForceUnlock());
        return true;
    }

    boolean externalReady() {
        s.externalReady = true;
        return true;
    }

    void setPlugAndChargeConfiguration(PlugAndChargeConfiguration config) {
        s.pncConfig = config;
    }

    /** Pylon does not renegotiate HLC services (yet): NoHlc without an HLC session, else ServiceRenegotiationFailed. */
    UpdateAllowedEnergyTransferModesResult updateAllowedEnergyTransferModes(List<EnergyTransferMode> modes) {
        return s.hlcActive ? UpdateAllowedEnergyTransferModesResult.ServiceRenegotiationFailed
                : UpdateAllowedEnergyTransferModesResult.NoHlc;
    }
}
