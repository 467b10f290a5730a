package dev.pylon.runtime;

import java.util.Map;

/**
 * Typed reads of a module's config from its component properties. The runtime puts every key of the manifest there
 * (defaults filled in; implementation keys as {@code <impl>.<key>}) as Boolean, Long, Double or String, so a missing
 * key or a wrong type is a wiring fault and fails activation with the key's name.
 */
public final class ModuleConfig {
    private final Map<String, ?> props;

    public ModuleConfig(Map<String, ?> props) {
        this.props = props;
    }

    public String string(String key) {
        Object v = require(key);
        if (v instanceof String s) {
            return s;
        }
        throw wrong(key, "a string", v);
    }

    public long integer(String key) {
        Object v = require(key);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw wrong(key, "an integer", v);
    }

    public double number(String key) {
        Object v = require(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw wrong(key, "a number", v);
    }

    public boolean bool(String key) {
        Object v = require(key);
        if (v instanceof Boolean b) {
            return b;
        }
        throw wrong(key, "a boolean", v);
    }

    private Object require(String key) {
        Object v = props.get(key);
        if (v == null) {
            throw new IllegalArgumentException("config key " + key + " is missing");
        }
        return v;
    }

    private static IllegalArgumentException wrong(String key, String expected, Object v) {
        return new IllegalArgumentException("config key " + key + " must be " + expected + ", got " + v + " ("
                + v.getClass().getSimpleName() + ")");
    }
}
