package dev.pylon.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pylon.launcher.features.BundleRef;
import dev.pylon.launcher.features.FeaturesFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The features file (features/) and the staging (launcher/pom.xml) cannot drift: every bundle a feature names is
 * staged at the version the feature names, and every staged jar is named by a feature.
 */
class FeatureStagingIT {
    private final Staging staging = new Staging(Path.of(System.getProperty("pylon.bundles", "target/bundles")));

    @Test
    void everyBundleOfEveryFeatureIsStagedAndNothingElseIs() throws Exception {
        FeaturesFile features = FeaturesFile.read(staging.featuresFile());
        assertThat(Files.readString(staging.featuresFile())).doesNotContain("${");
        Set<String> named = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        for (BundleRef bundle : features.resolve(features.features().keySet())) {
            named.add(bundle.url().fileName());
            if (!Files.isRegularFile(staging.dir().resolve(bundle.url().fileName()))) {
                missing.add(bundle.url() + " -> " + bundle.url().fileName());
            }
        }
        assertThat(missing).as("bundles named by %s but not staged in %s", staging.featuresFile(), staging.dir()).isEmpty();
        Set<String> staged = new TreeSet<>();
        staging.jars().forEach(jar -> staged.add(jar.getFileName().toString()));
        assertThat(staged).as("staged jars that no feature names").isEqualTo(named);
    }

    @Test
    void theDefaultStackIsThere() {
        FeaturesFile features = FeaturesFile.read(staging.featuresFile());
        assertThat(features.features()).containsKeys("pylon-runtime", "pylon-sim-ac");
        assertThat(features.resolve(List.of("pylon-sim-ac"))).extracting(b -> b.url().artifactId())
                .contains("org.apache.felix.scr", "org.apache.felix.configadmin", "dev.pylon.runtime");
    }
}
