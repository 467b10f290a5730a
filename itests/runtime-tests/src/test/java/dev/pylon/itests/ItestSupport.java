package dev.pylon.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import dev.pylon.api.ErrorObject;
import dev.pylon.api.ImplementationId;
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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;

/** A real Felix with SCR, ConfigAdmin and Pylon's bundles, started on a runtime config written by the test. */
final class ItestSupport {
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private ItestSupport() {
    }

    /** Where {@link #container} writes the config of container {@code name}. */
    static Path configPath(String name) {
        return Path.of(System.getProperty("pylon.itest.work", "target/itest-work")).resolve(name + ".yaml")
                .toAbsolutePath();
    }

    /** The options of a container running {@code configYaml} (written to a file named after the test class). */
    static Option[] container(String name, String configYaml) {
        Path config = configPath(name);
        try {
            Files.createDirectories(config.getParent());
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

    /** The endpoint the runtime registers for implementation {@code moduleId/implId}. */
    static <T> T endpoint(BundleContext context, Class<T> type, String moduleId, String implId) throws Exception {
        return service(context, type, "(pylon.endpoint=true)(pylon.module.id=" + moduleId + ")(pylon.impl.id=" + implId
                + ")");
    }

    static boolean present(BundleContext context, String filter) {
        try {
            return context.getServiceReferences((String) null, filter) != null;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The service id of the one service matching {@code filter}. */
    static long serviceId(BundleContext context, String filter) {
        try {
            ServiceReference<?>[] refs = context.getServiceReferences((String) null, filter);
            if (refs == null || refs.length != 1) {
                throw new AssertionError("expected one service " + filter + ", found "
                        + (refs == null ? 0 : refs.length));
            }
            return (Long) refs[0].getProperty(Constants.SERVICE_ID);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The installed bundle with this symbolic name. */
    static Bundle installedBundle(BundleContext context, String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
    }

    /** SCR's component configurations of module instance {@code moduleId} (component name = its module type). */
    static List<ComponentConfigurationDTO> components(ServiceComponentRuntime scr, String moduleName,
            String moduleId) {
        List<ComponentConfigurationDTO> out = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (description.name.equals(moduleName)) {
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    if (moduleId.equals(configuration.properties.get("pylon.module.id"))) {
                        out.add(configuration);
                    }
                }
            }
        }
        return out;
    }

    /** The one component configuration of {@code moduleId}, which must be in {@code state}. */
    static ComponentConfigurationDTO component(ServiceComponentRuntime scr, String moduleName, String moduleId,
            int state) {
        List<ComponentConfigurationDTO> all = components(scr, moduleName, moduleId);
        if (all.size() != 1 || all.get(0).state != state) {
            throw new AssertionError("expected one component configuration of module " + moduleId + " in state "
                    + state + ", found " + all.stream().map(c -> c.id + " in state " + c.state).toList());
        }
        return all.get(0);
    }

    /** The events of {@code errors} of this type raised or cleared at {@code moduleId/implId}. */
    static List<ErrorObject> events(List<ErrorObject> errors, String type, String moduleId, String implId) {
        ImplementationId origin = new ImplementationId(moduleId, implId);
        return errors.stream().filter(e -> e.type().equals(type) && e.origin().equals(origin)).toList();
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
