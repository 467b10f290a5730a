package dev.pylon.auth.internal;

import dev.pylon.api.types.authorization.ProvidedIdToken;
import dev.pylon.api.types.authorization.TokenValidationStatusMessage;
import dev.pylon.api.types.authorization.ValidationResult;
import dev.pylon.api.types.evsemanager.StopTransactionRequest;
import java.time.Duration;

/**
 * What {@link AuthLogic} decided; {@link AuthModule} carries it out. EVSEs are numbered by their position in the
 * config's {@code evse_manager} connections, from 0 (their EVSE id is that number + 1).
 */
public sealed interface AuthAction {
    /** Ask the validators about {@code token}; the answer goes to {@link AuthLogic#onValidated}. */
    record Validate(ProvidedIdToken token) implements AuthAction {
    }

    /** Call {@code authorize_response} on EVSE {@code evse}. */
    record Authorize(int evse, ProvidedIdToken token, ValidationResult result) implements AuthAction {
    }

    /** Call {@code withdraw_authorization} on EVSE {@code evse}. */
    record Withdraw(int evse) implements AuthAction {
    }

    /** Call {@code stop_transaction} on EVSE {@code evse}. */
    record Stop(int evse, StopTransactionRequest request) implements AuthAction {
    }

    /** Publish var {@code token_validation_status}. */
    record Status(TokenValidationStatusMessage message) implements AuthAction {
    }

    /** Start timer {@code id}; when it fires, {@link AuthLogic#onTimeout} gets the id. */
    record StartTimer(TimerId id, Duration delay) implements AuthAction {
    }

    /** Cancel timer {@code id} (a late expiry of it is ignored anyway). */
    record CancelTimer(TimerId id) implements AuthAction {
    }

    /** A timer of the logic: what it guards, for which EVSE (-1: none), and a serial that makes each one unique. */
    record TimerId(Kind kind, int evse, long serial) {
        public enum Kind {
            /** An authorization waits for its transaction. */
            CONNECTION,
            /** A plugged-in EV waits for a token (plug_in_timeout_enabled). */
            PLUG_IN,
            /** An accepted token waits for a plug-in (PlugEvents). */
            PENDING_TOKEN
        }
    }
}
