package dev.pylon.evsimulator.internal;

import dev.pylon.api.carsimulator.CarSimulator;
import dev.pylon.api.carsimulator.CarSimulatorPublisher;
import dev.pylon.api.evboardsupport.EvBoardSupport;
import dev.pylon.api.evboardsupport.EvBoardSupportListener;
import dev.pylon.api.types.boardsupportcommon.BspEvent;
import dev.pylon.api.types.boardsupportcommon.BspMeasurement;
import dev.pylon.evsimulator.internal.sim.CarSimulation;
import dev.pylon.evsimulator.internal.sim.Command;
import dev.pylon.evsimulator.internal.sim.EvConfig;
import dev.pylon.evsimulator.internal.sim.ScriptParser;
import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.ModuleContext;
import dev.pylon.runtime.Subscription;
import dev.pylon.runtime.Timers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Module EvManager: the thin OSGi shell around {@link CarSimulation}. Provides {@code main} (car_simulator), requires
 * {@code ev_board_support}. Scripts are parsed on the caller's thread, so a bad script fails the cmd with every
 * problem listed and nothing runs; everything else is handed to the Timers thread, the simulation's serial context.
 */
@Component(name = "EvManager", configurationPolicy = ConfigurationPolicy.REQUIRE, service = CarSimulator.class,
        immediate = true, property = {ModuleBus.IMPL_ID + "=main", ModuleBus.INTERFACE + "=" + CarSimulator.NAME})
public final class EvManager implements CarSimulator {
    private final Timers timers;
    private final CarSimulation sim;
    private final Executor serial;
    private final Subscription carSide;
    private volatile boolean enabled;
    private volatile boolean active = true;

    @Activate
    public EvManager(@Reference ModuleBus bus, @Reference Timers timers,
            @Reference(name = "ev_board_support") EvBoardSupport bsp, Map<String, Object> properties) {
        this.timers = timers;
        EvConfig config = EvConfig.from(properties);
        List<Command> autoExec = config.autoExec() ? ScriptParser.parse(config.autoExecCommands()) : List.of();
        ModuleContext context = bus.context(properties);
        this.serial = task -> timers.schedule(Duration.ZERO, () -> {
            if (active) {
                task.run();
            }
        });
        this.sim = new CarSimulation(config, timers, bsp, new CarSimulatorPublisher(context.publisher("main")));
        this.enabled = config.autoEnable() || config.autoExec();
        this.carSide = context.subscribe("ev_board_support", new EvBoardSupportListener() {
            @Override
            public void onBspEvent(BspEvent value) {
                serial.execute(() -> sim.onBspEvent(value));
            }

            @Override
            public void onBspMeasurement(BspMeasurement value) {
                serial.execute(() -> sim.onBspMeasurement(value));
            }
        });
        serial.execute(() -> sim.start(autoExec));
        context.ready();
    }

    @Deactivate
    void deactivate() {
        active = false;
        carSide.close();
        timers.schedule(Duration.ZERO, sim::stop);
    }

    @Override
    public void enable(boolean value) {
        enabled = value;
        serial.execute(() -> sim.enable(value));
    }

    @Override
    public void executeChargingSession(String value) {
        List<Command> script = ScriptParser.parse(value);
        if (!enabled) {
            throw new IllegalStateException("the car simulator is switched off; call enable(true) before running a script");
        }
        serial.execute(() -> sim.execute(script, false));
    }
}
