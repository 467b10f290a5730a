package dev.pylon.launcher.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One line per record: {@code 12:00:01.234 INFO  [source] message}, then the stack trace if there is one. The source
 * is the logger name; a class name ({@code com.networknt.schema.SchemaRegistry}) is shortened to the class.
 */
public final class ConsoleFormatter extends Formatter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private final ZoneId zone;

    public ConsoleFormatter() {
        this(ZoneId.systemDefault());
    }

    ConsoleFormatter(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(96);
        line.append(TIME.format(LocalTime.ofInstant(record.getInstant(), zone))).append(' ');
        String label = LogLevel.label(record.getLevel());
        line.append(label).append(" ".repeat(6 - label.length()));
        line.append('[').append(source(record.getLoggerName())).append("] ");
        line.append(formatMessage(record)).append(System.lineSeparator());
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        return line.toString();
    }

    static String source(String loggerName) {
        if (loggerName == null || loggerName.isEmpty()) {
            return "root";
        }
        int dot = loggerName.lastIndexOf('.');
        if (dot > 0 && dot < loggerName.length() - 1 && Character.isUpperCase(loggerName.charAt(dot + 1))) {
            return loggerName.substring(dot + 1);
        }
        return loggerName;
    }
}
