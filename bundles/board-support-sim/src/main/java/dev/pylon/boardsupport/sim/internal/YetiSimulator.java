package dev.pylon.boardsupport.sim.internal;

import dev.pylon.api.connectorlock.ConnectorLock;
import dev.pylon.api.evboardsupport.EvBoardSupport;
import dev.pylon.api.evboardsupport.EvBoardSupportPublisher;
import dev.pylon.api.evseboardsupport.EvseBoardSupport;
import dev.pylon.api.evseboardsupport.EvseBoardSupportPublisher;
import dev.pylon.api.powermeter.Powermeter;
import dev.pylon.api.powermeter.PowermeterPublisher;
import dev.pylon.boardsupport.sim.SimulatorControl;
import dev.pylon.boardsupport.sim.internal.boardsupport.BoardSupportImpl;
import dev.pylon.boardsupport.sim.internal.connectorlock.ConnectorLockImpl;
import dev.pylon.boardsupport.sim.internal.evboardsupport.EvBoardSupportImpl;
import dev.pylon.boardsupport.sim.internal.powermeter.PowermeterImpl;
import dev.pylon.boardsupport.sim.internal.sim.SimErrors;
import dev.pylon.boardsupport.sim.internal.sim.YetiConfig;
import dev.pylon.boardsupport.sim.internal.sim.YetiSimulation;
import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.ModuleContext;
import dev.pylon.runtime.Timers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Module YetiSimulator: the thin OSGi shell around {@link YetiSimulation}. It reads the config, hands the simulation
 * the publishers and error reporters of its four implementations, and registers each implementation as a service
 * under its generated interface with {@code pylon.module.id}, {@code pylon.impl.id} and {@code pylon.interface}
 * (evse_board_support and ev_board_support both have an {@code enable(boolean)} cmd, so one object cannot be both).
 * Every cmd is handed to the Timers thread, the simulation's one serial context. Immediate: the simulation must run
 * even when nobody looks up {@link SimulatorControl}.
 */
@Component(name = "YetiSimulator", configurationPolicy = ConfigurationPolicy.REQUIRE, service = SimulatorControl.class,
        immediate = true)
public final class YetiSimulator implements SimulatorControl {
    private final Timers timers;
    private final YetiSimulation sim;
    private final Executor serial;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private volatile boolean active = true;

    @Activate
    public YetiSimulator(@Reference ModuleBus bus, @Reference Timers timers, BundleContext bundle,
            Map<String, Object> properties) {
        this.timers = timers;
        YetiConfig config = YetiConfig.from(properties);
        ModuleContext context = bus.context(properties);
        this.serial = task -> timers.schedule(Duration.ZERO, () -> {
            if (active) {
                task.run();
            }
        });
        this.sim = new YetiSimulation(config, timers, new YetiSimulation.Outputs(
                new EvseBoardSupportPublisher(context.publisher("board_support")),
                new EvBoardSupportPublisher(context.publisher("ev_board_support")),
                new PowermeterPublisher(context.publisher("powermeter")),
                context.errors(SimErrors.BOARD_SUPPORT), context.errors(SimErrors.CONNECTOR_LOCK)));
        serial.execute(sim::start);
        register(bundle, properties, EvseBoardSupport.class, new BoardSupportImpl(sim, serial), "board_support",
                EvseBoardSupport.NAME);
        register(bundle, properties, EvBoardSupport.class, new EvBoardSupportImpl(sim, serial), "ev_board_support",
                EvBoardSupport.NAME);
        register(bundle, properties, Powermeter.class, new PowermeterImpl(sim, serial, timers), "powermeter",
                Powermeter.NAME);
        register(bundle, properties, ConnectorLock.class, new ConnectorLockImpl(sim, serial), "connector_lock",
                ConnectorLock.NAME);
        context.ready();
    }

    @Deactivate
    void deactivate() {
        active = false;
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregistered it while stopping the bundle
            }
        }
        registrations.clear();
        timers.schedule(Duration.ZERO, sim::stop);
    }

    @Override
    public void raiseError(String type) {
        SimErrors.Injectable error = SimErrors.resolve(type);
        serial.execute(() -> sim.raiseError(error, "injected through SimulatorControl"));
    }

    @Override
    public void clearError(String type) {
        SimErrors.Injectable error = SimErrors.resolve(type);
        serial.execute(() -> sim.clearError(error));
    }

    @Override
    public List<String> errorTypes() {
        return SimErrors.types();
    }

    @Override
    public Status status() {
        return sim.status();
    }

    private <S> void register(BundleContext bundle, Map<String, Object> properties, Class<S> type, S impl,
            String implId, String interfaceName) {
        Hashtable<String, Object> serviceProperties = new Hashtable<>();
        serviceProperties.put(ModuleBus.MODULE_ID, String.valueOf(properties.get(ModuleBus.MODULE_ID)));
        Object moduleName = properties.get(ModuleBus.MODULE_NAME);
        if (moduleName != null) {
            serviceProperties.put(ModuleBus.MODULE_NAME, moduleName);
        }
        serviceProperties.put(ModuleBus.IMPL_ID, implId);
        serviceProperties.put(ModuleBus.INTERFACE, interfaceName);
        registrations.add(bundle.registerService(type, impl, serviceProperties));
    }
}
