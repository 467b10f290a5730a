package dev.pylon.itests.providers;

import dev.pylon.api.carsimulator.CarSimulator;
import dev.pylon.api.carsimulator.CarSimulatorPublisher;
import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.ModuleContext;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/** Module TestProvider: a car_simulator whose enable cmd publishes var enabled. */
@Component(name = "TestProvider", configurationPolicy = ConfigurationPolicy.REQUIRE, service = CarSimulator.class)
public final class TestProvider implements CarSimulator {
    private final CarSimulatorPublisher vars;

    @Activate
    public TestProvider(@Reference ModuleBus bus, Map<String, Object> properties) {
        if (Boolean.TRUE.equals(properties.get("fail_activation"))) {
            throw new IllegalStateException("TestProvider configured to fail its activation");
        }
        ModuleContext context = bus.context(properties);
        vars = new CarSimulatorPublisher(context.publisher("main"));
        context.ready();
    }

    @Override
    public void enable(boolean value) {
        vars.publishEnabled(value);
    }

    @Override
    public void executeChargingSession(String value) {
        if ("fail".equals(value)) {
            throw new IllegalStateException("asked to fail");
        }
    }
}
