package dev.pylon.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pylon.launcher.logging.FelixLog;
import dev.pylon.launcher.logging.LogLevel;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameworkPropertiesTest {

    @Test
    void theRuntimeGetsTheConfigAndBundlesGetSlf4jFromTheSystemBundle() {
        Map<String, Object> p = FrameworkProperties.of(Path.of("config/sim-ac.yaml"), Path.of("run/cache"),
                Path.of("run/pylon.sock"), LogLevel.DEBUG, false);
        assertThat(p.get("pylon.config")).isEqualTo(Path.of("config/sim-ac.yaml").toAbsolutePath().toString());
        assertThat(p.get("pylon.console.socket")).isEqualTo(Path.of("run/pylon.sock").toAbsolutePath().toString());
        assertThat(p.get("org.osgi.framework.storage")).isEqualTo(Path.of("run/cache").toAbsolutePath().toString());
        assertThat(p.get("org.osgi.framework.storage.clean")).isEqualTo("onFirstInit");
        assertThat((String) p.get("org.osgi.framework.system.packages.extra"))
                .contains("org.slf4j;version=" + BuildInfo.slf4jVersion())
                .contains("org.slf4j.spi;version=" + BuildInfo.slf4jVersion())
                .contains("org.slf4j;version=1.7.36");
        assertThat(p.get("felix.log.logger")).isInstanceOf(FelixLog.class);
        assertThat(p.get("felix.log.level")).isEqualTo("4");
        assertThat(p.get("ds.loglevel")).isEqualTo("debug");
        assertThat(p.get("gosh.args")).isEqualTo("--nointeractive");
    }

    @Test
    void theShellReadsTheConsoleOnlyWhenAskedFor() {
        assertThat(FrameworkProperties.of(Path.of("c"), Path.of("s"), Path.of("p"), LogLevel.INFO, true).get("gosh.args")).isEqualTo("");
    }

    @Test
    void theBuildFilledInTheVersions() {
        assertThat(BuildInfo.slf4jVersion()).matches("2\\.\\d+\\.\\d+");
        assertThat(BuildInfo.version()).isNotBlank();
    }
}
