package dev.pylon.scenarios;

import dev.pylon.api.ImplementationId;
import dev.pylon.api.authtokenprovider.AuthTokenProvider;
import dev.pylon.api.authtokenvalidator.AuthTokenValidator;
import dev.pylon.api.connectorlock.ConnectorLock;
import dev.pylon.api.energy.Energy;
import dev.pylon.api.evboardsupport.EvBoardSupport;
import dev.pylon.api.evseboardsupport.EvseBoardSupport;
import dev.pylon.api.evsemanager.EvseManager;
import dev.pylon.api.powermeter.Powermeter;
import dev.pylon.auth.internal.AuthModule;
import dev.pylon.auth.internal.provider.DummyTokenProvider;
import dev.pylon.auth.internal.validator.DummyTokenValidator;
import dev.pylon.boardsupport.sim.internal.YetiSimulator;
import dev.pylon.energynode.internal.EnergyNode;
import dev.pylon.evsemanager.internal.EvseManagerComponent;
import dev.pylon.evsemanager.internal.EvseManagerConfig;
import dev.pylon.evsemanager.internal.shell.DirectSerialContext;
import dev.pylon.evsimulator.internal.EvManager;
import dev.pylon.runtime.ModuleBus;
import dev.pylon.scenarios.ChargerStack.Mode;
import dev.pylon.scenarios.ChargerStack.Wiring;
import dev.pylon.sessionmonitor.internal.SessionMonitor;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * How each module type of the simulated AC stack is started: what SCR does from the component description
 * ({@code OSGI-INF/<Name>.xml} in the module's bundle) — construct with the references and the component properties,
 * bind the dynamic references, call the activate method, register the services — and how it is stopped. The bind and
 * lifecycle methods are called by name, as SCR calls them.
 */
final class Modules {
    private Modules() {
    }

    /** A started module: its component object and how to deactivate it (and take back its providers). */
    record Started(Object component, Runnable deactivate) {
    }

    @FunctionalInterface
    interface Factory {
        Started start(Wiring w);
    }

    static final Map<String, Factory> FACTORIES = Map.of(
            "EvseManager", Modules::evseManager,
            "YetiSimulator", Modules::yetiSimulator,
            "EvManager", Modules::evManager,
            "Auth", Modules::auth,
            "DummyTokenProvider", Modules::dummyTokenProvider,
            "DummyTokenValidator", Modules::dummyTokenValidator,
            "EnergyNode", Modules::energyNode,
            "SessionMonitor", Modules::sessionMonitor);

    static Started evseManager(Wiring w) {
        EvseManagerConfig config = Ds.componentPropertyType(EvseManagerConfig.class, w.props);
        EvseBoardSupport bsp = w.requirement("bsp", EvseBoardSupport.class);
        EvseManagerComponent c = w.mode() == Mode.SIMULATED
                ? new EvseManagerComponent(w.bus(), w.timers(), bsp, config, w.props, new DirectSerialContext())
                : new EvseManagerComponent(w.bus(), w.timers(), bsp, config, w.props);
        Powermeter meter = w.requirement("powermeter_grid_side", Powermeter.class);
        if (meter != null) {
            Ds.call(c, "bindPowermeter", meter);
        }
        ConnectorLock lock = w.requirement("connector_lock", ConnectorLock.class);
        if (lock != null) {
            Ds.call(c, "bindConnectorLock", lock);
        }
        Runnable evse = w.provide("evse", c);
        Runnable energy = w.provide("energy_grid", c);
        return new Started(c, () -> {
            evse.run();
            energy.run();
            Ds.call(c, "deactivate");
        });
    }

    static Started yetiSimulator(Wiring w) {
        List<Runnable> unregister = new ArrayList<>();
        YetiSimulator c = new YetiSimulator(w.bus(), w.timers(), bundleContext(w, unregister), w.props);
        return new Started(c, () -> {
            Ds.call(c, "deactivate");
            unregister.forEach(Runnable::run);
        });
    }

    static Started evManager(Wiring w) {
        EvManager c = new EvManager(w.bus(), w.timers(), w.requirement("ev_board_support", EvBoardSupport.class),
                w.props);
        Runnable main = w.provide("main", c);
        return new Started(c, () -> {
            main.run();
            Ds.call(c, "deactivate");
        });
    }

    static Started auth(Wiring w) {
        AuthModule c = w.mode() == Mode.SIMULATED
                ? new AuthModule(w.bus(), w.timers(), w.props, Runnable::run)
                : new AuthModule(w.bus(), w.timers(), w.props);
        for (ImplementationId id : w.connections("evse_manager")) {
            Ds.call(c, "bindEvseManager", w.requirementClient(id, EvseManager.class), w.endpointProperties(id));
        }
        for (ImplementationId id : w.connections("token_validator")) {
            Ds.call(c, "bindTokenValidator", w.requirementClient(id, AuthTokenValidator.class),
                    w.endpointProperties(id));
        }
        for (ImplementationId id : w.connections("token_provider")) {
            Ds.call(c, "bindTokenProvider", w.requirementClient(id, AuthTokenProvider.class));
        }
        Ds.call(c, "start");
        Runnable main = w.provide("main", c);
        return new Started(c, () -> {
            main.run();
            Ds.call(c, "stop");
        });
    }

    static Started dummyTokenProvider(Wiring w) {
        DummyTokenProvider c = new DummyTokenProvider(w.bus(), w.requirement("evse", EvseManager.class), w.props);
        Runnable main = w.provide("main", c);
        return new Started(c, () -> {
            main.run();
            Ds.call(c, "stop");
        });
    }

    static Started dummyTokenValidator(Wiring w) {
        if (w.mode() == Mode.SIMULATED) {
            // The validator blocks its caller until a timer fires; on one thread that also moves the time, it would
            // wait for ever. See ChargerStack.
            w.props.put("main.sleep", 0.0);
        }
        DummyTokenValidator c = new DummyTokenValidator(w.bus(), w.timers(), w.props);
        Runnable main = w.provide("main", c);
        return new Started(c, () -> {
            main.run();
            Ds.call(c, "stop");
        });
    }

    static Started energyNode(Wiring w) {
        EnergyNode c = new EnergyNode(w.bus(), w.timers(), w.props);
        for (ImplementationId id : w.connections("energy_consumer")) {
            Ds.call(c, "bindEnergyConsumer", w.requirementClient(id, Energy.class), w.endpointProperties(id));
        }
        Runnable grid = w.provide("energy_grid", c);
        Runnable external = w.provide("external_limits", c);
        return new Started(c, () -> {
            grid.run();
            external.run();
            Ds.call(c, "stop");
        });
    }

    static Started sessionMonitor(Wiring w) {
        SessionMonitor c = new SessionMonitor(w.bus(), w.timers(), w.props);
        Runnable main = w.provide("main", c);
        return new Started(c, () -> {
            main.run();
            Ds.call(c, "stop");
        });
    }

    /**
     * Stands in for the bundle context of a module that registers its services itself (YetiSimulator provides four
     * interfaces): {@code registerService} registers the object as the raw provider of the implementation named by its
     * {@code pylon.impl.id} property. Anything else is unsupported.
     */
    private static BundleContext bundleContext(Wiring w, List<Runnable> unregister) {
        return (BundleContext) Proxy.newProxyInstance(Modules.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (self, method, args) -> {
                    if (method.getName().equals("registerService") && args.length == 3
                            && args[2] instanceof Dictionary<?, ?> props) {
                        Runnable back = w.provide(String.valueOf(props.get(ModuleBus.IMPL_ID)), args[1]);
                        unregister.add(back);
                        return registration(back);
                    }
                    if (method.getName().equals("toString")) {
                        return "harness bundle context of " + w.moduleId;
                    }
                    throw new UnsupportedOperationException("the harness's BundleContext has no " + method.getName());
                });
    }

    private static ServiceRegistration<?> registration(Runnable back) {
        return (ServiceRegistration<?>) Proxy.newProxyInstance(Modules.class.getClassLoader(),
                new Class<?>[] {ServiceRegistration.class}, (self, method, args) -> {
                    if (method.getName().equals("unregister")) {
                        back.run();
                        return null;
                    }
                    if (method.getName().equals("toString")) {
                        return "harness registration";
                    }
                    throw new UnsupportedOperationException("the harness's ServiceRegistration has no "
                            + method.getName());
                });
    }
}
