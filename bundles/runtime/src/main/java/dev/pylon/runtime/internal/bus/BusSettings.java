package dev.pylon.runtime.internal.bus;

import java.util.Map;

/**
 * The settings of the runtime config that shape the bus.
 *
 * @param validateSchema       {@code validate_schema}: check cmd arguments, results and vars against the contract
 * @param cmdTimeoutMs         {@code cmd_timeout_ms}: how long a caller waits for a cmd result (pool mode)
 * @param cmdDirect            {@code cmd_direct}: run cmds on the caller's thread, without a time limit
 * @param varQueueCapacity     {@code var_queue_capacity}: per-subscriber queue length; the oldest entry is dropped
 *                             when it is full
 * @param errorHistoryCapacity how many raise and clear events the error history keeps
 */
public record BusSettings(boolean validateSchema, long cmdTimeoutMs, boolean cmdDirect, int varQueueCapacity,
        int errorHistoryCapacity) {

    public static final long DEFAULT_CMD_TIMEOUT_MS = 10_000;
    public static final int DEFAULT_VAR_QUEUE_CAPACITY = 1024;
    public static final int DEFAULT_ERROR_HISTORY_CAPACITY = 1000;

    public BusSettings {
        if (cmdTimeoutMs <= 0) {
            throw new IllegalArgumentException("cmd_timeout_ms must be positive, is " + cmdTimeoutMs);
        }
        if (varQueueCapacity <= 0) {
            throw new IllegalArgumentException("var_queue_capacity must be positive, is " + varQueueCapacity);
        }
        if (errorHistoryCapacity <= 0) {
            throw new IllegalArgumentException("error history capacity must be positive, is " + errorHistoryCapacity);
        }
    }

    public static BusSettings defaults() {
        return new BusSettings(true, DEFAULT_CMD_TIMEOUT_MS, false, DEFAULT_VAR_QUEUE_CAPACITY,
                DEFAULT_ERROR_HISTORY_CAPACITY);
    }

    /** Reads the {@code settings} of a runtime config; absent keys take their defaults. */
    public static BusSettings from(Map<String, Object> settings) {
        return new BusSettings(
                bool(settings, "validate_schema", true),
                number(settings, "cmd_timeout_ms", DEFAULT_CMD_TIMEOUT_MS),
                bool(settings, "cmd_direct", false),
                (int) number(settings, "var_queue_capacity", DEFAULT_VAR_QUEUE_CAPACITY),
                DEFAULT_ERROR_HISTORY_CAPACITY);
    }

    public BusSettings withValidateSchema(boolean on) {
        return new BusSettings(on, cmdTimeoutMs, cmdDirect, varQueueCapacity, errorHistoryCapacity);
    }

    public BusSettings withCmdTimeoutMs(long ms) {
        return new BusSettings(validateSchema, ms, cmdDirect, varQueueCapacity, errorHistoryCapacity);
    }

    public BusSettings withCmdDirect(boolean direct) {
        return new BusSettings(validateSchema, cmdTimeoutMs, direct, varQueueCapacity, errorHistoryCapacity);
    }

    public BusSettings withVarQueueCapacity(int capacity) {
        return new BusSettings(validateSchema, cmdTimeoutMs, cmdDirect, capacity, errorHistoryCapacity);
    }

    private static boolean bool(Map<String, Object> settings, String key, boolean fallback) {
        Object value = settings.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("setting " + key + " must be true or false, is " + value);
    }

    private static long number(Map<String, Object> settings, String key, long fallback) {
        Object value = settings.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw new IllegalArgumentException("setting " + key + " must be a whole number, is " + value);
    }
}
