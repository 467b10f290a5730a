package dev.pylon.scenarios;

import dev.pylon.api.ImplementationId;
import dev.pylon.api.VarPublisher;
import dev.pylon.api.carsimulator.CarSimulator;
import dev.pylon.api.evseboardsupport.EvseBoardSupport;
import dev.pylon.api.evsemanager.EvseManager;
import dev.pylon.api.evsemanager.EvseManagerListener;
import dev.pylon.api.externalenergylimits.ExternalEnergyLimits;
import dev.pylon.api.powermeter.PowermeterListener;
import dev.pylon.api.types.boardsupportcommon.BspEvent;
import dev.pylon.api.types.energy.ExternalLimits;
import dev.pylon.api.types.energy.LimitsReq;
import dev.pylon.api.types.energy.NumberWithSource;
import dev.pylon.api.types.energy.ScheduleReqEntry;
import dev.pylon.api.types.evseboardsupport.PowerOnOff;
import dev.pylon.api.types.evsemanager.SessionEvent;
import dev.pylon.api.types.evsemanager.SessionEventEnum;
import dev.pylon.api.types.powermeter.Powermeter;
import dev.pylon.boardsupport.sim.SimulatorControl;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * config/sim-ac.yaml on simulated time, with a probe on what the tests look at (as EVerest's probe module): the
 * session events of {@code connector_1}, the meter of {@code connector_1_powerpath}, every cmd that reaches the board
 * and every CP event the board publishes, each with its simulated time. The car is driven through its
 * {@code car_simulator} endpoint with EVerest's script language, as EVerest's test controller does; its
 * {@code auto_exec} is switched off.
 */
final class SimAc implements AutoCloseable {
    static final String EVSE = "connector_1";
    static final String BOARD = "connector_1_powerpath";
    /** What EVerest's test controller sends to plug in, with 16 A on three phases (> 3 kW) and no end. */
    static final String PLUG_IN = "sleep 1;iec_wait_pwr_ready;sleep 1;draw_power_regulated 16,3;sleep 36000";
    static final List<SessionEventEnum> START_SEQUENCE = List.of(SessionEventEnum.SessionStarted,
            SessionEventEnum.AuthRequired, SessionEventEnum.Authorized, SessionEventEnum.TransactionStarted,
            SessionEventEnum.PrepareCharging, SessionEventEnum.ChargingStarted);

    /** Something that happened at a simulated time; board calls are named by their Java method (allowPowerOn true). */
    record Timed<T>(Instant at, T what) {
    }

    final ChargerStack stack;
    final EvseManager evse;
    final CarSimulator car;
    final ExternalEnergyLimits limits;
    final SimulatorControl board;
    final List<Timed<SessionEvent>> events = new CopyOnWriteArrayList<>();
    final List<Timed<String>> boardCalls = new CopyOnWriteArrayList<>();
    final List<Timed<BspEvent.Event>> boardEvents = new CopyOnWriteArrayList<>();
    volatile Powermeter meter;

    SimAc() {
        this(b -> { });
    }

    SimAc(Consumer<ChargerStack.Builder> more) {
        ChargerStack.Builder builder = ChargerStack.builder(ChargerStack.defaultConfig())
                .override("ev_manager", "auto_exec", false)
                .wrapProviders(this::recordBoardCalls)
                .wrapPublishers(this::recordBoardEvents);
        more.accept(builder);
        stack = builder.build();
        evse = stack.client(EVSE, "evse", EvseManager.class);
        car = stack.client("ev_manager", "main", CarSimulator.class);
        limits = stack.client("grid_connection_point", "external_limits", ExternalEnergyLimits.class);
        board = stack.simulator(BOARD);
        stack.probe(EVSE, "evse", new EvseManagerListener() {
            @Override
            public void onSessionEvent(SessionEvent value) {
                events.add(new Timed<>(stack.timers().now(), value));
            }
        });
        stack.probe(BOARD, "powermeter", new PowermeterListener() {
            @Override
            public void onPowermeter(Powermeter value) {
                meter = value;
            }
        });
        stack.run(Duration.ofSeconds(2)); // every module has started and the first limits are there
    }

    private Object recordBoardCalls(ImplementationId id, Object provider) {
        if (!id.equals(new ImplementationId(BOARD, "board_support"))) {
            return provider;
        }
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EvseBoardSupport.class},
                (self, method, args) -> {
                    if (method.getDeclaringClass() == EvseBoardSupport.class) {
                        boardCalls.add(new Timed<>(stack == null ? null : stack.timers().now(), describe(method
                                .getName(), args)));
                    }
                    try {
                        return method.invoke(provider, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static String describe(String method, Object[] args) {
        if (args == null || args.length == 0) {
            return method;
        }
        if (args[0] instanceof PowerOnOff p) {
            return method + " " + p.allowPowerOn();
        }
        return method + " " + Arrays.toString(args);
    }

    private VarPublisher recordBoardEvents(ImplementationId id, VarPublisher publisher) {
        if (!id.equals(new ImplementationId(BOARD, "board_support"))) {
            return publisher;
        }
        return (var, value) -> {
            if ("event".equals(var) && value instanceof BspEvent e && stack != null) {
                boardEvents.add(new Timed<>(stack.timers().now(), e.event()));
            }
            publisher.publish(var, value);
        };
    }

    // ------------------------------------------------------------------------------------------ driving

    void run(Duration d) {
        stack.run(d);
    }

    void runSeconds(double s) {
        stack.run(Duration.ofMillis(Math.round(s * 1000)));
    }

    void plugIn() {
        car.executeChargingSession(PLUG_IN);
    }

    void unplug() {
        car.executeChargingSession("unplug");
    }

    void pauseByEv() {
        car.executeChargingSession("pause;sleep 36000");
    }

    void resumeByEv() {
        car.executeChargingSession("draw_power_regulated 16,3;sleep 36000");
    }

    /** An external import limit from now on, in A per phase (0: no energy). */
    void limit(double amps) {
        limits.setExternalLimits(new ExternalLimits(List.of(new ScheduleReqEntry(stack.timers().now().toString(),
                LimitsReq.builder().acMaxCurrentA(new NumberWithSource(amps, "test")).build(),
                LimitsReq.builder().build(), null, null)), List.of(), List.of()));
    }

    /** No external limit any more: the fuse limit applies again. */
    void restoreLimit() {
        limits.setExternalLimits(new ExternalLimits(List.of(), List.of(), List.of()));
    }

    /** Plugs in and runs until charging has started and power flows. */
    void chargeUntilPowerFlows() {
        plugIn();
        if (!stack.runUntil(() -> saw(SessionEventEnum.ChargingStarted) && powerW() > 3000, Duration.ofSeconds(30),
                Duration.ofMillis(100))) {
            throw new AssertionError("no charging within 30 s: " + eventNames());
        }
    }

    /** Runs until {@code event} has been published after event number {@code from}, at most {@code max}. */
    boolean runUntilEvent(SessionEventEnum event, int from, Duration max) {
        return stack.runUntil(() -> eventNames().subList(from, events.size()).contains(event), max,
                Duration.ofMillis(50));
    }

    // ------------------------------------------------------------------------------------------ looking

    List<SessionEventEnum> eventNames() {
        return events.stream().map(e -> e.what().event()).toList();
    }

    /** Events published from number {@code from} on. */
    List<SessionEventEnum> eventsSince(int from) {
        List<SessionEventEnum> all = eventNames();
        return from >= all.size() ? Collections.emptyList() : all.subList(from, all.size());
    }

    boolean saw(SessionEventEnum event) {
        return eventNames().contains(event);
    }

    SessionEvent last(SessionEventEnum event) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).what().event() == event) {
                return events.get(i).what();
            }
        }
        return null;
    }

    /** Power the meter last published (about once a second), in W. */
    double powerW() {
        Powermeter m = meter;
        return m == null || m.powerW() == null ? 0 : m.powerW().total();
    }

    /** Energy the meter last published (since plug-in: the simulator resets at every plug-in), in Wh. */
    double energyWh() {
        Powermeter m = meter;
        return m == null ? 0 : m.energyWhImport().total();
    }

    @Override
    public void close() {
        stack.close();
    }
}
