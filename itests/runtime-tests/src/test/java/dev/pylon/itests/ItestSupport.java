package dev.pylon.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/** A real Felix with SCR, ConfigAdmin and Pylon's bundles, started on a runtime config written by the test. */
final class ItestSupport {
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private ItestSupport() {
    }

    /** The options of a container running {@code configYaml} (written to a file named after the test class). */
    static Option[] container(String name, String configYaml) {
        Path work = Path.of(System.getProperty("pylon.itest.work", "target/itest-work"));
        Path config = work.resolve(name + ".yaml");
        try {
            Files.createDirectories(work);
            Files.writeString(config, configYaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Option> options = new ArrayList<>();
        File[] jars = new File(System.getProperty("pylon.itest.bundles", "target/bundles")).listFiles(
                f -> f.getName().endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no bundles staged in " + System.getProperty("pylon.itest.bundles"));
        }
        Arrays.sort(jars);
        for (File jar : jars) {
            options.add(bundle(jar.toURI().toString()));
        }
        // The validator logs through SLF4J 2; it comes from the test classpath, as the launcher does it.
        options.add(systemPackages("org.slf4j;version=\"2.0.20\"", "org.slf4j.spi;version=\"2.0.20\"",
                "org.slf4j.event;version=\"2.0.20\"", "org.slf4j.helpers;version=\"2.0.20\""));
        options.add(frameworkProperty("pylon.config").value(config.toAbsolutePath().toString()));
        options.add(systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"));
        options.add(junitBundles());
        options.add(cleanCaches());
        return options.toArray(Option[]::new);
    }

    /** The service matching {@code filter}, waiting for it to appear. */
    static <T> T service(BundleContext context, Class<T> type, String filter) throws Exception {
        String full = "(&(objectClass=" + type.getName() + ")" + filter + ")";
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, context.createFilter(full), null);
        tracker.open();
        T service = tracker.waitForService(TIMEOUT.toMillis());
        if (service == null) {
            throw new AssertionError("no service " + full + " within " + TIMEOUT);
        }
        return service;
    }

    static boolean present(BundleContext context, String filter) throws InvalidSyntaxException {
        return context.getServiceReferences((String) null, filter) != null;
    }

    /** Polls {@code condition} every 10 ms until it holds; fails with {@code what} after {@link #TIMEOUT}. */
    static void await(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }
}
