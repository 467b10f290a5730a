package dev.pylon.launcher;

import dev.pylon.launcher.features.FeatureException;
import dev.pylon.launcher.features.FeaturesFile;
import dev.pylon.launcher.logging.ConsoleLogging;
import dev.pylon.launcher.logging.LogLevel;
import dev.pylon.launcher.osgi.EmbeddedFelix;
import dev.pylon.runtime.config.ModuleInstance;
import dev.pylon.runtime.config.RuntimeConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * {@code ./pylon run}: checks the config, plans the bundles, starts the embedded framework and runs until it stops
 * (the shell's {@code stop 0} or end of input, Ctrl-C, SIGTERM). Returns an {@link ExitCode}.
 */
public final class Launcher {
    private static final System.Logger LOG = System.getLogger("pylon");
    static final long READY_WARN_MILLIS = 10_000;
    static final long STOP_TIMEOUT_MILLIS = 30_000;

    /**
     * @param config   the config file; {@code configDisplay} is how messages name it
     * @param features the features to install ({@code --feature}), never empty
     * @param staging  where the build staged the bundles
     * @param storage  the framework cache, emptied at start
     * @param socket   the console socket ({@code ./pylon console})
     */
    public record Options(Path config, String configDisplay, LogLevel logLevel, boolean shell, List<String> features,
            Staging staging, Path storage, Path socket) {
        public Options {
            features = List.copyOf(features);
        }
    }

    /**
     * What tests replace: the framework factory (null: the one ServiceLoader finds), the config check, and whether a
     * signal ends the JVM with exit code 0 once the framework has stopped.
     */
    public record Services(FrameworkFactory frameworkFactory, Preflight.ConfigCheck configCheck,
            boolean exitOnSignal) {
        public static Services production() {
            return new Services(null, dev.pylon.runtime.config.ConfigLoader::load, true);
        }
    }

    private final Options options;
    private final PrintWriter err;
    private final Services services;
    private Instant jvmStart; // read when first needed: java.management costs start-up time
    private volatile boolean signalled;

    public Launcher(Options options, PrintWriter err, Services services) {
        this.options = options;
        this.err = err;
        this.services = services;
    }

    public int run() {
        ConsoleLogging.install(err, options.logLevel());
        try {
            return launch();
        } catch (LaunchException e) {
            ConsoleLogging.flush();
            err.println(e.getMessage());
            if (e.exitCode() == ExitCode.CONFIG_REJECTED) {
                err.println("Nothing was started.");
            }
            err.flush();
            return e.exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.FRAMEWORK_FAILED;
        }
    }

    private int launch() throws LaunchException, InterruptedException {
        if (!Files.isRegularFile(options.config())) {
            throw new LaunchException(ExitCode.BAD_ARGUMENTS, "config file not found: " + options.configDisplay()
                    + " (" + options.config().toAbsolutePath() + ")");
        }
        Staging staging = options.staging();
        staging.check();
        FeaturesFile features = readFeatures(staging);
        for (String name : options.features()) {
            try {
                features.feature(name);
            } catch (FeatureException e) {
                throw new LaunchException(ExitCode.BAD_ARGUMENTS, e.getMessage(), e);
            }
        }
        long checkStart = System.nanoTime();
        BundleScan scan = BundleScan.scan(staging.jars());
        RuntimeConfig config = Preflight.check(options.config(), options.configDisplay(), scan,
                services.configCheck());
        List<String> moduleTypes = config.modules().values().stream().map(ModuleInstance::moduleName).toList();
        LaunchPlan plan = LaunchPlan.of(features, options.features(), moduleTypes, scan, staging);
        LOG.log(Level.INFO, options.configDisplay() + ": " + config.modules().size() + " module"
                + (config.modules().size() == 1 ? "" : "s") + " checked in " + (System.nanoTime() - checkStart) / 1_000_000
                + " ms; features " + plan.features() + ": " + plan.bundles().size() + " bundles");
        plan.skipped().forEach(f -> LOG.log(Level.DEBUG, "not installed (no module of the config): " + f.getFileName()));

        clean(options.storage());
        EmbeddedFelix felix;
        try {
            felix = new EmbeddedFelix(frameworkFactory(),
                    FrameworkProperties.of(options.config(), options.storage(), options.socket(), options.logLevel(),
                            options.shell()),
                    this::millisSinceJvmStart);
        } catch (RuntimeException e) {
            throw new LaunchException(ExitCode.FRAMEWORK_FAILED, "cannot create the framework: " + e.getMessage(), e);
        }
        // before the start, so that Ctrl-C while bundles start also stops the framework cleanly
        Thread hook = new Thread(() -> stopOnSignal(felix), "pylon-shutdown");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException e) {
            throw new LaunchException(ExitCode.OK, "stopped before the framework started");
        }
        FrameworkEvent event;
        try {
            felix.start(plan.bundles());
            felix.bundles().forEach(b -> LOG.log(Level.DEBUG, () -> b.getBundleId() + " " + b.getSymbolicName() + " "
                    + b.getVersion() + " " + state(b)));
            event = felix.awaitStop(READY_WARN_MILLIS);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook stops the framework and ends the process
            }
        }
        if (event.getType() == FrameworkEvent.ERROR) {
            LOG.log(Level.ERROR, "the framework stopped with an error", event.getThrowable());
            return ExitCode.FRAMEWORK_FAILED;
        }
        if (!signalled) {
            LOG.log(Level.INFO, "stopped");
        }
        return ExitCode.OK;
    }

    /** Ctrl-C or SIGTERM: stop the framework cleanly, wait for it, and end with 0 when it stopped in time. */
    private void stopOnSignal(EmbeddedFelix felix) {
        int state = felix.framework().getState();
        if (state != Bundle.ACTIVE && state != Bundle.STARTING && state != Bundle.STOPPING) {
            return; // already stopped: run() returns normally
        }
        signalled = true;
        LOG.log(Level.INFO, "stopping");
        long start = System.nanoTime();
        boolean stopped;
        try {
            stopped = felix.stop(STOP_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = false;
        }
        if (stopped) {
            LOG.log(Level.INFO, "stopped cleanly in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        } else {
            LOG.log(Level.ERROR, "the framework did not stop within " + STOP_TIMEOUT_MILLIS + " ms");
        }
        ConsoleLogging.flush();
        System.out.flush();
        System.err.flush();
        if (stopped && services.exitOnSignal()) {
            Runtime.getRuntime().halt(ExitCode.OK); // a signal's own exit status would be 130 or 143
        }
    }

    private static FeaturesFile readFeatures(Staging staging) throws LaunchException {
        try {
            return FeaturesFile.read(staging.featuresFile());
        } catch (FeatureException e) {
            throw new LaunchException(ExitCode.FRAMEWORK_FAILED, e.getMessage(), e);
        }
    }

    private FrameworkFactory frameworkFactory() throws LaunchException {
        if (services.frameworkFactory() != null) {
            return services.frameworkFactory();
        }
        return ServiceLoader.load(FrameworkFactory.class, Launcher.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new LaunchException(ExitCode.FRAMEWORK_FAILED,
                        "no OSGi framework on the class path (META-INF/services/" + FrameworkFactory.class.getName() + ")"));
    }

    /** Deletes the framework cache: every run starts from the staged bundles and the config, nothing else. */
    static void clean(Path storage) throws LaunchException {
        if (!Files.exists(storage)) {
            return;
        }
        try (Stream<Path> files = Files.walk(storage)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new LaunchException(ExitCode.FRAMEWORK_FAILED, "cannot empty the framework cache " + storage + ": "
                    + e.getMessage(), e);
        }
    }

    private static String state(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.INSTALLED -> "INSTALLED";
            default -> Integer.toString(bundle.getState());
        };
    }

    private synchronized long millisSinceJvmStart() {
        if (jvmStart == null) {
            // the JVM's own start, not the process's: ./pylon execs java after building
            jvmStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        }
        return Duration.between(jvmStart, Instant.now()).toMillis();
    }
}
