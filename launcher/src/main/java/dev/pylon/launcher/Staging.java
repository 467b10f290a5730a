package dev.pylon.launcher;

import dev.pylon.launcher.features.MavenUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder the build stages bundles into ({@code launcher/target/bundles}, see launcher/pom.xml): every bundle the
 * features name, as {@code artifactId-version.jar}, and the features file itself as {@value #FEATURES_FILE}.
 */
public final class Staging {
    public static final String FEATURES_FILE = "pylon-features.xml";
    private final Path dir;

    public Staging(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** {@code bundles/} beside the launcher jar, or beside {@code target/classes} when run from the build. */
    public static Staging besideLauncher() {
        try {
            Path codeSource = Path.of(Staging.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new Staging(codeSource.getParent().resolve("bundles"));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the launcher: " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Path featuresFile() {
        return dir.resolve(FEATURES_FILE);
    }

    /** Throws unless the folder and its features file exist. */
    public void check() throws LaunchException {
        if (!Files.isRegularFile(featuresFile())) {
            throw new LaunchException(ExitCode.FRAMEWORK_FAILED, "no staged bundles: " + featuresFile()
                    + " does not exist (build with: mvn -B install)");
        }
    }

    /** The staged file of a bundle. @throws LaunchException when the build did not stage it */
    public Path file(MavenUrl url) throws LaunchException {
        Path file = dir.resolve(url.fileName());
        if (!Files.isRegularFile(file)) {
            throw new LaunchException(ExitCode.FRAMEWORK_FAILED, "bundle " + url + " is named by a feature but not staged: "
                    + file + " does not exist (launcher/pom.xml stages the bundles; rebuild with: mvn -B install)");
        }
        return file;
    }

    /** Every staged jar, sorted by name. */
    public List<Path> jars() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
