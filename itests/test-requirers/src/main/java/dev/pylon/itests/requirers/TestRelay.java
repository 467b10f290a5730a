package dev.pylon.itests.requirers;

import dev.pylon.api.ErrorObject;
import dev.pylon.api.carsimulator.CarSimulator;
import dev.pylon.api.carsimulator.CarSimulatorListener;
import dev.pylon.api.carsimulator.CarSimulatorPublisher;
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

/**
 * Module TestRelay: a car_simulator that requires another one (requirement peer), for two instances connected to each
 * other. execute_charging_session("bounce") calls the peer's execute_charging_session("enable"), whose handler calls
 * back this module's enable(true), which publishes enabled=true: a call from A into B and back into A, all inside
 * one cmd. Records the vars and errors of its peer.
 */
@Component(name = "TestRelay", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {CarSimulator.class, RequirerProbe.class})
public final class TestRelay implements CarSimulator, RequirerProbe {
    private final CarSimulator peer;
    private final CarSimulatorPublisher vars;
    private final List<Boolean> peerEnabled = new CopyOnWriteArrayList<>();
    private final List<ErrorObject> peerErrors = new CopyOnWriteArrayList<>();
    private final Subscription peerVars;
    private final Subscription peerErrorEvents;

    @Activate
    public TestRelay(@Reference ModuleBus bus, @Reference(name = "peer") CarSimulator peer,
            Map<String, Object> properties) {
        this.peer = peer;
        ModuleContext context = bus.context(properties);
        vars = new CarSimulatorPublisher(context.publisher("main"));
        peerVars = context.subscribe("peer", new CarSimulatorListener() {
            @Override
            public void onEnabled(Boolean value) {
                peerEnabled.add(value);
            }
        });
        peerErrorEvents = context.subscribeErrors("peer", peerErrors::add);
        context.ready();
    }

    @Deactivate
    void stop() {
        peerVars.close();
        peerErrorEvents.close();
    }

    @Override
    public void enable(boolean value) {
        vars.publishEnabled(value);
    }

    @Override
    public void executeChargingSession(String script) {
        switch (script) {
            case "bounce" -> peer.executeChargingSession("enable");
            case "enable" -> peer.enable(true);
            default -> throw new IllegalArgumentException("unknown script '" + script + "'");
        }
    }

    @Override
    public List<Boolean> enabledValues() {
        return List.copyOf(peerEnabled);
    }

    @Override
    public List<ErrorObject> errors() {
        return List.copyOf(peerErrors);
    }
}
