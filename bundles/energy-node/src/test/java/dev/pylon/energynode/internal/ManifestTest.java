package dev.pylon.energynode.internal;

import dev.pylon.runtime.testing.FakeBus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pylon.contract.ContractLoader;
import dev.pylon.contract.ContractSources;
import dev.pylon.runtime.config.Manifest;
import dev.pylon.runtime.config.ManifestLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The manifest passes the runtime's checks against the real contract and configures the module. */
class ManifestTest {
    @Test
    void theManifestIsValidAndConfiguresTheModule() throws IOException {
        String path = "modules/EnergyNode/manifest.yaml";
        String text;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Manifest manifest = ManifestLoader.load("EnergyNode", path, text,
                ContractLoader.load(ContractSources.fromClassLoader(getClass().getClassLoader())));
        assertThat(manifest.provides()).containsOnlyKeys("energy_grid", "external_limits");
        assertThat(manifest.requires()).containsOnlyKeys("energy_consumer", "powermeter");
        assertThat(manifest.config().get("fuse_limit_A").mandatory()).isTrue();

        EnergyNodeConfig config = EnergyNodeConfig.from(FakeBus.properties("EnergyNode", "grid",
                FakeBus.map("fuse_limit_A", 40L, "phase_count", 3L)));
        assertThat(config).isEqualTo(EnergyNodeConfig.fuse(40, 3));
        assertThatThrownBy(() -> EnergyNodeConfig.from(FakeBus.properties("EnergyNode", "grid", FakeBus.map())))
                .hasMessageContaining("fuse_limit_A");
    }
}
