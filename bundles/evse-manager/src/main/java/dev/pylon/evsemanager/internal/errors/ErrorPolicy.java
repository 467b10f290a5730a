package dev.pylon.evsemanager.internal.errors;

import dev.pylon.api.errors.EvseBoardSupportErrors;
import dev.pylon.api.errors.EvseManagerErrors;
import java.util.Set;

/**
 * Decides which errors prevent charging. Every error is fatal except Inoperative (which this module raises itself as
 * the consequence), the two board temperature warnings that only derate, and the VendorWarning of any error file.
 * Everything not listed is fatal, so an error type added to the contract later stops charging until someone decides
 * otherwise (fail safe).
 */
public final class ErrorPolicy {
    private static final Set<String> NOT_FATAL = Set.of(
            EvseManagerErrors.INOPERATIVE,
            EvseBoardSupportErrors.MREC3_HIGH_TEMPERATURE,
            EvseBoardSupportErrors.MREC18_CABLE_OVER_TEMP_DERATE);

    private ErrorPolicy() {
    }

    /** Whether an active error of {@code type} ({@code <file>/<Name>}) stops charging. */
    public static boolean isFatal(String type) {
        return !NOT_FATAL.contains(type) && !type.endsWith("/VendorWarning");
    }
}
