package dev.pylon.launcher.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeaturesFileTest {
    private static final String NS = "http://karaf.apache.org/xmlns/features/v1.6.0";

    static FeaturesFile parse(String body) {
        String xml = "<?xml version=\"1.0\"?>\n<features name=\"t\" xmlns=\"" + NS + "\">\n" + body + "\n</features>\n";
        return FeaturesFile.read("test.xml", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> artifacts(List<BundleRef> bundles) {
        return bundles.stream().map(b -> b.url().artifactId()).toList();
    }

    @Test
    void includedFeaturesComeFirstAndEveryBundleOnce() {
        FeaturesFile file = parse("""
                <feature name="base" version="1.0" description="the base">
                  <bundle>mvn:g/a/1</bundle>
                  <bundle start-level="30">mvn:g/b/1</bundle>
                </feature>
                <feature name="extra">
                  <bundle start="false">mvn:g/lib/1</bundle>
                </feature>
                <feature name="stack">
                  <feature>base</feature>
                  <feature>extra</feature>
                  <bundle>mvn:g/a/1</bundle>
                  <bundle>mvn:g/c/1</bundle>
                  <details>ignored</details>
                  <conditional><condition>x</condition><bundle>mvn:g/never/1</bundle></conditional>
                </feature>
                """);
        assertThat(file.features()).containsOnlyKeys("base", "extra", "stack");
        assertThat(file.feature("base").description()).isEqualTo("the base");
        List<BundleRef> bundles = file.resolve(List.of("stack"));
        assertThat(artifacts(bundles)).containsExactly("a", "b", "lib", "c");
        assertThat(bundles.get(1).startLevel()).isEqualTo(30);
        assertThat(bundles.get(2).start()).isFalse();
        assertThat(bundles.get(0).start()).isTrue();
        assertThat(artifacts(file.resolve(List.of("extra", "stack")))).containsExactly("lib", "a", "b", "c");
    }

    @Test
    void anUnknownFeatureIsNamedWithTheKnownOnes() {
        FeaturesFile file = parse("<feature name=\"base\"><bundle>mvn:g/a/1</bundle></feature>");
        assertThatThrownBy(() -> file.resolve(List.of("nope")))
                .isInstanceOf(FeatureException.class)
                .hasMessage("no feature 'nope' in test.xml; features: [base]");
    }

    @Test
    void anIncludeOfAMissingFeatureIsRejectedOnRead() {
        assertThatThrownBy(() -> parse("<feature name=\"a\"><feature>b</feature></feature>"))
                .hasMessageContaining("feature 'a' includes 'b', which does not exist");
    }

    @Test
    void aCycleIsRejectedOnRead() {
        assertThatThrownBy(() -> parse("""
                <feature name="a"><feature>b</feature></feature>
                <feature name="b"><feature>a</feature></feature>
                """)).hasMessageContaining("cycle: a -> b -> a");
    }

    @Test
    void aBadBundleUrlIsReportedWithItsLine() {
        assertThatThrownBy(() -> parse("""
                <feature name="a">
                  <bundle>mvn:g/a/1</bundle>
                  <bundle>file:/tmp/b.jar</bundle>
                </feature>
                """)).hasMessageStartingWith("test.xml:5: feature 'a': 'file:/tmp/b.jar' is not of the form");
    }

    @Test
    void theRootMustBeKarafFeatures() {
        assertThatThrownBy(() -> FeaturesFile.read("x.xml", new ByteArrayInputStream(
                "<features name=\"t\"/>".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("x.xml:1: the root element must be <features> in namespace "
                        + "http://karaf.apache.org/xmlns/features/v1.");
        assertThatThrownBy(() -> FeaturesFile.read("x.xml", new ByteArrayInputStream(
                "<features".getBytes(StandardCharsets.UTF_8)))).hasMessageStartingWith("x.xml: not a valid features file");
    }

    @Test
    void aDuplicateFeatureNameIsRejected() {
        assertThatThrownBy(() -> parse("<feature name=\"a\"/>\n<feature name=\"a\"/>"))
                .hasMessage("test.xml:4: a second feature named 'a'");
    }

    @Test
    void pylonsFeaturesFileDefinesTheRuntimeAndTheSimulatedStack() {
        FeaturesFile file = FeaturesFile.read(Path.of("../features/src/main/feature/feature.xml"));
        assertThat(file.features()).containsKeys("pylon-runtime", "pylon-sim-ac");
        assertThat(file.feature("pylon-sim-ac").features()).contains("pylon-runtime");
        assertThat(artifacts(file.resolve(List.of("pylon-runtime")))).contains(
                "org.apache.felix.scr", "org.osgi.service.component", "org.osgi.util.promise", "org.osgi.util.function",
                "org.apache.felix.configadmin", "org.apache.felix.gogo.runtime", "org.apache.felix.gogo.shell",
                "org.apache.felix.gogo.command", "jackson-databind", "jackson-core", "jackson-annotations",
                "jackson-dataformat-yaml", "snakeyaml", "json-schema-validator", "itu", "dev.pylon.api",
                "dev.pylon.contract", "dev.pylon.runtime")
                .doesNotContain("slf4j-api"); // SLF4J comes from the launcher class path
    }
}
