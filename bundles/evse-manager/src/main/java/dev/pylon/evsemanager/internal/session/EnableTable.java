package dev.pylon.evsemanager.internal.session;

import dev.pylon.api.types.evsemanager.EnableDisableSource;
import dev.pylon.api.types.evsemanager.EnableDisableSource.EnableSource;
import dev.pylon.api.types.evsemanager.EnableDisableSource.EnableState;
import java.util.EnumMap;
import java.util.Map;

/**
 * Who asked to enable or disable the EVSE: one row per source. The row with the lowest {@code enable_priority} number
 * (0 is the highest priority) that is not {@code Unassigned} decides; on a tie Disable wins; with no row the EVSE is
 * enabled. A request with state {@code Unassigned} removes its source's row.
 */
public final class EnableTable {
    /** What the EVSE is at start-up: enabled, with no row in the table. */
    public static final EnableDisableSource STARTUP =
            new EnableDisableSource(EnableSource.Unspecified, EnableState.Enable, 10000);

    private final Map<EnableSource, EnableDisableSource> rows = new EnumMap<>(EnableSource.class);
    private EnableDisableSource lastRequest = STARTUP;

    /** Records {@code request} and returns whether the EVSE is enabled now. */
    public boolean apply(EnableDisableSource request) {
        lastRequest = request;
        if (request.enableState() == EnableState.Unassigned) {
            rows.remove(request.enableSource());
        } else {
            rows.put(request.enableSource(), request);
        }
        return enabled();
    }

    /** Whether the EVSE is enabled according to the table. */
    public boolean enabled() {
        EnableDisableSource w = winner();
        return w == null || w.enableState() == EnableState.Enable;
    }

    /** The row that decides, or {@code null} when the table is empty. */
    public EnableDisableSource winner() {
        EnableDisableSource best = null;
        for (EnableDisableSource row : rows.values()) {
            if (best == null || row.enablePriority() < best.enablePriority()
                    || (row.enablePriority() == best.enablePriority() && row.enableState() == EnableState.Disable)) {
                best = row;
            }
        }
        return best;
    }

    /** The source to report with an Enabled/Disabled event: the deciding row, else the last request. */
    public EnableDisableSource effectiveSource() {
        EnableDisableSource w = winner();
        return w != null ? w : lastRequest;
    }
}
