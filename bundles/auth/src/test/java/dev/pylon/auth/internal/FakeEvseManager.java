package dev.pylon.auth.internal;

import dev.pylon.runtime.testing.FakeBus;
import dev.pylon.api.ImplementationId;
import dev.pylon.api.evsemanager.EvseManager;
import dev.pylon.api.types.authorization.ProvidedIdToken;
import dev.pylon.api.types.authorization.ValidationResult;
import dev.pylon.api.types.evsemanager.EnableDisableSource;
import dev.pylon.api.types.evsemanager.Evse;
import dev.pylon.api.types.evsemanager.PlugAndChargeConfiguration;
import dev.pylon.api.types.evsemanager.SessionEvent;
import dev.pylon.api.types.evsemanager.SessionEventEnum;
import dev.pylon.api.types.evsemanager.StopTransactionRequest;
import dev.pylon.api.types.evsemanager.TransactionStarted;
import dev.pylon.api.types.evsemanager.UpdateAllowedEnergyTransferModesResult;
import dev.pylon.api.types.iso15118.EnergyTransferMode;
import dev.pylon.api.types.powermeter.Powermeter;
import dev.pylon.api.types.units.Energy;
import java.util.ArrayList;
import java.util.List;

/** An EVSE manager stub: records the cmds Auth sends and publishes the session events a test asks for. */
final class FakeEvseManager implements EvseManager {
    record Authorization(ProvidedIdToken token, ValidationResult result) {
    }

    final ImplementationId id;
    final List<Authorization> authorizations = new ArrayList<>();
    final List<StopTransactionRequest> stops = new ArrayList<>();
    int withdrawals;
    private final FakeBus bus;
    private int sessions;

    FakeEvseManager(FakeBus bus, ImplementationId id) {
        this.bus = bus;
        this.id = id;
    }

    void event(SessionEventEnum event) {
        if (event == SessionEventEnum.SessionStarted) {
            sessions++;
        }
        bus.publish(id, "session_event", SessionEvent.builder().uuid("session-" + sessions)
                .timestamp("2026-01-01T00:00:00Z").event(event).build());
    }

    /** TransactionStarted with the token that was authorized last. */
    void transactionStarted() {
        ProvidedIdToken token = authorizations.get(authorizations.size() - 1).token();
        bus.publish(id, "session_event", SessionEvent.builder().uuid("session-" + sessions)
                .timestamp("2026-01-01T00:00:00Z").event(SessionEventEnum.TransactionStarted)
                .transactionStarted(TransactionStarted.builder().idTag(token).meterValue(Powermeter.builder()
                        .timestamp("2026-01-01T00:00:00Z").energyWhImport(new Energy(0, null, null, null)).build())
                        .build())
                .build());
    }

    @Override
    public void authorizeResponse(ProvidedIdToken providedToken, ValidationResult validationResult) {
        authorizations.add(new Authorization(providedToken, validationResult));
    }

    @Override
    public void withdrawAuthorization() {
        withdrawals++;
    }

    @Override
    public boolean stopTransaction(StopTransactionRequest request) {
        stops.add(request);
        return true;
    }

    @Override
    public Evse getEvse() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean enableDisable(int connectorId, EnableDisableSource cmdSource) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean reserve(int reservationId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void cancelReservation() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean pauseCharging() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean resumeCharging() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean forceUnlock(int connectorId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean externalReadyToStartCharging() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setPlugAndChargeConfiguration(PlugAndChargeConfiguration plugAndChargeConfiguration) {
        throw new UnsupportedOperationException();
    }

    @Override
    public UpdateAllowedEnergyTransferModesResult updateAllowedEnergyTransferModes(
            List<EnergyTransferMode> allowedEnergyTransferModes) {
        throw new UnsupportedOperationException();
    }
}
