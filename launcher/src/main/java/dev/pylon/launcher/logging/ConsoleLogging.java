package dev.pylon.launcher.logging;

import java.io.PrintWriter;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Pylon's one console log. Everything ends in java.util.logging: Pylon's own code through {@link System.Logger} (which
 * the JDK backs with java.util.logging), SLF4J users through slf4j-jdk14 on the launcher class path, and Felix through
 * {@link FelixLog}. This replaces the JDK's default console handler with one that prints {@link ConsoleFormatter}
 * lines, and sets the root level.
 */
public final class ConsoleLogging {
    private ConsoleLogging() {
    }

    public static void install(PrintWriter out, LogLevel level) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(level.julLevel());
        root.addHandler(new WriterHandler(out));
    }

    /** Flushes the console handlers (before the JVM halts). */
    public static void flush() {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.flush();
        }
    }

    private static final class WriterHandler extends Handler {
        private final PrintWriter out;

        WriterHandler(PrintWriter out) {
            this.out = out;
            setFormatter(new ConsoleFormatter());
        }

        @Override
        public void publish(LogRecord record) {
            if (!isLoggable(record)) {
                return;
            }
            String line = getFormatter().format(record);
            synchronized (out) {
                out.print(line);
                out.flush();
            }
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            out.flush();
        }
    }
}
