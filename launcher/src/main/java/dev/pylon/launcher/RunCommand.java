package dev.pylon.launcher;

import dev.pylon.launcher.logging.LogLevel;
import dev.pylon.runtime.console.ConsoleProtocol;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./pylon run}. */
@Command(name = "run", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Starts the charger: checks the config against the contract and the module manifests, then "
                + "starts Apache Felix with the bundles of the features and runs until Ctrl-C.",
            "Exit codes: 0 stopped cleanly, 1 config rejected, 2 bad arguments, 3 framework or bundle failed."})
final class RunCommand implements Callable<Integer> {
    static final String DEFAULT_CONFIG = "config/sim-ac.yaml";
    static final String DEFAULT_FEATURE = "pylon-sim-ac";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = DEFAULT_CONFIG,
            description = "The runtime config, EVerest format (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "INFO",
            description = "ERROR, WARN, INFO, DEBUG or TRACE (default: ${DEFAULT-VALUE}).")
    LogLevel logLevel;

    @Option(names = "--shell", description = "Start the Gogo shell on the console (help, lb, scr:list, ...).")
    boolean shell;

    @Option(names = "--socket", paramLabel = "PATH", defaultValue = ConsoleProtocol.DEFAULT_SOCKET,
            description = "The console socket ./pylon console talks to, owner-only (default: ${DEFAULT-VALUE}).")
    Path socket;

    @Option(names = "--feature", paramLabel = "NAME",
            description = "A feature to install; repeatable (default: " + DEFAULT_FEATURE + ").")
    List<String> features = new ArrayList<>();

    @Option(names = "--bundles", paramLabel = "DIR", hidden = true,
            description = "The staged bundles (default: bundles/ beside the launcher jar).")
    Path bundles;

    @Option(names = "--storage", paramLabel = "DIR", hidden = true, defaultValue = "run/felix-cache",
            description = "The framework cache, emptied at start (default: ${DEFAULT-VALUE}).")
    Path storage;

    private final Launcher.Services services;

    RunCommand(Launcher.Services services) {
        this.services = services;
    }

    Launcher.Options options() {
        return new Launcher.Options(config, config.toString(), logLevel, shell,
                features.isEmpty() ? List.of(DEFAULT_FEATURE) : features,
                bundles == null ? Staging.besideLauncher() : new Staging(bundles), storage, socket);
    }

    @Override
    public Integer call() {
        return new Launcher(options(), spec.commandLine().getErr(), services).run();
    }
}
