package dev.pylon.itests.requirers;

import dev.pylon.api.ErrorObject;
import dev.pylon.api.carsimulator.CarSimulator;
import dev.pylon.api.carsimulator.CarSimulatorListener;
import dev.pylon.api.connectorlock.ConnectorLock;
import dev.pylon.itests.probes.RequirerProbe;
import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.ModuleContext;
import dev.pylon.runtime.Subscription;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Module TestRequirer: requires a car_simulator (requirement sim) and records what it publishes. */
@Component(name = "TestRequirer", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {ConnectorLock.class, RequirerProbe.class})
public final class TestRequirer implements ConnectorLock, RequirerProbe {
    private final CarSimulator sim;
    private final List<Boolean> enabled = new CopyOnWriteArrayList<>();
    private final List<ErrorObject> errors = new CopyOnWriteArrayList<>();
    private final Subscription vars;
    private final Subscription errorEvents;

    @Activate
    public TestRequirer(@Reference ModuleBus bus, @Reference(name = "sim") CarSimulator sim,
            Map<String, Object> properties) {
        this.sim = sim;
        ModuleContext context = bus.context(properties);
        vars = context.subscribe("sim", new CarSimulatorListener() {
            @Override
            public void onEnabled(Boolean value) {
                enabled.add(value);
            }
        });
        errorEvents = context.subscribeErrors("sim", errors::add);
        context.ready();
    }

    @Deactivate
    void stop() {
        vars.close();
        errorEvents.close();
    }

    @Override
    public void lock() {
        sim.enable(true);
    }

    @Override
    public void unlock() {
        sim.enable(false);
    }

    @Override
    public List<Boolean> enabledValues() {
        return List.copyOf(enabled);
    }

    @Override
    public List<ErrorObject> errors() {
        return List.copyOf(errors);
    }
}
