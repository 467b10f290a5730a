package dev.pylon.launcher.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MavenUrlTest {

    @Test
    void aPlainUrlNamesTheJarMavenCopies() {
        MavenUrl url = MavenUrl.parse("mvn:org.apache.felix/org.apache.felix.scr/2.2.18");
        assertThat(url.groupId()).isEqualTo("org.apache.felix");
        assertThat(url.fileName()).isEqualTo("org.apache.felix.scr-2.2.18.jar");
        assertThat(url).hasToString("mvn:org.apache.felix/org.apache.felix.scr/2.2.18");
    }

    @Test
    void typeAndClassifierAreKept() {
        MavenUrl url = MavenUrl.parse("mvn:dev.pylon/pylon-features/0.1.0-SNAPSHOT/xml/features");
        assertThat(url.fileName()).isEqualTo("pylon-features-0.1.0-SNAPSHOT-features.xml");
        assertThat(url).hasToString("mvn:dev.pylon/pylon-features/0.1.0-SNAPSHOT/xml/features");
    }

    @Test
    void otherFormsAreRejected() {
        assertThatThrownBy(() -> MavenUrl.parse("file:/tmp/x.jar")).hasMessageContaining("mvn:groupId/artifactId/version");
        assertThatThrownBy(() -> MavenUrl.parse("mvn:g/a")).hasMessageContaining("'mvn:g/a'");
        assertThatThrownBy(() -> MavenUrl.parse("mvn:https://repo.example!g/a/1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MavenUrl.parse("mvn:g//1")).hasMessageContaining("empty part");
    }
}
