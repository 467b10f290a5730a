package dev.pylon.runtime;

import dev.pylon.api.ErrorObject;
import dev.pylon.api.Severity;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Raises and clears the errors of one provided implementation. Errors are raised and cleared in pairs, keyed by
 * (type, sub type); raising an active pair again changes nothing.
 */
@ProviderType
public interface ErrorReporter {
    /**
     * Raises error {@code type} ({@code <error file>/<Name>}, one the implementation's interface declares).
     *
     * @throws IllegalArgumentException for a type the interface does not declare
     */
    ErrorObject raise(String type, String subType, String message, Severity severity);

    /** Clears the active error (type, sub type); returns whether one was active. */
    boolean clear(String type, String subType);

    /** Clears every active error of this type, whatever its sub type; returns how many. */
    int clearAll(String type);

    /** Clears every active error of this implementation; returns how many. */
    int clearAll();

    /** The errors of this implementation that are active now. */
    List<ErrorObject> active();
}
