package dev.pylon.auth.internal;

import dev.pylon.api.types.authorization.AuthorizationStatus;
import dev.pylon.api.types.authorization.IdToken;
import dev.pylon.api.types.authorization.ProvidedIdToken;
import dev.pylon.api.types.authorization.SelectionAlgorithm;
import dev.pylon.api.types.authorization.TokenValidationStatus;
import dev.pylon.api.types.authorization.TokenValidationStatusMessage;
import dev.pylon.api.types.authorization.ValidationResult;
import dev.pylon.api.types.authorization.WithdrawAuthorizationRequest;
import dev.pylon.api.types.authorization.WithdrawAuthorizationResult;
import dev.pylon.api.types.evsemanager.SessionEvent;
import dev.pylon.api.types.evsemanager.StopTransactionReason;
import dev.pylon.api.types.evsemanager.StopTransactionRequest;
import dev.pylon.auth.internal.AuthAction.TimerId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Auth's decisions, without threads, time or the bus: events in, {@link AuthAction}s out. Not thread-safe; the module
 * feeds it from one worker. Timers are actions too, and an expiry is an event, so tests drive time by hand.
 *
 * <p>A token is used once: while it is being validated a second copy is ignored; an accepted token authorizes one
 * free EVSE (no transaction, not already authorized, enabled, not faulted unless faults are ignored, not waiting for
 * a replug), so a second token in the same session finds no free EVSE and is rejected without asking the validators.
 * An authorization no transaction used within the connection timeout is withdrawn. A token equal to the one that
 * started a running transaction stops it.
 */
public final class AuthLogic {
    private static final int NONE = -1;
    private static final int WAIT_FOR_PLUG_IN = -2;

    private final EvseSlot[] slots;
    private final Set<String> inValidation = new HashSet<>();
    private AuthConfig config;
    private long plugSequence;
    private long timerSerial;
    private Pending pending;

    /** An accepted token waiting for a plug-in (PlugEvents with no EV plugged in yet). */
    private record Pending(ProvidedIdToken token, ValidationResult result, TimerId timer) {
    }

    /** The answer to withdraw_authorization and what it takes to carry it out. */
    public record Withdrawal(WithdrawAuthorizationResult result, List<AuthAction> actions) {
    }

    public AuthLogic(AuthConfig config, int evseCount) {
        this.config = config;
        this.slots = new EvseSlot[evseCount];
        for (int i = 0; i < evseCount; i++) {
            slots[i] = new EvseSlot();
        }
    }

    public AuthConfig config() {
        return config;
    }

    public void setConnectionTimeout(Duration timeout) {
        config = config.withConnectionTimeout(timeout);
    }

    public void setMasterPassGroupId(String groupId) {
        config = config.withMasterPassGroupId(groupId == null ? "" : groupId);
    }

    /** Whether EVSE {@code evse} holds an authorization no transaction has used yet. */
    public boolean isAuthorized(int evse) {
        return slots[evse].authorized;
    }

    /** A token arrived from a token provider. */
    public List<AuthAction> onToken(ProvidedIdToken token) {
        List<AuthAction> out = new ArrayList<>();
        String key = key(token.idToken());
        if (inValidation.contains(key)) {
            return out;
        }
        for (int i = 0; i < slots.length; i++) {
            EvseSlot slot = slots[i];
            if (slot.transaction && slot.transactionToken != null && key.equals(key(slot.transactionToken))) {
                out.add(new AuthAction.Stop(i, new StopTransactionRequest(StopTransactionReason.Local, token)));
                out.add(status(token, TokenValidationStatus.UsedToStop));
                return out;
            }
        }
        if (!anyFree(token, null) && !anyTransaction()) {
            out.add(status(token, TokenValidationStatus.Rejected));
            return out;
        }
        inValidation.add(key);
        out.add(status(token, TokenValidationStatus.Processing));
        if (Boolean.TRUE.equals(token.prevalidated())) {
            out.addAll(onValidated(token, new ValidationResult(AuthorizationStatus.Accepted, null, List.of(), null,
                    null, null, null, null)));
        } else {
            out.add(new AuthAction.Validate(token));
        }
        return out;
    }

    /** The validators answered for {@code token} (Accepted if any of them accepted it). */
    public List<AuthAction> onValidated(ProvidedIdToken token, ValidationResult result) {
        List<AuthAction> out = new ArrayList<>();
        inValidation.remove(key(token.idToken()));
        if (result.authorizationStatus() != AuthorizationStatus.Accepted) {
            out.add(status(token, TokenValidationStatus.Rejected));
            return out;
        }
        IdToken parent = result.parentIdToken() != null ? result.parentIdToken() : token.parentIdToken();
        if (!config.masterPassGroupId().isEmpty() && parent != null
                && parent.value().equalsIgnoreCase(config.masterPassGroupId())) {
            int running = firstTransaction(null);
            if (running == NONE) {
                out.add(status(token, TokenValidationStatus.Rejected));
            } else {
                out.add(new AuthAction.Stop(running, new StopTransactionRequest(StopTransactionReason.MasterPass, token)));
                out.add(status(token, TokenValidationStatus.UsedToStop));
            }
            return out;
        }
        int stoppable = parent == null ? NONE : firstTransaction(parent);
        int target = select(token, result);
        boolean stopFirst = stoppable != NONE && (!config.prioritizeAuthorization() || target == NONE);
        if (stopFirst) {
            out.add(new AuthAction.Stop(stoppable, new StopTransactionRequest(StopTransactionReason.Local, token)));
            out.add(status(token, TokenValidationStatus.UsedToStop));
        } else if (target >= 0) {
            authorize(target, token, result, out);
        } else if (target == WAIT_FOR_PLUG_IN) {
            if (pending != null) {
                out.add(new AuthAction.CancelTimer(pending.timer()));
                out.add(status(pending.token(), TokenValidationStatus.Withdrawn));
            }
            pending = new Pending(token, result, timer(TimerId.Kind.PENDING_TOKEN, NONE, out));
            out.add(status(token, TokenValidationStatus.Accepted));
        } else {
            out.add(status(token, TokenValidationStatus.Rejected));
        }
        return out;
    }

    /** EVSE {@code evse} published a session event. */
    public List<AuthAction> onSessionEvent(int evse, SessionEvent event) {
        List<AuthAction> out = new ArrayList<>();
        EvseSlot slot = slots[evse];
        switch (event.event()) {
            case SessionStarted -> {
                slot.plugged = true;
                slot.plugSequence = ++plugSequence;
                slot.plugInExpired = false;
                slot.finishedUntilUnplug = false;
                if (pending != null && isFree(evse) && allowed(evse, pending.token(), pending.result())) {
                    Pending p = pending;
                    pending = null;
                    out.add(new AuthAction.CancelTimer(p.timer()));
                    authorize(evse, p.token(), p.result(), out);
                } else if (config.plugInTimeoutEnabled() && slots.length > 1 && !slot.authorized) {
                    cancel(slot.plugInTimer, out);
                    slot.plugInTimer = timer(TimerId.Kind.PLUG_IN, evse, out);
                }
            }
            case TransactionStarted -> {
                ProvidedIdToken used = event.transactionStarted() != null ? event.transactionStarted().idTag()
                        : slot.authorizedToken;
                slot.transaction = true;
                slot.transactionToken = used != null ? used.idToken() : null;
                slot.transactionParent = slot.authorizedResult != null && slot.authorizedResult.parentIdToken() != null
                        ? slot.authorizedResult.parentIdToken() : used != null ? used.parentIdToken() : null;
                clearAuthorization(slot, out);
                cancel(slot.plugInTimer, out);
                slot.plugInTimer = null;
                if (used != null) {
                    out.add(status(used, TokenValidationStatus.UsedToStart));
                }
            }
            case TransactionFinished -> {
                slot.transaction = false;
                slot.transactionToken = null;
                slot.transactionParent = null;
                slot.finishedUntilUnplug = slot.plugged;
            }
            case SessionFinished -> {
                slot.plugged = false;
                slot.plugInExpired = false;
                slot.finishedUntilUnplug = false;
                cancel(slot.plugInTimer, out);
                slot.plugInTimer = null;
            }
            case AuthRequired -> slot.plugged = true;
            case PrepareCharging, ChargingStarted, ChargingPausedEV, ChargingPausedEVSE, StoppingCharging,
                    SwitchingPhases -> {
                // only seen inside a transaction: Auth may have missed its start (a restart, or a var's last value)
                if (!slot.transaction) {
                    slot.plugged = true;
                    slot.transaction = true;
                    clearAuthorization(slot, out);
                }
            }
            case Deauthorized -> clearAuthorization(slot, out);
            case Disabled -> slot.disabled = true;
            case Enabled -> slot.disabled = false;
            default -> {
                // the other events change nothing Auth decides on
            }
        }
        return out;
    }

    /** EVSE {@code evse} raised or cleared evse_manager/Inoperative. */
    public void onFault(int evse, boolean faulted) {
        slots[evse].faulted = faulted;
    }

    /** Timer {@code id} fired; ignored unless it is still the one in force. */
    public List<AuthAction> onTimeout(TimerId id) {
        List<AuthAction> out = new ArrayList<>();
        switch (id.kind()) {
            case CONNECTION -> {
                EvseSlot slot = slots[id.evse()];
                if (id.equals(slot.connectionTimer) && slot.authorized) {
                    ProvidedIdToken token = slot.authorizedToken;
                    slot.connectionTimer = null;
                    clearAuthorization(slot, out);
                    out.add(new AuthAction.Withdraw(id.evse()));
                    out.add(status(token, TokenValidationStatus.TimedOut));
                }
            }
            case PLUG_IN -> {
                EvseSlot slot = slots[id.evse()];
                if (id.equals(slot.plugInTimer)) {
                    slot.plugInTimer = null;
                    slot.plugInExpired = slot.plugged && !slot.authorized && !slot.transaction;
                }
            }
            case PENDING_TOKEN -> {
                if (pending != null && id.equals(pending.timer())) {
                    out.add(status(pending.token(), TokenValidationStatus.TimedOut));
                    pending = null;
                }
            }
        }
        return out;
    }

    /** withdraw_authorization of interface auth; {@code evse_id} is the EVSE's position + 1. */
    public Withdrawal withdraw(WithdrawAuthorizationRequest request) {
        List<AuthAction> out = new ArrayList<>();
        Integer evseId = request.evseId();
        if (evseId != null && (evseId < 1 || evseId > slots.length)) {
            return new Withdrawal(WithdrawAuthorizationResult.EvseNotFound, out);
        }
        String token = request.idToken() == null ? null : key(request.idToken());
        boolean found = false;
        for (int i = 0; i < slots.length; i++) {
            EvseSlot slot = slots[i];
            boolean matches = slot.authorized && (evseId == null || evseId == i + 1)
                    && (token == null || token.equals(key(slot.authorizedToken.idToken())));
            if (matches) {
                ProvidedIdToken withdrawn = slot.authorizedToken;
                clearAuthorization(slot, out);
                out.add(new AuthAction.Withdraw(i));
                out.add(status(withdrawn, TokenValidationStatus.Withdrawn));
                found = true;
            }
        }
        if (pending != null && evseId == null && (token == null || token.equals(key(pending.token().idToken())))) {
            out.add(new AuthAction.CancelTimer(pending.timer()));
            out.add(status(pending.token(), TokenValidationStatus.Withdrawn));
            pending = null;
            found = true;
        }
        return new Withdrawal(found ? WithdrawAuthorizationResult.Accepted
                : WithdrawAuthorizationResult.AuthorizationNotFound, out);
    }

    private void authorize(int evse, ProvidedIdToken token, ValidationResult result, List<AuthAction> out) {
        EvseSlot slot = slots[evse];
        slot.authorized = true;
        slot.authorizedToken = token;
        slot.authorizedResult = result;
        cancel(slot.connectionTimer, out);
        slot.connectionTimer = timer(TimerId.Kind.CONNECTION, evse, out);
        cancel(slot.plugInTimer, out);
        slot.plugInTimer = null;
        out.add(status(token, TokenValidationStatus.Accepted));
        out.add(new AuthAction.Authorize(evse, token, result));
    }

    private static void clearAuthorization(EvseSlot slot, List<AuthAction> out) {
        slot.authorized = false;
        slot.authorizedToken = null;
        cancel(slot.connectionTimer, out);
        slot.connectionTimer = null;
    }

    /** The EVSE for an accepted token, {@link #NONE}, or {@link #WAIT_FOR_PLUG_IN}. */
    private int select(ProvidedIdToken token, ValidationResult result) {
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < slots.length; i++) {
            if (isFree(i) && allowed(i, token, result)) {
                free.add(i);
            }
        }
        if (free.isEmpty()) {
            return NONE;
        }
        if (free.size() == 1 || config.selectionAlgorithm() != SelectionAlgorithm.PlugEvents) {
            return free.get(0); // FindFirst; UserInput is not implemented (as in EVerest) and behaves the same
        }
        int earliest = NONE;
        for (int i : free) {
            if (slots[i].plugged && (earliest == NONE || slots[i].plugSequence < slots[earliest].plugSequence)) {
                earliest = i;
            }
        }
        return earliest == NONE ? WAIT_FOR_PLUG_IN : earliest;
    }

    private boolean isFree(int evse) {
        EvseSlot s = slots[evse];
        return !s.disabled && (!s.faulted || config.ignoreConnectorFaults()) && !s.transaction && !s.authorized
                && !s.finishedUntilUnplug && !(s.plugged && s.plugInExpired);
    }

    /** The token and its verdict may restrict the EVSEs (ids from 1; one connector per EVSE). */
    private static boolean allowed(int evse, ProvidedIdToken token, ValidationResult result) {
        int id = evse + 1;
        return (token.connectors() == null || token.connectors().isEmpty() || token.connectors().contains(id))
                && (result == null || result.evseIds() == null || result.evseIds().isEmpty()
                        || result.evseIds().contains(id));
    }

    private boolean anyFree(ProvidedIdToken token, ValidationResult result) {
        for (int i = 0; i < slots.length; i++) {
            if (isFree(i) && allowed(i, token, result)) {
                return true;
            }
        }
        return false;
    }

    private boolean anyTransaction() {
        return firstTransaction(null) != NONE;
    }

    /** The first EVSE with a running transaction (whose parent token is {@code parent}, when given). */
    private int firstTransaction(IdToken parent) {
        for (int i = 0; i < slots.length; i++) {
            EvseSlot s = slots[i];
            if (s.transaction && (parent == null
                    || s.transactionParent != null && key(parent).equals(key(s.transactionParent)))) {
                return i;
            }
        }
        return NONE;
    }

    private TimerId timer(TimerId.Kind kind, int evse, List<AuthAction> out) {
        TimerId id = new TimerId(kind, evse, ++timerSerial);
        out.add(new AuthAction.StartTimer(id, config.connectionTimeout()));
        return id;
    }

    private static void cancel(TimerId id, List<AuthAction> out) {
        if (id != null) {
            out.add(new AuthAction.CancelTimer(id));
        }
    }

    private static AuthAction.Status status(ProvidedIdToken token, TokenValidationStatus status) {
        return new AuthAction.Status(new TokenValidationStatusMessage(token, status, null));
    }

    /** Token values compare without regard to case. */
    private static String key(IdToken token) {
        return token.value().toUpperCase(Locale.ROOT);
    }
}
