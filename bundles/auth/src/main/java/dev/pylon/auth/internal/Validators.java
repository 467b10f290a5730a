package dev.pylon.auth.internal;

import dev.pylon.api.CmdException;
import dev.pylon.api.authtokenvalidator.AuthTokenValidator;
import dev.pylon.api.types.authorization.AuthorizationStatus;
import dev.pylon.api.types.authorization.ProvidedIdToken;
import dev.pylon.api.types.authorization.ValidationResult;
import java.lang.System.Logger.Level;
import java.util.List;

/** Asks token validators in config order; the first that accepts decides, otherwise the last answer does. */
final class Validators {
    private static final System.Logger LOG = System.getLogger(Validators.class.getName());

    private Validators() {
    }

    /**
     * The verdict on {@code token}. A validator that fails (throws, or is not connected) is skipped; with no answer
     * at all the verdict is {@code Unknown}.
     */
    static ValidationResult ask(List<AuthTokenValidator> validators, ProvidedIdToken token) {
        ValidationResult last = null;
        for (AuthTokenValidator validator : validators) {
            try {
                ValidationResult result = validator.validateToken(token);
                if (result.authorizationStatus() == AuthorizationStatus.Accepted) {
                    return result;
                }
                last = result;
            } catch (CmdException e) {
                // the runtime or Auth itself is stopping (its worker was interrupted): not the validator's fault
                Level level = e.kind() == CmdException.Kind.Shutdown ? Level.DEBUG : Level.WARNING;
                LOG.log(level, "token validator " + validator + " failed: " + e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "token validator " + validator + " failed: " + e.getMessage());
            }
        }
        return last != null ? last
                : new ValidationResult(AuthorizationStatus.Unknown, null, List.of(), null, null, null, null, null);
    }
}
