package dev.pylon.launcher.osgi;

import dev.pylon.launcher.ExitCode;
import dev.pylon.launcher.LaunchException;
import dev.pylon.launcher.LaunchPlan.PlannedBundle;
import dev.pylon.runtime.ModuleBus;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongSupplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The embedded framework: started empty, then every planned bundle is installed in place ({@code reference:file:}),
 * all are resolved together (a bundle that does not resolve is named with its missing requirement), and every
 * non-fragment is started in plan order. Global ready is the service with {@value #READY_FILTER}.
 */
public final class EmbeddedFelix {
    public static final String READY_FILTER = "(" + ModuleBus.GLOBAL_READY + "=true)";
    private static final System.Logger LOG = System.getLogger("pylon");

    private final Framework framework;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final LongSupplier millisSinceJvmStart;
    private final List<Bundle> installed = new ArrayList<>();
    private boolean started; // guarded by ready
    private long readyMillis; // guarded by ready

    public EmbeddedFelix(FrameworkFactory factory, Map<String, Object> properties, LongSupplier millisSinceJvmStart) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, String> config = (Map) properties; // Felix also takes objects, e.g. felix.log.logger
        this.framework = factory.newFramework(config);
        this.millisSinceJvmStart = millisSinceJvmStart;
    }

    public Framework framework() {
        return framework;
    }

    /** The installed bundles, in plan order. */
    public List<Bundle> bundles() {
        return List.copyOf(installed);
    }

    /**
     * Starts the framework and the plan's bundles.
     *
     * @throws LaunchException {@link ExitCode#FRAMEWORK_FAILED} naming the bundle and what it lacks; the framework is
     *                         stopped again before this throws
     */
    public void start(List<PlannedBundle> plan) throws LaunchException {
        long start = System.nanoTime();
        try {
            framework.init();
            framework.start();
            BundleContext context = framework.getBundleContext();
            context.addServiceListener(event -> {
                if (event.getType() == ServiceEvent.REGISTERED) {
                    onReady();
                }
            }, READY_FILTER);
            for (PlannedBundle bundle : plan) {
                installed.add(install(context, bundle));
            }
            List<String> unresolved = resolve();
            if (!unresolved.isEmpty()) {
                throw new LaunchException(ExitCode.FRAMEWORK_FAILED, unresolved.size() + " bundle"
                        + (unresolved.size() == 1 ? "" : "s") + " did not resolve:\n  " + String.join("\n  ", unresolved));
            }
            for (int i = 0; i < plan.size(); i++) {
                Bundle bundle = installed.get(i);
                if (plan.get(i).ref().start() && !isFragment(bundle)) {
                    startBundle(bundle);
                }
            }
            if (context.getServiceReferences((String) null, READY_FILTER) != null) {
                onReady();
            }
            LOG.log(Level.INFO, "started " + plan.size() + " bundles in " + (System.nanoTime() - start) / 1_000_000
                    + " ms (" + millisSinceJvmStart.getAsLong() + " ms since JVM start)");
            markStarted();
        } catch (BundleException | InvalidSyntaxException | RuntimeException e) {
            stopQuietly();
            throw new LaunchException(ExitCode.FRAMEWORK_FAILED, "the framework did not start: " + e.getMessage(), e);
        } catch (LaunchException e) {
            stopQuietly();
            throw e;
        }
    }

    private static Bundle install(BundleContext context, PlannedBundle bundle) throws LaunchException {
        try {
            return context.installBundle("reference:" + bundle.file().toUri());
        } catch (BundleException e) {
            throw new LaunchException(ExitCode.FRAMEWORK_FAILED, "cannot install " + bundle.ref().url() + " ("
                    + bundle.file() + "): " + e.getMessage(), e);
        }
    }

    /** Resolves every installed bundle at once; describes each one that did not resolve. */
    private List<String> resolve() {
        if (framework.adapt(FrameworkWiring.class).resolveBundles(installed)) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (Bundle bundle : installed) {
            if (bundle.getState() != Bundle.INSTALLED) {
                continue;
            }
            if (isFragment(bundle)) {
                problems.add(name(bundle) + ": fragment did not attach to " + bundle.getHeaders().get(Constants.FRAGMENT_HOST));
                continue;
            }
            try {
                bundle.start(Bundle.START_TRANSIENT); // fails with the resolver's explanation
                bundle.stop();
                problems.add(name(bundle) + ": did not resolve");
            } catch (BundleException e) {
                String message = String.valueOf(e.getMessage());
                int repeat = message.indexOf(" Unresolved requirements:"); // Felix says it twice
                problems.add(name(bundle) + ": " + (repeat > 0 ? message.substring(0, repeat) : message));
            }
        }
        return problems;
    }

    private static void startBundle(Bundle bundle) throws LaunchException {
        try {
            bundle.start();
        } catch (BundleException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new LaunchException(ExitCode.FRAMEWORK_FAILED, name(bundle) + " did not start: " + e.getMessage()
                    + (cause != e ? " (" + cause + ")" : ""), e);
        }
    }

    /** Global ready; logged once the bundles are started (it usually happens while they start). */
    private void onReady() {
        synchronized (ready) {
            if (ready.getCount() == 0) {
                return;
            }
            readyMillis = millisSinceJvmStart.getAsLong();
            ready.countDown();
            if (started) {
                logReady();
            }
        }
    }

    private void logReady() {
        LOG.log(Level.INFO, "ready in " + readyMillis + " ms since JVM start");
    }

    /** Called when every bundle is started: logs ready now if it came while they started. */
    private void markStarted() {
        synchronized (ready) {
            started = true;
            if (ready.getCount() == 0) {
                logReady();
            }
        }
    }

    public boolean isReady() {
        return ready.getCount() == 0;
    }

    /**
     * Waits until the framework stops; warns once when the runtime has not reported ready after {@code readyWarnMillis}.
     *
     * @return the event that ended the wait
     */
    public FrameworkEvent awaitStop(long readyWarnMillis) throws InterruptedException {
        FrameworkEvent event = framework.waitForStop(readyWarnMillis);
        if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
            if (!isReady()) {
                LOG.log(Level.WARNING, "the runtime has not reported ready " + READY_FILTER + " after " + readyWarnMillis
                        + " ms; still waiting");
            }
            event = framework.waitForStop(0);
        }
        return event;
    }

    /** Stops the framework and waits for it; returns whether it stopped within the timeout. */
    public boolean stop(long timeoutMillis) throws InterruptedException {
        try {
            framework.stop();
        } catch (BundleException e) {
            LOG.log(Level.ERROR, "the framework did not stop: " + e.getMessage(), e);
            return false;
        }
        return framework.waitForStop(timeoutMillis).getType() != FrameworkEvent.WAIT_TIMEDOUT;
    }

    private void stopQuietly() {
        try {
            stop(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "stopping after a failed start: " + e, e);
        }
    }

    static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
    }

    static String name(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion();
    }
}
