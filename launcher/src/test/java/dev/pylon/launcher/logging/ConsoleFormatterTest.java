package dev.pylon.launcher.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class ConsoleFormatterTest {
    private final ConsoleFormatter formatter = new ConsoleFormatter(ZoneOffset.UTC);

    private String format(Level level, String logger, String message, Throwable thrown) {
        LogRecord record = new LogRecord(level, message);
        record.setInstant(Instant.parse("2026-11-22T12:00:01.234Z"));
        record.setLoggerName(logger);
        record.setThrown(thrown);
        return formatter.format(record);
    }

    @Test
    void oneLineWithTimeLevelAndSource() {
        assertThat(format(Level.INFO, "pylon", "ready in 812 ms since JVM start", null))
                .isEqualTo("12:00:01.234 INFO  [pylon] ready in 812 ms since JVM start" + System.lineSeparator());
        assertThat(format(Level.WARNING, "felix", "x", null)).startsWith("12:00:01.234 WARN  [felix] x");
        assertThat(format(Level.SEVERE, "connector_1", "x", null)).startsWith("12:00:01.234 ERROR [connector_1] x");
        assertThat(format(Level.FINE, "a", "x", null)).startsWith("12:00:01.234 DEBUG [a] x");
        assertThat(format(Level.FINEST, "a", "x", null)).startsWith("12:00:01.234 TRACE [a] x");
    }

    @Test
    void classNamesAreShortenedToTheClass() {
        assertThat(format(Level.INFO, "com.networknt.schema.SchemaRegistry", "x", null)).contains(" [SchemaRegistry] x");
        assertThat(format(Level.INFO, "dev.pylon.runtime", "x", null)).contains(" [dev.pylon.runtime] x");
        assertThat(format(Level.INFO, null, "x", null)).contains(" [root] x");
    }

    @Test
    void aThrowableFollowsWithItsStackTrace() {
        String text = format(Level.SEVERE, "pylon", "failed", new IllegalStateException("boom"));
        assertThat(text).startsWith("12:00:01.234 ERROR [pylon] failed" + System.lineSeparator()
                + "java.lang.IllegalStateException: boom");
        assertThat(text).contains("at dev.pylon.launcher.logging.ConsoleFormatterTest");
    }

    @Test
    void messageParametersAreFilledIn() {
        LogRecord record = new LogRecord(Level.INFO, "{0} of {1}");
        record.setParameters(new Object[] {"a", "b"});
        record.setLoggerName("p");
        assertThat(formatter.format(record)).contains("[p] a of b");
    }

    @Test
    void felixLevelsMapToJulLevels() {
        assertThat(FelixLog.julLevel(1)).isEqualTo(Level.SEVERE);
        assertThat(FelixLog.julLevel(2)).isEqualTo(Level.WARNING);
        assertThat(FelixLog.julLevel(3)).isEqualTo(Level.INFO);
        assertThat(FelixLog.julLevel(4)).isEqualTo(Level.FINE);
    }
}
