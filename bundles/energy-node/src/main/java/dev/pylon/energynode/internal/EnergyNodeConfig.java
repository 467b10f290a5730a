package dev.pylon.energynode.internal;

import dev.pylon.runtime.ModuleConfig;
import java.util.Map;

/**
 * The config of one EnergyNode (keys as in its manifest), typed before the logic sees it.
 *
 * @param fuseLimitA              fuse current per phase in A
 * @param phaseCount              highest phase count behind the fuse; 0: not limited
 * @param enhanceExternalSchedule derive a current limit from an external total_power_W limit
 * @param nominalVoltageV         phase voltage used for that
 */
public record EnergyNodeConfig(double fuseLimitA, int phaseCount, boolean enhanceExternalSchedule,
        double nominalVoltageV) {

    public EnergyNodeConfig {
        if (!(fuseLimitA >= 0)) {
            throw new IllegalArgumentException("fuse_limit_A must be 0 or more: " + fuseLimitA);
        }
        if (phaseCount < 0 || phaseCount > 3) {
            throw new IllegalArgumentException("phase_count must be 0 to 3: " + phaseCount);
        }
        if (!(nominalVoltageV > 0)) {
            throw new IllegalArgumentException("nominal_voltage_V must be positive: " + nominalVoltageV);
        }
    }

    /** A fuse with the manifest's defaults for the other keys. */
    public static EnergyNodeConfig fuse(double fuseLimitA, int phaseCount) {
        return new EnergyNodeConfig(fuseLimitA, phaseCount, false, 230.0);
    }

    public static EnergyNodeConfig from(Map<String, ?> properties) {
        ModuleConfig p = new ModuleConfig(properties);
        return new EnergyNodeConfig(p.number("fuse_limit_A"), (int) p.integer("phase_count"),
                p.bool("enhance_external_schedule"), p.number("nominal_voltage_V"));
    }
}
