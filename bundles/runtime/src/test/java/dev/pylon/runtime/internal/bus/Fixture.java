package dev.pylon.runtime.internal.bus;

import dev.pylon.api.ImplementationId;
import dev.pylon.api.Interfaces;
import dev.pylon.api.evseboardsupport.EvseBoardSupport;
import dev.pylon.api.powermeter.Powermeter;
import dev.pylon.api.types.evseboardsupport.PowerOnOff;
import dev.pylon.api.types.powermeter.TransactionReq;
import dev.pylon.api.types.powermeter.TransactionStartResponse;
import dev.pylon.api.types.powermeter.TransactionStopResponse;
import dev.pylon.contract.Contract;
import dev.pylon.contract.ContractLoader;
import dev.pylon.contract.ContractSources;
import dev.pylon.contract.SchemaValidator;
import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.ModuleContext;
import dev.pylon.runtime.config.Manifest;
import dev.pylon.runtime.config.ModuleInstance;
import dev.pylon.runtime.config.ProvidedImpl;
import dev.pylon.runtime.config.Requirement;
import dev.pylon.runtime.config.RuntimeConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.DoubleConsumer;
import java.util.function.Function;

/**
 * A small charger wired as a runtime config, built from records (no YAML): two boards, a meter, two EVSE managers
 * and a monitor, over the real contract from the API bundle's resources.
 *
 * <pre>
 * board  (BoardSim)  provides bsp: evse_board_support   requires meter -> meter/meter
 * meter  (MeterSim)  provides meter: powermeter         requires bsp   -> board/bsp
 * evse   (Manager)   provides main: auth_token_provider requires bsp -> board/bsp, meter -> meter/meter
 * board2 (BoardSim)  provides bsp                       requires meter -> (none)
 * evse2  (Manager)   provides main                      requires bsp -> board2/bsp, meter -> meter/meter
 * monitor (Monitor)  provides main: auth_token_provider
 * </pre>
 */
public final class Fixture implements AutoCloseable {
    public static final Contract CONTRACT = ContractLoader.load(ContractSources.fromClassLoader(Interfaces.class.getClassLoader()));
    public static final SchemaValidator VALIDATOR = new SchemaValidator(CONTRACT);
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    public final ManualExecutor delivery = new ManualExecutor();
    public final ManualScheduler scheduler = new ManualScheduler();
    final MutableClock clock = new MutableClock(START);
    final ExecutorService cmdPool = Executors.newCachedThreadPool();
    public final List<String> restarted = new ArrayList<>();
    public final Bus bus;

    public Fixture() {
        this(BusSettings.defaults());
    }

    Fixture(BusSettings settings) {
        this.bus = Bus.builder(config(), CONTRACT).settings(settings).validator(VALIDATOR).delivery(delivery)
                .scheduler(scheduler).clock(clock).cmdPool(cmdPool).restartAction(restarted::add).build();
    }

    public static RuntimeConfig config() {
        Map<String, Manifest> manifests = new LinkedHashMap<>();
        manifests.put("BoardSim", manifest("BoardSim", Map.of("bsp", "evse_board_support"),
                Map.of("meter", "powermeter")));
        manifests.put("MeterSim", manifest("MeterSim", Map.of("meter", "powermeter"),
                Map.of("bsp", "evse_board_support")));
        manifests.put("Manager", manifest("Manager", Map.of("main", "auth_token_provider"),
                Map.of("bsp", "evse_board_support", "meter", "powermeter")));
        manifests.put("Monitor", manifest("Monitor", Map.of("main", "auth_token_provider"), Map.of()));
        Map<String, ModuleInstance> modules = new LinkedHashMap<>();
        add(modules, "board", "BoardSim", Map.of("meter", List.of(id("meter", "meter"))));
        add(modules, "meter", "MeterSim", Map.of("bsp", List.of(id("board", "bsp"))));
        add(modules, "evse", "Manager", Map.of("bsp", List.of(id("board", "bsp")), "meter", List.of(id("meter", "meter"))));
        add(modules, "board2", "BoardSim", Map.of());
        add(modules, "evse2", "Manager", Map.of("bsp", List.of(id("board2", "bsp")), "meter", List.of(id("meter", "meter"))));
        add(modules, "monitor", "Monitor", Map.of());
        return new RuntimeConfig("test-config.yaml", Map.of(), modules, manifests);
    }

    private static Manifest manifest(String name, Map<String, String> provides, Map<String, String> requires) {
        Map<String, ProvidedImpl> p = new LinkedHashMap<>();
        provides.forEach((impl, iface) -> p.put(impl, new ProvidedImpl(impl, iface, "", Map.of())));
        Map<String, Requirement> r = new LinkedHashMap<>();
        requires.forEach((req, iface) -> r.put(req, new Requirement(req, iface, 0, 1)));
        return new Manifest(name, "modules/" + name + "/manifest.yaml", "", Map.of(), p, r, false);
    }

    private static void add(Map<String, ModuleInstance> modules, String id, String name,
            Map<String, List<ImplementationId>> connections) {
        modules.put(id, new ModuleInstance(id, name, Map.of(), Map.of(), connections));
    }

    public static ImplementationId id(String module, String impl) {
        return new ImplementationId(module, impl);
    }

    public ModuleContext context(String moduleId) {
        return bus.context(Map.of(ModuleBus.MODULE_ID, moduleId));
    }

    public ModuleContext context(String moduleId, long componentId) {
        return bus.context(Map.of(ModuleBus.MODULE_ID, moduleId, "component.id", componentId));
    }

    EvseBoardSupport boardClient(String moduleId) {
        return (EvseBoardSupport) bus.endpoint(moduleId, "bsp").client();
    }

    Powermeter meterClient() {
        return (Powermeter) bus.endpoint("meter", "meter").client();
    }

    @Override
    public void close() {
        bus.close();
        cmdPool.shutdownNow();
    }

    /** A board whose cmds do what the test says. */
    public static class Board implements EvseBoardSupport {
        final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile DoubleConsumer onPwm = v -> { };
        volatile java.util.function.Consumer<Boolean> onEnable = v -> { };

        @Override
        public void enable(boolean value) {
            calls.add("enable " + value);
            onEnable.accept(value);
        }

        @Override
        public void pwmOn(double value) {
            calls.add("pwm_on " + value);
            onPwm.accept(value);
        }

        @Override
        public void cpStateX1() {
            calls.add("cp_state_X1");
        }

        @Override
        public void cpStateF() {
            calls.add("cp_state_F");
        }

        @Override
        public void cpStateE() {
            calls.add("cp_state_E");
        }

        @Override
        public void allowPowerOn(PowerOnOff value) {
            calls.add("allow_power_on " + value.allowPowerOn());
        }

        @Override
        public void acSwitchThreePhasesWhileCharging(boolean value) {
            calls.add("ac_switch_three_phases_while_charging " + value);
        }

        @Override
        public void acSetOvercurrentLimitA(double value) {
            calls.add("ac_set_overcurrent_limit_A " + value);
        }
    }

    /** A meter whose stop_transaction does what the test says. */
    public static class Meter implements Powermeter {
        volatile Function<String, TransactionStopResponse> onStop = id -> null;

        @Override
        public TransactionStartResponse startTransaction(TransactionReq value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TransactionStopResponse stopTransaction(String transactionId) {
            return onStop.apply(transactionId);
        }
    }
}
