package dev.pylon.evsimulator.internal.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pylon.contract.ContractLoader;
import dev.pylon.contract.ContractSources;
import dev.pylon.runtime.config.Manifest;
import dev.pylon.runtime.config.ManifestLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The manifest passes the runtime's checks against the real contract, and its keys configure the car. */
class ManifestTest {
    @Test
    void theManifestIsValidAndItsKeysConfigureTheCar() throws IOException {
        String path = "modules/EvManager/manifest.yaml";
        String text;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Manifest manifest = ManifestLoader.load("EvManager", path, text,
                ContractLoader.load(ContractSources.fromClassLoader(getClass().getClassLoader())));
        assertThat(manifest.provides()).containsOnlyKeys("main");
        assertThat(manifest.requires()).containsOnlyKeys("ev_board_support");
        assertThat(manifest.config()).containsOnlyKeys("connector_id", "auto_enable", "auto_exec",
                "auto_exec_infinite", "auto_exec_commands", "max_current", "three_phases");

        assertThat(EvConfig.from(Map.of("connector_id", 1L, "auto_exec", true, "auto_exec_commands", "unplug",
                "max_current", 32L))).isEqualTo(new EvConfig(1, false, true, false, "unplug", 32, true));
        assertThatThrownBy(() -> EvConfig.from(Map.of("connector_id", 1, "auto_enable", "yes")))
                .hasMessageContaining("auto_enable must be a boolean");
    }
}
