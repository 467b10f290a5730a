package dev.pylon.runtime.internal.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pylon.contract.Problem;
import dev.pylon.runtime.config.Manifest;
import dev.pylon.runtime.internal.bus.Fixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

class ManifestScannerTest {
    private static final String MANIFEST = """
            description: Test board
            provides:
              bsp:
                interface: evse_board_support
                description: the board
            metadata:
              license: https://opensource.org/licenses/Apache-2.0
              authors: [Pylon tests]
            """;

    @TempDir
    Path dir;

    /** A bundle whose entries are the given files (path to text). */
    private Bundle bundle(String name, String version, Map<String, String> files) {
        Path root = dir.resolve(name + "-" + version);
        files.forEach((path, text) -> {
            try {
                Files.createDirectories(root.resolve(path).getParent());
                Files.writeString(root.resolve(path), text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return Fakes.of(Bundle.class, Map.of(
                "getSymbolicName", a -> name,
                "getVersion", a -> Version.parseVersion(version),
                "getEntryPaths", a -> {
                    Path folder = root.resolve((String) a[0]);
                    if (!Files.isDirectory(folder)) {
                        return null;
                    }
                    try (var list = Files.list(folder)) {
                        return Collections.enumeration(list.map(p -> a[0] + p.getFileName().toString()
                                + (Files.isDirectory(p) ? "/" : "")).toList());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                "getEntry", a -> {
                    Path file = root.resolve((String) a[0]);
                    try {
                        return Files.exists(file) ? file.toUri().toURL() : null;
                    } catch (java.net.MalformedURLException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
    }

    @Test
    void manifestsAreFoundUnderModulesAndTheHighestBundleVersionWins() {
        Bundle v1 = bundle("dev.pylon.board", "1.0.0", Map.of("modules/Board/manifest.yaml", MANIFEST));
        Bundle v2 = bundle("dev.pylon.board", "1.1.0", Map.of("modules/Board/manifest.yaml",
                MANIFEST.replace("Test board", "Test board v2")));
        Bundle broken = bundle("dev.pylon.broken", "1.0.0", Map.of("modules/Broken/manifest.yaml", "description: [",
                "modules/NoManifest/readme.txt", "x"));
        Bundle other = bundle("other", "1.0.0", Map.of("x.txt", "x"));
        List<Problem> problems = new ArrayList<>();
        Map<String, Manifest> found = ManifestScanner.scan(new Bundle[] {v2, v1, broken, other}, Fixture.CONTRACT,
                problems);
        assertThat(found).containsOnlyKeys("Board");
        assertThat(found.get("Board").description()).isEqualTo("Test board v2");
        assertThat(found.get("Board").source()).startsWith("dev.pylon.board:");
        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.file()).contains("Broken"));
    }
}
