package dev.pylon.runtime.internal.osgi;

import dev.pylon.contract.Problem;
import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.internal.bus.Bus;
import dev.pylon.runtime.internal.bus.Scheduler;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * The module runtime inside OSGi. On activation it loads the config ({@link ConfigSource}); if the config is
 * valid it builds the {@link Bus}, registers {@code ModuleBus} and one endpoint per implementation, starts tracking
 * raw providers, writes one factory configuration per module instance (which makes SCR create the modules), and
 * watches their components for failed activations. It registers the global-ready marker when every module is
 * ready. A rejected config starts nothing; its problems are logged and listed on a marker service
 * ({@link ModuleBus#CONFIG_PROBLEMS}). On deactivation it undoes all of it, newest first.
 */
@Component(name = "dev.pylon.runtime", immediate = true, service = {})
public final class RuntimeComponent {
    private static final System.Logger LOG = System.getLogger(RuntimeComponent.class.getName());

    private final BundleContext context;
    private final ScheduledExecutorService timer;
    private final Bus bus;
    private final Registrations registrations;
    private final ProviderTracker providers;
    private final ModuleConfigurations configurations;
    private final ScrWatcher watcher;
    private final SynchronousBundleListener frameworkStop;

    @Activate
    public RuntimeComponent(BundleContext context, @Reference(name = "configAdmin") ConfigurationAdmin configAdmin,
            @Reference(name = "scr") ServiceComponentRuntime scr) {
        this.context = context;
        List<Problem> problems = new ArrayList<>();
        ConfigSource.Loaded loaded = ConfigSource.load(context, problems).orElse(null);
        if (loaded == null) {
            this.timer = null;
            this.bus = null;
            this.registrations = new Registrations(context);
            if (!problems.isEmpty()) { // rejected: say why, for consoles and health checks (nothing else starts)
                registrations.registerRejected(context.getProperty(ModuleBus.CONFIG_PROPERTY), problems);
            }
            this.providers = null;
            this.configurations = null;
            this.watcher = null;
            this.frameworkStop = null;
            return;
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pylon-runtime-timer");
            t.setDaemon(true);
            return t;
        });
        Scheduler scheduler = Scheduler.of(timer);
        this.configurations = new ModuleConfigurations(configAdmin, loaded.config());
        this.bus = Bus.builder(loaded.config(), loaded.contract())
                .scheduler(scheduler)
                .restartAction(configurations::recreate)
                .build();
        this.registrations = new Registrations(context);
        this.providers = new ProviderTracker(context, bus);
        this.watcher = new ScrWatcher(scr, bus, scheduler, ScrWatcher.INTERVAL);
        this.frameworkStop = event -> {
            if (event.getBundle().getBundleId() == 0 && event.getType() == BundleEvent.STOPPING) {
                bus.frameworkStopping(); // modules stop before us: that is no provider failure
            }
        };
        context.addBundleListener(frameworkStop);
        try {
            start(loaded);
        } catch (RuntimeException e) { // SCR will not deactivate a component whose activation failed
            LOG.log(Level.ERROR, "applying " + loaded.config().source() + " failed; undoing it", e);
            deactivate();
            throw e;
        }
    }

    private void start(ConfigSource.Loaded loaded) {
        registrations.registerModuleBus(bus);
        registrations.registerEndpoints(bus);
        providers.open();
        configurations.apply();
        bus.globalReady().thenAccept(registrations::registerGlobalReady);
        watcher.start();
        LOG.log(Level.INFO, () -> "applied " + loaded.config().source() + ": " + loaded.config().modules().size()
                + " modules, " + bus.endpoints().size() + " endpoints, settings " + bus.settings());
    }

    @Deactivate
    void deactivate() {
        if (bus == null) {
            registrations.close();
            return;
        }
        watcher.stop();
        try {
            context.removeBundleListener(frameworkStop);
        } catch (IllegalStateException e) { // our bundle context is no longer valid
            LOG.log(Level.DEBUG, "removing the bundle listener", e);
        }
        if (!frameworkStopping()) {
            configurations.deleteAll(); // stops the module instances; a framework shutdown stops them anyway
        }
        providers.close();
        registrations.close();
        bus.close();
        timer.shutdownNow();
    }

    private boolean frameworkStopping() {
        try {
            Bundle framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
            return framework == null || framework.getState() == Bundle.STOPPING;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
