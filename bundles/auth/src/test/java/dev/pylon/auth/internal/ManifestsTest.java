package dev.pylon.auth.internal;

import dev.pylon.runtime.testing.FakeBus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pylon.contract.Contract;
import dev.pylon.contract.ContractLoader;
import dev.pylon.contract.ContractSources;
import dev.pylon.runtime.config.Manifest;
import dev.pylon.runtime.config.ManifestLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The manifests pass the runtime's checks against the real contract, and every config key they declare is one the
 * module reads (and the other way round: the module reads nothing the manifest lacks, or activation fails).
 */
class ManifestsTest {
    private static final Contract CONTRACT = ContractLoader.load(
            ContractSources.fromClassLoader(ManifestsTest.class.getClassLoader()));

    @ParameterizedTest
    @ValueSource(strings = {"Auth", "DummyTokenProvider", "DummyTokenValidator"})
    void theManifestIsValidAndItsDefaultsConfigureTheModule(String module) throws IOException {
        String path = "modules/" + module + "/manifest.yaml";
        String text;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Manifest manifest = ManifestLoader.load(module, path, text, CONTRACT);
        assertThat(manifest.moduleName()).isEqualTo(module);
        var props = FakeBus.properties(module, "m", FakeBus.map("connection_timeout", 10L));
        switch (module) {
            case "Auth" -> {
                assertThat(manifest.provides()).containsOnlyKeys("main");
                assertThat(manifest.requires()).containsOnlyKeys("token_provider", "token_validator", "evse_manager");
                assertThat(AuthConfig.from(props).connectionTimeout()).hasSeconds(10);
            }
            case "DummyTokenProvider" -> {
                assertThat(manifest.requires()).containsOnlyKeys("evse");
                assertThat(dev.pylon.auth.internal.provider.DummyTokenProvider.Config.from(props).token())
                        .isEqualTo("DEADBEEF");
            }
            default -> assertThat(dev.pylon.auth.internal.validator.DummyTokenValidator.Config.from(props).delay())
                    .hasMillis(500);
        }
    }
}
