package dev.pylon.boardsupport.sim.internal.sim;

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

/** The manifest passes the runtime's checks against the real contract, and its keys configure the simulation. */
class ManifestTest {
    @Test
    void theManifestIsValidAndItsKeysConfigureTheSimulation() throws IOException {
        String path = "modules/YetiSimulator/manifest.yaml";
        String text;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Manifest manifest = ManifestLoader.load("YetiSimulator", path, text,
                ContractLoader.load(ContractSources.fromClassLoader(getClass().getClassLoader())));
        assertThat(manifest.provides()).containsOnlyKeys("board_support", "ev_board_support", "powermeter",
                "connector_lock");
        assertThat(manifest.requires()).isEmpty();
        assertThat(manifest.config()).containsOnlyKeys("connector_id", "reset_powermeter_on_session_start",
                "ac_nominal_voltage", "max_current_A", "min_current_A", "max_phase_count");
        assertThat(manifest.config().get("connector_id").mandatory()).isTrue();

        // ConfigAdmin hands integers over as Long
        assertThat(YetiConfig.from(Map.of("connector_id", 2L, "max_phase_count", 1L, "ac_nominal_voltage", 120L)))
                .isEqualTo(new YetiConfig(2, true, 120, 32, 6, 1));
        assertThatThrownBy(() -> YetiConfig.from(Map.of())).hasMessageContaining("connector_id");
        assertThatThrownBy(() -> YetiConfig.from(Map.of("connector_id", 1, "max_phase_count", 2)))
                .hasMessageContaining("max_phase_count must be 1 or 3");
    }
}
