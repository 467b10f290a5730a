package dev.pylon.auth.internal;

import dev.pylon.api.types.authorization.IdToken;
import dev.pylon.api.types.authorization.ProvidedIdToken;
import dev.pylon.api.types.authorization.ValidationResult;

/** What Auth knows about one EVSE, from its session events, its errors and Auth's own decisions. */
final class EvseSlot {
    /** An EV is plugged in: from SessionStarted to SessionFinished. */
    boolean plugged;
    /** Order of the last plug-in among all EVSEs (for PlugEvents). */
    long plugSequence;
    /** The plug-in waited longer than connection_timeout for a token (plug_in_timeout_enabled); until unplugged. */
    boolean plugInExpired;
    /** The transaction ended but the EV is still plugged in: a new one needs a replug. */
    boolean finishedUntilUnplug;
    /** The EVSE reported Disabled (until Enabled). */
    boolean disabled;
    /** The EVSE has evse_manager/Inoperative active. */
    boolean faulted;

    /** Auth sent authorize_response and no transaction has used it yet. */
    boolean authorized;
    ProvidedIdToken authorizedToken;
    ValidationResult authorizedResult;
    AuthAction.TimerId connectionTimer;
    AuthAction.TimerId plugInTimer;

    /** A transaction runs, started with this token and belonging to this parent (group) token. */
    boolean transaction;
    IdToken transactionToken;
    IdToken transactionParent;
}
