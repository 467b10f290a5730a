package dev.pylon.launcher.logging;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.felix.framework.util.FelixConstants;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * The framework's own log ({@link FelixConstants#LOG_LOGGER_PROP}), sent to the java.util.logging logger {@code felix}
 * instead of Felix's stdout format. Felix filters by {@code felix.log.level} before this is called.
 */
public final class FelixLog extends org.apache.felix.framework.Logger {
    private static final Logger LOG = Logger.getLogger("felix");

    @Override
    protected void doLog(Bundle bundle, @SuppressWarnings("rawtypes") ServiceReference ref, int level, String message,
            Throwable throwable) {
        StringBuilder text = new StringBuilder();
        if (bundle != null) {
            text.append(bundle.getSymbolicName() == null ? bundle.getLocation() : bundle.getSymbolicName())
                    .append(" [").append(bundle.getBundleId()).append("]: ");
        }
        if (ref != null) {
            text.append(ref).append(": ");
        }
        text.append(message);
        LOG.log(julLevel(level), text.toString(), throwable);
    }

    /** Messages without a bundle, for example from the resolver. */
    @Override
    protected void doLog(int level, String message, Throwable throwable) {
        LOG.log(julLevel(level), message, throwable);
    }

    static Level julLevel(int felixLevel) {
        return switch (felixLevel) {
            case LOG_ERROR -> Level.SEVERE;
            case LOG_WARNING -> Level.WARNING;
            case LOG_INFO -> Level.INFO;
            default -> Level.FINE;
        };
    }
}
