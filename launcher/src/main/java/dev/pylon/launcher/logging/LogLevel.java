package dev.pylon.launcher.logging;

import java.util.logging.Level;

/** The levels of {@code --log-level}, with what each means to java.util.logging, Felix and SCR. */
public enum LogLevel {
    ERROR(Level.SEVERE, 1, "error"),
    WARN(Level.WARNING, 2, "warn"),
    INFO(Level.INFO, 3, "warn"), // SCR prints to stdout in its own format: only what matters
    DEBUG(Level.FINE, 4, "debug"),
    TRACE(Level.FINEST, 4, "debug");

    private final Level julLevel;
    private final int felixLevel;
    private final String scrLevel;

    LogLevel(Level julLevel, int felixLevel, String scrLevel) {
        this.julLevel = julLevel;
        this.felixLevel = felixLevel;
        this.scrLevel = scrLevel;
    }

    /** The java.util.logging root level (System.Logger and SLF4J both end there). */
    public Level julLevel() {
        return julLevel;
    }

    /** {@code felix.log.level}: 1 error, 2 warning, 3 info, 4 debug. */
    public int felixLevel() {
        return felixLevel;
    }

    /** {@code ds.loglevel} for SCR. */
    public String scrLevel() {
        return scrLevel;
    }

    /** How a java.util.logging level is shown: SEVERE as ERROR, FINE as DEBUG, FINER and FINEST as TRACE. */
    public static String label(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        } else if (value >= Level.WARNING.intValue()) {
            return "WARN";
        } else if (value >= Level.CONFIG.intValue()) {
            return "INFO";
        } else if (value >= Level.FINE.intValue()) {
            return "DEBUG";
        }
        return "TRACE";
    }
}
