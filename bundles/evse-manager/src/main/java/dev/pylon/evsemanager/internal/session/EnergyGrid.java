package dev.pylon.evsemanager.internal.session;

import dev.pylon.api.types.energy.EnforcedLimits;
import dev.pylon.api.types.energy.LimitsRes;
import dev.pylon.api.types.energy.NumberWithSource;
import dev.pylon.api.types.evseboardsupport.HardwareCapabilities;
import dev.pylon.api.types.evsemanager.Limits;
import dev.pylon.evsemanager.internal.action.Action;
import dev.pylon.evsemanager.internal.action.TimerId;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@code energy_grid} side of the module: limits coming down the energy tree ({@code enforce_limits}), the energy
 * request going up, and the {@code limits} / {@code enforced_limits} vars that tell the rest of the system what the
 * EVSE signals.
 */
final class EnergyGrid {
    private final Context c;
    private final Session s;
    private HardwareCapabilities caps;
    private Double publishedMaxCurrent;

    EnergyGrid(Context context) {
        this.c = context;
        this.s = context.session;
    }

    void capabilities(HardwareCapabilities capabilities) {
        caps = capabilities;
        c.budget.hardware(capabilities);
    }

    /** The phases this EVSE uses: the config's, or fewer when the board says so. */
    int phases() {
        return s.phasesAvailable != null ? Math.min(s.phasesAvailable, c.cfg.phases()) : c.cfg.phases();
    }

    /** Forces the next {@link #publishLimits} to publish (e.g. the phase count changed). */
    void limitsChanged() {
        publishedMaxCurrent = null;
    }

    /**
     * Takes limits addressed to this node (others are ignored: {@code null}); they expire after their
     * {@code valid_for}. Returns the limits as applied, to publish as {@code enforced_limits} once the logic settled.
     */
    EnforcedLimits enforce(EnforcedLimits limits) {
        if (!c.cfg.nodeUuid().equals(limits.uuid())) {
            return null;
        }
        Instant now = c.now();
        Instant until = c.budget.enforce(limits, now, phases());
        c.out.startTimer(TimerId.LIMIT_EXPIRY, now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO);
        double applied = c.budget.maxCurrent(now);
        LimitsRes root = limits.limitsRootSide();
        LimitsRes.Builder adjusted = root == null ? LimitsRes.builder() : root.toBuilder();
        String source = root != null && root.acMaxCurrentA() != null ? root.acMaxCurrentA().source() : c.cfg.nodeUuid();
        return limits.toBuilder()
                .limitsRootSide(adjusted.acMaxCurrentA(new NumberWithSource(applied, source)).build()).build();
    }

    /** Publishes {@code limits} (and tells the board and the HLC stack) when the current the EVSE may signal changed. */
    void publishLimits() {
        double max = c.budget.maxCurrent(c.now());
        if (publishedMaxCurrent != null && Math.abs(publishedMaxCurrent - max) < 1e-6) {
            return;
        }
        publishedMaxCurrent = max;
        c.out.publish("limits", Limits.builder().uuid(c.cfg.nodeUuid()).maxCurrent(max).nrOfPhasesAvailable(phases())
                .build());
        c.out.add(new Action.OvercurrentLimit(max));
        if (s.hlcSession) {
            c.out.add(new Action.Hlc(new Action.HlcCall.MaxCurrent(max)));
        }
    }

    void requestEnergy(boolean priority) {
        c.out.publishEnergy("energy_flow_request", EnergyRequests.build(c.cfg, s, caps, priority, c.now()));
    }
}
