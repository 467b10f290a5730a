package dev.pylon.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What `./pylon run` prints for a session: session_monitor of config/sim-ac.yaml, through the bus. */
class SessionMonitorScenarioTest {
    private static final Logger MONITOR = Logger.getLogger("dev.pylon.sessionmonitor.internal.SessionMonitor");
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel() == Level.INFO) {
                lines.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        MONITOR.addHandler(handler);
    }

    @AfterEach
    void stop() {
        MONITOR.removeHandler(handler);
    }

    @Test
    void aSessionReadsAtAGlance() {
        try (SimAc sim = new SimAc()) {
            sim.chargeUntilPowerFlows();
            sim.run(Duration.ofSeconds(60));
            sim.unplug();
            sim.run(Duration.ofSeconds(5));
        }
        assertThat(lines).first().asString().startsWith("connector_1  Enabled");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("connector_1  TransactionStarted")
                .endsWith("token DEADBEEF"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(
                "connector_1  charging +11\\.0 kW +0\\.\\d\\d kWh  16\\.0 A x3"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(
                "connector_1  TransactionFinished +\\d+\\.\\d kW +0\\.1\\d kWh  EVDisconnected after 1 min 0\\d s"));
        assertThat(lines).last().asString().matches("connector_1  (SessionFinished|no power) .*");
        // while power flows, a line at least every 5 s: 60 s give a dozen
        assertThat(lines.stream().filter(l -> l.startsWith("connector_1  charging")).count()).isBetween(11L, 15L);
    }
}
