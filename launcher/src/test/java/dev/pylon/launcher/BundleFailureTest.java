package dev.pylon.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pylon.runtime.config.ConfigLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle that does not resolve: exit code 3, naming the bundle and its missing requirement (real Felix, in process). */
class BundleFailureTest {
    @TempDir
    Path dir;

    @Test
    void anUnresolvableBundleIsNamedWithWhatItLacks() throws Exception {
        TestStaging staging = new TestStaging(Files.createDirectories(dir.resolve("bundles")));
        staging.jar("broken-1.0.0.jar", Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "broken",
                "Bundle-Version", "1.0.0", "Import-Package", "does.not.exist;version=\"[1.0,2)\""), Map.of());
        staging.features("<feature name=\"f\"><bundle>mvn:g/broken/1.0.0</bundle></feature>");
        Path config = staging.write("c.yaml", "active_modules: {}\n");
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"run", "--config", config.toString(), "--bundles", staging.dir().toString(),
            "--storage", dir.resolve("cache").toString(), "--feature", "f"}, new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true), new Launcher.Services(null, ConfigLoader::load, false));
        assertThat(code).isEqualTo(ExitCode.FRAMEWORK_FAILED);
        assertThat(err.toString()).contains("1 bundle did not resolve:")
                .contains("broken 1.0.0: Unable to resolve broken")
                .contains("missing requirement").contains("osgi.wiring.package=does.not.exist")
                .doesNotContain("Unresolved requirements");
    }
}
