package dev.pylon.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pylon.launcher.logging.LogLevel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.launch.FrameworkFactory;
import picocli.CommandLine;

/** {@code ./pylon run}'s options, and the arguments that end it with exit code 2 before anything starts. */
class RunArgumentsTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicInteger frameworks = new AtomicInteger();
    private final FrameworkFactory noFramework = config -> {
        frameworks.incrementAndGet();
        throw new AssertionError("the framework must not be created");
    };

    private RunCommand parse(String... args) {
        CommandLine cli = Main.commandLine(new PrintWriter(out), new PrintWriter(err), Launcher.Services.production());
        CommandLine.ParseResult result = cli.parseArgs(args);
        return (RunCommand) result.subcommand().commandSpec().userObject();
    }

    private int run(String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true),
                new Launcher.Services(noFramework, dev.pylon.runtime.config.ConfigLoader::load, false));
    }

    @Test
    void defaults() {
        Launcher.Options options = parse("run").options();
        assertThat(options.config()).isEqualTo(Path.of("config/sim-ac.yaml"));
        assertThat(options.logLevel()).isEqualTo(LogLevel.INFO);
        assertThat(options.shell()).isFalse();
        assertThat(options.features()).containsExactly("pylon-sim-ac");
        assertThat(options.storage()).isEqualTo(Path.of("run/felix-cache"));
        assertThat(options.socket()).isEqualTo(Path.of("run/pylon.sock"));
        // compared as a plain path: the staging folder exists only after the package phase
        assertThat(options.staging().dir().endsWith(Path.of("target", "bundles"))).isTrue();
    }

    @Test
    void everyOption() {
        Launcher.Options options = parse("run", "--config", "x.yaml", "--log-level", "debug", "--shell",
                "--feature", "a", "--feature", "b", "--bundles", dir.toString(), "--storage", "cache",
                "--socket", "/tmp/p/pylon.sock").options();
        assertThat(options.config()).isEqualTo(Path.of("x.yaml"));
        assertThat(options.configDisplay()).isEqualTo("x.yaml");
        assertThat(options.logLevel()).isEqualTo(LogLevel.DEBUG);
        assertThat(options.shell()).isTrue();
        assertThat(options.features()).containsExactly("a", "b");
        assertThat(options.staging().dir()).isEqualTo(dir.toAbsolutePath());
        assertThat(options.storage()).isEqualTo(Path.of("cache"));
        assertThat(options.socket()).isEqualTo(Path.of("/tmp/p/pylon.sock"));
    }

    @Test
    void anUnknownLevelIsABadArgument() {
        assertThat(run("run", "--log-level", "LOUD")).isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(err.toString()).contains("--log-level").contains("LOUD")
                .contains("ERROR, WARN, INFO, DEBUG, TRACE");
        assertThat(frameworks).hasValue(0);
    }

    @Test
    void anUnknownOptionIsABadArgument() {
        assertThat(run("run", "--colour")).isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(err.toString()).contains("Unknown option: '--colour'");
    }

    @Test
    void aMissingConfigFileIsABadArgument() {
        TestStaging staging = new TestStaging(dir).apiOnlyFeature("f");
        assertThat(run("run", "--config", dir.resolve("nope.yaml").toString(), "--bundles", staging.dir().toString()))
                .isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(err.toString()).contains("config file not found: " + dir.resolve("nope.yaml"));
        assertThat(frameworks).hasValue(0);
    }

    @Test
    void anUnknownFeatureIsABadArgument() {
        TestStaging staging = new TestStaging(dir).apiOnlyFeature("pylon-runtime");
        Path config = staging.write("c.yaml", "active_modules: {}\n");
        assertThat(run("run", "--config", config.toString(), "--bundles", staging.dir().toString(), "--feature", "nope"))
                .isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(err.toString()).contains("no feature 'nope' in ").contains("features: [pylon-runtime]");
        assertThat(frameworks).hasValue(0);
    }

    @Test
    void withoutStagedBundlesNothingStarts() {
        Path config = dir.resolve("c.yaml");
        new TestStaging(dir).write("c.yaml", "active_modules: {}\n");
        assertThat(run("run", "--config", config.toString(), "--bundles", dir.resolve("empty").toString()))
                .isEqualTo(ExitCode.FRAMEWORK_FAILED);
        assertThat(err.toString()).contains("no staged bundles").contains("pylon-features.xml does not exist");
    }

    @Test
    void helpListsTheOptionsAndExitCodes() {
        assertThat(Main.execute(new String[] {"run", "--help"}, new PrintWriter(out, true), new PrintWriter(err, true)))
                .isZero();
        assertThat(out.toString()).contains("--config=FILE", "--log-level=LEVEL", "--shell", "--socket=PATH", "--feature=NAME",
                "config/sim-ac.yaml", "Exit codes: 0 stopped cleanly, 1 config rejected")
                .doesNotContain("--storage", "--bundles");
    }

    @Test
    void levelsAreCaseInsensitive() {
        for (String level : List.of("error", "Warn", "INFO", "debug", "trace")) {
            assertThat(parse("run", "--log-level", level).options().logLevel().name()).isEqualToIgnoringCase(level);
        }
    }
}
