package dev.pylon.boardsupport.sim.internal.sim;

import dev.pylon.api.Severity;
import dev.pylon.api.errors.AcRcdErrors;
import dev.pylon.api.errors.ConnectorLockErrors;
import dev.pylon.api.errors.EvseBoardSupportErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Which errors the simulated board can raise, on which implementation, and how severe each one is. */
public final class SimErrors {
    /** An injectable error: its full type and the implementation it is raised on. */
    public record Injectable(String type, String implId) {
    }

    public static final String BOARD_SUPPORT = "board_support";
    public static final String CONNECTOR_LOCK = "connector_lock";

    /** Errors that let charging go on (EvseManager treats them as warnings): raised with severity Low. */
    private static final Set<String> WARNINGS = Set.of(EvseBoardSupportErrors.MREC3_HIGH_TEMPERATURE,
            EvseBoardSupportErrors.MREC18_CABLE_OVER_TEMP_DERATE, EvseBoardSupportErrors.VENDOR_WARNING,
            AcRcdErrors.VENDOR_WARNING, ConnectorLockErrors.VENDOR_WARNING);

    private SimErrors() {
    }

    /** Every injectable type, board errors first, then RCD, then connector lock. */
    public static List<String> types() {
        List<String> all = new ArrayList<>(EvseBoardSupportErrors.ALL);
        all.addAll(AcRcdErrors.ALL);
        all.addAll(ConnectorLockErrors.ALL);
        return all;
    }

    /**
     * Resolves a full type ({@code evse_board_support/DiodeFault}) or a bare name ({@code DiodeFault}, looked up in
     * evse_board_support, then ac_rcd, then connector_lock).
     *
     * @throws IllegalArgumentException naming the unknown type
     */
    public static Injectable resolve(String type) {
        String wanted = type == null ? "" : type.trim();
        for (String candidate : types()) {
            if (candidate.equals(wanted) || candidate.endsWith("/" + wanted)) {
                String impl = candidate.startsWith("connector_lock/") ? CONNECTOR_LOCK : BOARD_SUPPORT;
                return new Injectable(candidate, impl);
            }
        }
        throw new IllegalArgumentException("'" + type + "' is not an error the simulated board can raise; "
                + "use a type of evse_board_support, ac_rcd or connector_lock, e.g. MREC2GroundFailure or DiodeFault");
    }

    /** Low for the warnings, High for everything else (an injected fault should stop charging at once). */
    public static Severity severity(String type) {
        return WARNINGS.contains(type) ? Severity.Low : Severity.High;
    }
}
