package dev.pylon.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pylon.launcher.features.FeaturesFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which bundles are installed: features, module name → bundle from the staged manifests, unused module bundles left out. */
class LaunchPlanTest {
    @TempDir
    Path dir;

    private TestStaging staging;
    private Path meters;
    private Path chargers;

    @BeforeEach
    void stage() {
        staging = new TestStaging(dir);
        staging.jar("lib-1.0.0.jar", Map.of("lib/x.txt", "x"));
        meters = staging.moduleJar("meters", Map.of("Meter", Manifests.meter("m"), "OtherMeter", Manifests.meter("o")));
        chargers = staging.moduleJar("chargers", Map.of("Charger", Manifests.meter("c")));
        staging.features("""
                <feature name="runtime">
                  <bundle>mvn:dev.pylon/dev.pylon.api/1.0.0</bundle>
                  <bundle>mvn:dev.pylon/lib/1.0.0</bundle>
                </feature>
                <feature name="meters">
                  <feature>runtime</feature>
                  <bundle>mvn:dev.pylon/meters/1.0.0</bundle>
                </feature>
                <feature name="chargers">
                  <feature>runtime</feature>
                  <bundle>mvn:dev.pylon/chargers/1.0.0</bundle>
                </feature>
                <feature name="all">
                  <feature>meters</feature>
                  <feature>chargers</feature>
                </feature>
                """);
    }

    private LaunchPlan plan(List<String> features, List<String> modules) throws LaunchException {
        BundleScan scan = BundleScan.scan(staging.staging().jars());
        return LaunchPlan.of(FeaturesFile.read(staging.staging().featuresFile()), features, modules, scan,
                staging.staging());
    }

    private static List<String> files(LaunchPlan plan) {
        return plan.bundles().stream().map(b -> b.file().getFileName().toString()).toList();
    }

    @Test
    void theScanMapsEveryModuleToItsBundleAndFindsTheContract() throws Exception {
        BundleScan scan = BundleScan.scan(staging.staging().jars());
        assertThat(scan.modules()).containsOnlyKeys("Meter", "OtherMeter", "Charger");
        assertThat(scan.modules().get("Meter").jar()).isEqualTo(meters);
        assertThat(scan.modules().get("Charger").source()).isEqualTo("chargers-1.0.0.jar!/modules/Charger/manifest.yaml");
        assertThat(scan.moduleJars()).containsExactlyInAnyOrder(meters, chargers);
        assertThat(scan.contractJar().getFileName()).hasToString("dev.pylon.api-1.0.0.jar");
    }

    @Test
    void moduleBundlesTheConfigDoesNotUseAreLeftOut() throws Exception {
        LaunchPlan plan = plan(List.of("all"), List.of("Meter", "Meter"));
        assertThat(plan.features()).containsExactly("all");
        assertThat(files(plan)).containsExactly("dev.pylon.api-1.0.0.jar", "lib-1.0.0.jar", "meters-1.0.0.jar");
        assertThat(plan.skipped()).containsExactly(chargers);
    }

    @Test
    void aConfigWithoutModulesInstallsNoModuleBundle() throws Exception {
        LaunchPlan plan = plan(List.of("all"), List.of());
        assertThat(files(plan)).containsExactly("dev.pylon.api-1.0.0.jar", "lib-1.0.0.jar");
    }

    @Test
    void theFeatureThatBringsAModuleIsAddedForTheConfig() throws Exception {
        LaunchPlan plan = plan(List.of("runtime"), List.of("Charger"));
        assertThat(plan.features()).containsExactly("runtime", "chargers");
        assertThat(files(plan)).containsExactly("dev.pylon.api-1.0.0.jar", "lib-1.0.0.jar", "chargers-1.0.0.jar");
    }

    @Test
    void aModuleNoFeatureNamesIsAnError() {
        staging.moduleJar("stray", Map.of("Stray", Manifests.meter("s")));
        assertThatThrownBy(() -> plan(List.of("runtime"), List.of("Stray")))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("module Stray is carried by stray-1.0.0.jar, which no feature in")
                .extracting(e -> ((LaunchException) e).exitCode()).isEqualTo(ExitCode.FRAMEWORK_FAILED);
    }

    @Test
    void twoBundlesCarryingOneModuleIsAnError() {
        staging.moduleJar("meters2", Map.of("Meter", Manifests.meter("again")));
        assertThatThrownBy(() -> BundleScan.scan(staging.staging().jars()))
                .hasMessage("module Meter is carried by two staged bundles: meters-1.0.0.jar!/modules/Meter/manifest.yaml"
                        + " and meters2-1.0.0.jar!/modules/Meter/manifest.yaml");
    }

    @Test
    void aBundleThatIsNotStagedIsNamed() {
        staging.features("<feature name=\"f\"><bundle>mvn:g/missing/2.0</bundle></feature>");
        assertThatThrownBy(() -> plan(List.of("f"), List.of()))
                .hasMessageContaining("bundle mvn:g/missing/2.0 is named by a feature but not staged")
                .hasMessageContaining("missing-2.0.jar does not exist");
    }

    @Test
    void anUnknownFeatureIsABadArgument() {
        assertThatThrownBy(() -> plan(List.of("nope"), List.of()))
                .extracting(e -> ((LaunchException) e).exitCode()).isEqualTo(ExitCode.BAD_ARGUMENTS);
    }
}
