package dev.pylon.boardsupport.sim.internal.sim;

import java.util.Map;

/**
 * The config of one YetiSimulator instance (keys as in its manifest), checked and typed before the simulation sees
 * it.
 *
 * @param connectorId                   the connector the power path belongs to
 * @param resetPowermeterOnSessionStart zero the energy counters at every plug-in
 * @param acNominalVoltage              phase-to-neutral voltage in V
 * @param maxCurrentA                   highest current per phase in A
 * @param minCurrentA                   lowest usable current per phase in A
 * @param maxPhaseCount                 1 or 3
 */
public record YetiConfig(int connectorId, boolean resetPowermeterOnSessionStart, double acNominalVoltage,
        double maxCurrentA, double minCurrentA, int maxPhaseCount) {

    public YetiConfig {
        if (acNominalVoltage <= 0) {
            throw new IllegalArgumentException("ac_nominal_voltage must be positive: " + acNominalVoltage);
        }
        if (minCurrentA < 0 || maxCurrentA < minCurrentA) {
            throw new IllegalArgumentException(
                    "need 0 <= min_current_A <= max_current_A, got " + minCurrentA + " and " + maxCurrentA);
        }
        if (maxPhaseCount != 1 && maxPhaseCount != 3) {
            throw new IllegalArgumentException("max_phase_count must be 1 or 3: " + maxPhaseCount);
        }
    }

    /** The manifest's defaults for connector {@code connectorId}. */
    public static YetiConfig defaults(int connectorId) {
        return new YetiConfig(connectorId, true, 230, 32, 6, 3);
    }

    /** Reads the config from component properties (config keys under their own names; defaults where absent). */
    public static YetiConfig from(Map<String, ?> props) {
        Object connector = props.get("connector_id");
        if (!(connector instanceof Number n)) {
            throw new IllegalArgumentException("config key connector_id (integer) is missing");
        }
        return new YetiConfig(n.intValue(),
                bool(props, "reset_powermeter_on_session_start", true),
                number(props, "ac_nominal_voltage", 230),
                number(props, "max_current_A", 32),
                number(props, "min_current_A", 6),
                (int) number(props, "max_phase_count", 3));
    }

    private static double number(Map<String, ?> props, String key, double fallback) {
        Object v = props.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("config key " + key + " must be a number, got " + v);
    }

    private static boolean bool(Map<String, ?> props, String key, boolean fallback) {
        Object v = props.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("config key " + key + " must be a boolean, got " + v);
    }
}
