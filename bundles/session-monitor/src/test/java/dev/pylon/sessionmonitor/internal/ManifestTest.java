package dev.pylon.sessionmonitor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pylon.contract.ContractLoader;
import dev.pylon.contract.ContractSources;
import dev.pylon.runtime.config.Manifest;
import dev.pylon.runtime.config.ManifestLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The manifest passes the runtime's checks against the real contract, and its config reaches the module. */
class ManifestTest {
    @Test
    void theManifestIsValid() throws IOException {
        String path = "modules/SessionMonitor/manifest.yaml";
        String text;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Manifest manifest = ManifestLoader.load("SessionMonitor", path, text,
                ContractLoader.load(ContractSources.fromClassLoader(getClass().getClassLoader())));
        assertThat(manifest.provides()).containsOnlyKeys("main");
        assertThat(manifest.provides().get("main").interfaceName()).isEqualTo("empty");
        assertThat(manifest.requires()).containsOnlyKeys("evse_manager", "powermeter");
        assertThat(manifest.requires().get("evse_manager").minConnections()).isEqualTo(1);
        assertThat(manifest.requires().get("powermeter").minConnections()).isZero();
        assertThat(manifest.config()).containsOnlyKeys("power_interval_s");
    }

    @Test
    void theIntervalIsRead() {
        assertThat(SessionMonitor.powerInterval(Map.of("power_interval_s", 2.5))).isEqualTo(Duration.ofMillis(2500));
        assertThat(SessionMonitor.powerInterval(Map.of("power_interval_s", 0L))).isEqualTo(Duration.ZERO);
        assertThat(SessionMonitor.powerInterval(Map.of())).isEqualTo(Duration.ofSeconds(5));
    }
}
