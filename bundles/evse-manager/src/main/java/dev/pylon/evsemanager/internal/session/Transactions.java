package dev.pylon.evsemanager.internal.session;

import dev.pylon.api.Severity;
import dev.pylon.api.errors.EvseManagerErrors;
import dev.pylon.api.types.authorization.ProvidedIdToken;
import dev.pylon.api.types.evsemanager.EVInfo;
import dev.pylon.api.types.evsemanager.SessionEventEnum;
import dev.pylon.api.types.evsemanager.SessionStarted;
import dev.pylon.api.types.evsemanager.StartSessionReason;
import dev.pylon.api.types.evsemanager.StopTransactionReason;
import dev.pylon.api.types.evsemanager.TransactionFinished;
import dev.pylon.api.types.evsemanager.TransactionStarted;
import dev.pylon.api.types.powermeter.OCMFIdentificationType;
import dev.pylon.api.types.powermeter.OCMFUserIdentificationStatus;
import dev.pylon.api.types.powermeter.TransactionReq;
import dev.pylon.api.types.powermeter.TransactionRequestStatus;
import dev.pylon.api.types.powermeter.TransactionStopResponse;
import dev.pylon.evsemanager.internal.action.Action;
import java.util.List;

/**
 * Opens and closes sessions and transactions, with their events. A transaction starts and stops on the power meter
 * when one is connected: the start or stop is an {@link Action} the shell answers right away
 * ({@link #transactionStarted}, {@link #transactionStopped}); meanwhile {@link Session#meterBusy} holds the state
 * machine.
 */
final class Transactions {
    private final Context c;
    private final Session s;

    Transactions(Context context) {
        this.c = context;
        this.s = context.session;
    }


    void startSession(StartSessionReason reason) {
        s.sessionActive = true;
        s.sessionId = c.newSessionId();
        SessionStarted.Builder started = SessionStarted.builder().reason(reason).meterValue(SessionEvents.meter(s, c.now()));
        if (reason == StartSessionReason.Authorized) {
            started.idTag(s.idToken).reservationId(s.reservationId);
            s.reservationId = null;
        }
        c.out.publish("session_event", SessionEvents.sessionStarted(s, started.build(), c.now()));
        c.out.publish("selected_protocol", "IEC61851-1");
    }

    void endSession() {
        c.out.publish("session_event", SessionEvents.sessionFinished(s, c.now()));
        if (s.evInfo != null) {
            s.evInfo = null;
            c.out.publish("ev_info", EVInfo.builder().build());
        }
        s.sessionActive = false;
        s.authorized = false;
        s.idToken = null;
        s.stopRequested = false;
        s.sessionId = "";
    }

    void startTransaction() {
        s.stopReason = null;
        s.stopIdTag = null;
        if (!s.powermeterConnected) {
            transactionStarted(null);
            return;
        }
        s.meterBusy = true;
        TransactionReq req = TransactionReq.builder()
                .evseId(c.cfg.evseId())
                .transactionId(s.sessionId)
                .identificationStatus(OCMFUserIdentificationStatus.ASSIGNED)
                .identificationFlags(List.of())
                .identificationType(ocmfType(s.idToken))
                .identificationData(s.idToken == null ? null : s.idToken.idToken().value())
                .build();
        c.out.add(new Action.MeterStartTransaction(req));
    }

    /** The meter answered the start ({@code null}: no meter); a failure stops here with an error when configured. */
    void transactionStarted(TransactionRequestStatus status) {
        s.meterBusy = false;
        if (s.state != EvseState.WaitingForAuthentication || !s.authorized) {
            return;
        }
        if (status == TransactionRequestStatus.UNEXPECTED_ERROR && c.cfg.failOnPowermeterErrors()) {
            c.raiseOwn(EvseManagerErrors.POWERMETER_TRANSACTION_START_FAILED,
                    "the power meter could not start the transaction", Severity.High);
            return;
        }
        s.transactionActive = true;
        TransactionStarted started = TransactionStarted.builder()
                .idTag(s.idToken)
                .meterValue(SessionEvents.meter(s, c.now()))
                .signedMeterValue(s.lastMeter == null ? null : s.lastMeter.signedMeterValue())
                .reservationId(s.reservationId)
                .build();
        s.reservationId = null;
        c.out.publish("session_event", SessionEvents.transactionStarted(s, started, c.now()));
    }

    void stopTransaction() {
        if (!s.powermeterConnected) {
            transactionStopped(null);
            return;
        }
        s.meterBusy = true;
        c.out.add(new Action.MeterStopTransaction(s.sessionId));
    }

    /** The meter answered the stop ({@code null}: no meter or it failed); publishes the end of the transaction. */
    void transactionStopped(TransactionStopResponse response) {
        s.meterBusy = false;
        if (!s.transactionActive) {
            return;
        }
        s.transactionActive = false;
        StopTransactionReason reason = s.stopReason != null ? s.stopReason : StopTransactionReason.EVDisconnected;
        boolean ok = response != null && response.status() == TransactionRequestStatus.OK;
        TransactionFinished finished = TransactionFinished.builder()
                .meterValue(SessionEvents.meter(s, c.now()))
                .startSignedMeterValue(ok ? response.startSignedMeterValue() : null)
                .signedMeterValue(ok ? response.signedMeterValue() : null)
                .reason(reason)
                .idTag(s.stopIdTag)
                .build();
        c.out.publish("session_event", SessionEvents.simple(SessionEventEnum.ChargingFinished, s, c.now()));
        c.out.publish("session_event", SessionEvents.transactionFinished(s, finished, c.now()));
        s.stopReason = null;
        s.stopIdTag = null;
        s.pausedByUser = false;
    }

    private static OCMFIdentificationType ocmfType(ProvidedIdToken token) {
        if (token == null) {
            return OCMFIdentificationType.NONE;
        }
        return switch (token.idToken().type()) {
            case ISO14443 -> OCMFIdentificationType.ISO14443;
            case ISO15693 -> OCMFIdentificationType.ISO15693;
            case eMAID -> OCMFIdentificationType.EMAID;
            case Central -> OCMFIdentificationType.CENTRAL;
            case Local -> OCMFIdentificationType.LOCAL;
            case KeyCode -> OCMFIdentificationType.KEY_CODE;
            case MacAddress -> OCMFIdentificationType.EVCCID;
            case NoAuthorization -> OCMFIdentificationType.NONE;
        };
    }
}
