package dev.pylon.bench;

import dev.pylon.api.CmdException;
import dev.pylon.api.ImplementationId;
import dev.pylon.api.Interfaces;
import dev.pylon.api.VarPublisher;
import dev.pylon.api.evseboardsupport.EvseBoardSupport;
import dev.pylon.api.evseboardsupport.EvseBoardSupportListener;
import dev.pylon.api.types.boardsupportcommon.BspEvent;
import dev.pylon.api.types.evseboardsupport.PowerOnOff;
import dev.pylon.contract.Contract;
import dev.pylon.contract.ContractLoader;
import dev.pylon.contract.ContractSources;
import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.config.Manifest;
import dev.pylon.runtime.config.ModuleInstance;
import dev.pylon.runtime.config.ProvidedImpl;
import dev.pylon.runtime.config.Requirement;
import dev.pylon.runtime.config.RuntimeConfig;
import dev.pylon.runtime.internal.bus.Bus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The bus's hot paths, measured on the real bus core ({@link Bus}, built without OSGi the way its unit tests build it:
 * real {@link RuntimeConfig} and {@link Manifest} records, the real contract from the API bundle's resources, the
 * executors the production bus creates for itself). Two module instances:
 *
 * <pre>
 * board (BoardSim) provides bsp: evse_board_support
 * evse  (Manager)  requires bsp -> board/bsp
 * </pre>
 *
 * <ul>
 *   <li>{@link #cmdThroughBus}: {@code evse} calls {@code allow_power_on(PowerOnOff)} on {@code board} through the
 *       endpoint, i.e. the generated client, then {@code CmdRouter} (validation when on, pool or direct mode), then the
 *       raw provider; for {@code validate_schema} on/off × {@code cmd_direct} on/off, set in the config's
 *       {@code settings} as a user would.</li>
 *   <li>{@link #cmdDirectJavaCall}: the floor, the same cmd called directly on a provider of the same class through
 *       its Java interface.</li>
 *   <li>{@link #varPublishToListener}: a ping-pong over the asynchronous var path: {@code board} publishes its
 *       {@code event} var, and the benchmark thread spins until {@code evse}'s listener has run for that value; so one
 *       operation is the time from publish to the listener having run (validation, queueing, the hand-off to a
 *       delivery thread, dispatch to the listener), one value in flight at a time.</li>
 *   <li>{@link #varBurstToListener}: the throughput view: 64 values published back to back, then wait until the
 *       listener had them all; the score is per value.</li>
 * </ul>
 *
 * <p>The provider does trivial but observable work (counts the call and keeps the argument's flag); every benchmark
 * hands the counter to the Blackhole. Setup checks each variant does what its name says: that the call reaches the
 * provider, on the caller's thread or not as configured, and that validation rejects an out-of-contract argument
 * exactly when it is on. Run with {@code tools/bench/run-bus}.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BusBenchmark {
    static final Contract CONTRACT = ContractLoader.load(
            ContractSources.fromClassLoader(Interfaces.class.getClassLoader()));
    static final String BOARD = "board";
    static final String EVSE = "evse";
    static final String BSP = "bsp";
    static final String EVSE_BOARD_SUPPORT = "evse_board_support";
    static final int BURST = 64;
    private static final long DELIVERY_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** The cmd through the bus, in the four combinations of the two settings. */
    @State(Scope.Benchmark)
    public static class CmdBus {
        @Param({"true", "false"})
        public boolean validate;
        @Param({"false", "true"})
        public boolean cmdDirect;

        Bus bus;
        Board board;
        EvseBoardSupport client;
        PowerOnOff value;

        @Setup(Level.Trial)
        public void setUp() {
            bus = bus(validate, cmdDirect);
            board = new Board();
            bus.providerAdded(BOARD, EVSE_BOARD_SUPPORT, 1, board);
            client = (EvseBoardSupport) bus.endpoint(BOARD, BSP).client();
            value = new PowerOnOff(true, PowerOnOff.Reason.FullPowerCharging);

            // each variant must measure the path its name says
            client.allowPowerOn(value);
            require(board.calls == 1 && board.allowed, "the call did not reach the provider");
            require((board.lastThread == Thread.currentThread()) == cmdDirect,
                    "cmd_direct=" + cmdDirect + " but the handler ran on " + board.lastThread.getName());
            boolean rejected;
            try {
                client.pwmOn(150); // the contract allows 0..100 %
                rejected = false;
            } catch (CmdException e) {
                require(e.kind() == CmdException.Kind.SchemaValidationError, "unexpected failure " + e);
                rejected = true;
            }
            require(rejected == validate, "validate_schema=" + validate + " but an out-of-contract pwm_on(150) was "
                    + (rejected ? "rejected" : "accepted"));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            bus.close();
        }
    }

    /** The floor: a provider of the same class, called through its Java interface. */
    @State(Scope.Benchmark)
    public static class Floor {
        Board board;
        EvseBoardSupport provider;
        PowerOnOff value;

        @Setup(Level.Trial)
        public void setUp() {
            board = new Board();
            provider = board;
            value = new PowerOnOff(true, PowerOnOff.Reason.FullPowerCharging);
        }
    }

    /** A board publishing its {@code event} var and an EVSE manager subscribed to it. */
    @State(Scope.Benchmark)
    public static class VarBus {
        @Param({"true", "false"})
        public boolean validate;

        Bus bus;
        VarPublisher publisher;
        Listener listener;
        BspEvent value;
        long published;

        @Setup(Level.Trial)
        public void setUp() {
            bus = bus(validate, false);
            publisher = bus.context(Map.of(ModuleBus.MODULE_ID, BOARD)).publisher(BSP);
            listener = new Listener();
            bus.context(Map.of(ModuleBus.MODULE_ID, EVSE)).subscribe(BSP, listener);
            value = new BspEvent(BspEvent.Event.C);

            publish(this);
            require(listener.lastThread != Thread.currentThread(), "the listener ran on the publisher's thread");
            require(listener.last == value, "the listener got " + listener.last);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            bus.close();
        }
    }

    @Benchmark
    public void cmdThroughBus(CmdBus s, Blackhole bh) {
        s.client.allowPowerOn(s.value);
        bh.consume(s.board.calls);
    }

    @Benchmark
    public void cmdDirectJavaCall(Floor s, Blackhole bh) {
        s.provider.allowPowerOn(s.value);
        bh.consume(s.board.calls);
    }

    @Benchmark
    public long varPublishToListener(VarBus s) {
        return publish(s);
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public long varBurstToListener(VarBus s) {
        for (int i = 0; i < BURST; i++) {
            s.publisher.publish("event", s.value);
        }
        s.published += BURST;
        return awaitDelivered(s, s.published);
    }

    private static long publish(VarBus s) {
        s.publisher.publish("event", s.value);
        return awaitDelivered(s, ++s.published);
    }

    /** Spins (no lock, no latch) until the listener has run {@code count} times. */
    private static long awaitDelivered(VarBus s, long count) {
        long seen;
        int spins = 0;
        long deadline = 0;
        while ((seen = s.listener.delivered) < count) {
            Thread.onSpinWait();
            if ((++spins & 0xFFFF) == 0) {
                long now = System.nanoTime();
                if (deadline == 0) {
                    deadline = now + DELIVERY_TIMEOUT_NANOS;
                } else if (now > deadline) {
                    throw new IllegalStateException("value " + count + " not delivered within 10 s (delivered: "
                            + seen + ", subscribers: " + s.bus.stats().subscribers() + ")");
                }
            }
        }
        return seen;
    }

    /** A bus over a two-module config whose settings are as given, with the executors the bus makes itself. */
    static Bus bus(boolean validate, boolean cmdDirect) {
        Map<String, Manifest> manifests = new LinkedHashMap<>();
        manifests.put("BoardSim", manifest("BoardSim", Map.of(BSP, EVSE_BOARD_SUPPORT), Map.of()));
        manifests.put("Manager", manifest("Manager", Map.of(), Map.of(BSP, EVSE_BOARD_SUPPORT)));
        Map<String, ModuleInstance> modules = new LinkedHashMap<>();
        modules.put(BOARD, new ModuleInstance(BOARD, "BoardSim", Map.of(), Map.of(), Map.of()));
        modules.put(EVSE, new ModuleInstance(EVSE, "Manager", Map.of(), Map.of(),
                Map.of(BSP, List.of(new ImplementationId(BOARD, BSP)))));
        Map<String, Object> settings = Map.of("validate_schema", validate, "cmd_direct", cmdDirect);
        RuntimeConfig config = new RuntimeConfig("bench-config.yaml", settings, modules, manifests);
        Bus bus = Bus.builder(config, CONTRACT).build();
        require(bus.settings().validateSchema() == validate && bus.settings().cmdDirect() == cmdDirect,
                "the bus did not take the settings " + settings + ": " + bus.settings());
        return bus;
    }

    private static Manifest manifest(String name, Map<String, String> provides, Map<String, String> requires) {
        Map<String, ProvidedImpl> p = new LinkedHashMap<>();
        provides.forEach((impl, iface) -> p.put(impl, new ProvidedImpl(impl, iface, "", Map.of())));
        Map<String, Requirement> r = new LinkedHashMap<>();
        requires.forEach((req, iface) -> r.put(req, new Requirement(req, iface, 1, 1)));
        return new Manifest(name, "modules/" + name + "/manifest.yaml", "", Map.of(), p, r, false);
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    /** The raw provider: counts its calls and keeps the last flag (trivial, but observable). */
    public static final class Board implements EvseBoardSupport {
        long calls;
        boolean allowed;
        double duty;
        Thread lastThread;

        @Override
        public void allowPowerOn(PowerOnOff value) {
            calls++;
            allowed = value.allowPowerOn();
            if (calls == 1) {
                lastThread = Thread.currentThread();
            }
        }

        @Override
        public void pwmOn(double value) {
            calls++;
            duty = value;
        }

        @Override
        public void enable(boolean value) {
            calls++;
        }

        @Override
        public void cpStateX1() {
            calls++;
        }

        @Override
        public void cpStateF() {
            calls++;
        }

        @Override
        public void cpStateE() {
            calls++;
        }

        @Override
        public void acSwitchThreePhasesWhileCharging(boolean value) {
            calls++;
        }

        @Override
        public void acSetOvercurrentLimitA(double value) {
            calls++;
        }
    }

    /** The subscriber: counts deliveries in a volatile the benchmark thread spins on. */
    public static final class Listener implements EvseBoardSupportListener {
        volatile long delivered;
        volatile BspEvent last;
        volatile Thread lastThread;

        @Override
        public void onEvent(BspEvent value) {
            last = value;
            if (lastThread == null) {
                lastThread = Thread.currentThread();
            }
            delivered++; // one writer: a subscriber queue delivers one value at a time, in order
        }
    }
}
