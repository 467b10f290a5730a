package dev.pylon.evsemanager.internal.session;

import dev.pylon.api.types.boardsupportcommon.ProximityPilot;
import dev.pylon.api.types.energy.EnforcedLimits;
import dev.pylon.api.types.energy.LimitsRes;
import dev.pylon.api.types.evseboardsupport.HardwareCapabilities;
import dev.pylon.evsemanager.internal.iec.PwmDuty;
import java.time.Duration;
import java.time.Instant;

/**
 * The current this EVSE may signal, per phase: the energy manager's last {@code enforce_limits} while it is valid,
 * bounded by the config, the hardware and (on a socket) the cable's proximity-pilot rating. No limit received yet, an
 * expired one ({@code valid_for} ran out) or a socket whose cable rating is unknown all mean 0 A.
 */
public final class PowerBudget {
    /** The highest current a duty cycle can signal. */
    static final double ABSOLUTE_MAX_A = 80.0;

    private final double configMaxA;
    private final double nominalVoltage;
    private double enforcedA;
    private Instant validUntil;
    private Double hardwareMaxA;
    private boolean socket;
    private Double cableMaxA;

    public PowerBudget(double configMaxA, double nominalVoltage) {
        this.configMaxA = configMaxA;
        this.nominalVoltage = nominalVoltage;
    }

    /**
     * Takes new limits from the energy manager. The current is the smaller of {@code ac_max_current_A} and
     * {@code total_power_W} turned into amps at the nominal voltage over {@code phases}; a negative (export) limit
     * signals 0 A, as PWM cannot discharge. Returns when the limits expire.
     */
    public Instant enforce(EnforcedLimits limits, Instant now, int phases) {
        LimitsRes root = limits.limitsRootSide();
        double limit = Double.NaN;
        if (root != null && root.acMaxCurrentA() != null) {
            limit = root.acMaxCurrentA().value();
        }
        if (root != null && root.totalPowerW() != null && nominalVoltage > 0 && phases > 0) {
            double fromPower = root.totalPowerW().value() / nominalVoltage / phases;
            limit = Double.isNaN(limit) ? fromPower : Math.min(limit, fromPower);
        }
        enforcedA = Double.isNaN(limit) ? 0.0 : Math.max(0.0, limit);
        validUntil = now.plus(Duration.ofSeconds(Math.max(0, limits.validFor())));
        return validUntil;
    }

    public void hardware(HardwareCapabilities caps) {
        hardwareMaxA = caps.maxCurrentAImport();
        socket = caps.connectorType() == HardwareCapabilities.ConnectorType.IEC62196Type2Socket;
    }

    public void cable(ProximityPilot pp, boolean threePhases) {
        cableMaxA = switch (pp.ampacity()) {
            case None -> 0.0;
            case A_13 -> 13.0;
            case A_20 -> 20.0;
            case A_32 -> 32.0;
            case A_63_3ph_70_1ph -> threePhases ? 63.0 : 70.0;
        };
    }

    /** The limits are there and have not expired. */
    public boolean valid(Instant now) {
        return validUntil != null && now.isBefore(validUntil);
    }

    /** The current to signal now, in ampere (0 when nothing may be drawn). */
    public double maxCurrent(Instant now) {
        if (!valid(now)) {
            return 0.0;
        }
        double a = Math.min(Math.min(enforcedA, configMaxA), ABSOLUTE_MAX_A);
        if (hardwareMaxA != null) {
            a = Math.min(a, hardwareMaxA);
        }
        if (socket) {
            a = Math.min(a, cableMaxA == null ? 0.0 : cableMaxA);
        }
        return a;
    }

    /** AC power is available: the current can be signalled (above 5.9 A). */
    public boolean available(Instant now) {
        return PwmDuty.powerAvailable(maxCurrent(now));
    }

    /** The limit received last, before the local bounds; 0 before any. */
    public double enforcedA() {
        return enforcedA;
    }

    public Instant validUntil() {
        return validUntil;
    }

    public Double hardwareMaxA() {
        return hardwareMaxA;
    }
}
