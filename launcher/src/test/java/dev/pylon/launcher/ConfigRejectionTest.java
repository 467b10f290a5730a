package dev.pylon.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pylon.runtime.config.ConfigLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.launch.FrameworkFactory;

/** A config, manifest or contract that is rejected ends {@code run} with exit code 1, every problem printed, nothing started. */
class ConfigRejectionTest {
    @TempDir
    Path dir;

    private TestStaging staging;
    private final StringWriter err = new StringWriter();
    private final AtomicInteger frameworks = new AtomicInteger();
    private final FrameworkFactory noFramework = config -> {
        frameworks.incrementAndGet();
        throw new IllegalStateException("no framework in this test");
    };

    @BeforeEach
    void stage() throws Exception {
        staging = new TestStaging(Files.createDirectories(dir.resolve("bundles")));
        staging.moduleJar("meter", Map.of("Meter", Manifests.meter("A meter for tests")));
        staging.features("""
                <feature name="pylon-sim-ac">
                  <bundle>mvn:dev.pylon/dev.pylon.api/1.0.0</bundle>
                  <bundle>mvn:dev.pylon/meter/1.0.0</bundle>
                </feature>
                """);
    }

    private int run(Path config) {
        return Main.execute(new String[] {"run", "--config", config.toString(), "--bundles", staging.dir().toString(),
            "--storage", dir.resolve("cache").toString()}, new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true), new Launcher.Services(noFramework, ConfigLoader::load, false));
    }

    @Test
    void everyProblemOfABadConfigIsPrintedAndNothingStarts() throws Exception {
        Path config = staging.write("bad.yaml", """
                settings:
                  validate_schema: maybe
                active_modules:
                  meter_1:
                    module: Meter
                    config_module:
                      interval_ms: fast
                      colour: red
                  charger:
                    module: EvseManager
                """);
        assertThat(run(config)).isEqualTo(ExitCode.CONFIG_REJECTED);
        String printed = err.toString();
        assertThat(printed).contains(config + ":2:").contains(config + ":7:").contains(config + ":8:")
                .contains(config + ":10:")
                .contains("colour").contains("unknown module type 'EvseManager'").contains("Nothing was started.");
        assertThat(printed.lines().filter(l -> l.startsWith("  " + config + ":")).count()).isEqualTo(4);
        assertThat(frameworks).hasValue(0);
        assertThat(Files.exists(dir.resolve("cache"))).isFalse();
    }

    @Test
    void aBadModuleManifestInAStagedBundleRejectsTheRun() {
        staging.moduleJar("broken", Map.of("Broken", "description: x\nprovides: {}\n"));
        Path config = staging.write("ok.yaml", "active_modules: {}\n");
        assertThat(run(config)).isEqualTo(ExitCode.CONFIG_REJECTED);
        assertThat(err.toString()).contains("broken-1.0.0.jar!/modules/Broken/manifest.yaml")
                .contains("Nothing was started.");
        assertThat(frameworks).hasValue(0);
    }

    @Test
    void aValidConfigGetsAsFarAsTheFramework() {
        Path config = staging.write("ok.yaml", """
                active_modules:
                  meter_1:
                    module: Meter
                """);
        assertThat(run(config)).isEqualTo(ExitCode.FRAMEWORK_FAILED); // the factory refuses
        assertThat(frameworks).hasValue(1);
        assertThat(err.toString()).contains("cannot create the framework: no framework in this test");
        assertThat(err.toString()).containsPattern("ok\\.yaml: 1 module checked in \\d+ ms; features \\[pylon-sim-ac\\]: 2 bundles");
    }
}
