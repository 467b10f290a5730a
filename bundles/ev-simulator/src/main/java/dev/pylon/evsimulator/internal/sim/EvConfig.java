package dev.pylon.evsimulator.internal.sim;

import java.util.Map;

/**
 * The config of one EvManager instance (keys as in its manifest), typed before the simulation sees it.
 *
 * @param connectorId      the connector the car is plugged into
 * @param autoEnable       switch the simulation on at start
 * @param autoExec         run {@code autoExecCommands} at start
 * @param autoExecInfinite run that script again and again
 * @param autoExecCommands the script for {@code autoExec}
 * @param maxCurrent       the car's AC current per phase until a script says otherwise, in A
 * @param threePhases      whether the car charges on three phases until a script says otherwise
 */
public record EvConfig(int connectorId, boolean autoEnable, boolean autoExec, boolean autoExecInfinite,
        String autoExecCommands, double maxCurrent, boolean threePhases) {

    public EvConfig {
        autoExecCommands = autoExecCommands == null ? "" : autoExecCommands;
        if (maxCurrent < 0) {
            throw new IllegalArgumentException("max_current must not be negative: " + maxCurrent);
        }
    }

    /** The manifest's defaults for connector {@code connectorId}. */
    public static EvConfig defaults(int connectorId) {
        return new EvConfig(connectorId, false, false, false, "", 16, true);
    }

    /** Reads the config from component properties (config keys under their own names; defaults where absent). */
    public static EvConfig from(Map<String, ?> props) {
        if (!(props.get("connector_id") instanceof Number connector)) {
            throw new IllegalArgumentException("config key connector_id (integer) is missing");
        }
        return new EvConfig(connector.intValue(), value(props, "auto_enable", Boolean.class, false),
                value(props, "auto_exec", Boolean.class, false), value(props, "auto_exec_infinite", Boolean.class, false),
                value(props, "auto_exec_commands", String.class, ""),
                value(props, "max_current", Number.class, 16).doubleValue(),
                value(props, "three_phases", Boolean.class, true));
    }

    private static <T> T value(Map<String, ?> props, String key, Class<T> type, T fallback) {
        Object v = props.get(key);
        if (v == null) {
            return fallback;
        }
        if (type.isInstance(v)) {
            return type.cast(v);
        }
        throw new IllegalArgumentException("config key " + key + " must be a " + type.getSimpleName().toLowerCase()
                + ", got " + v);
    }
}
