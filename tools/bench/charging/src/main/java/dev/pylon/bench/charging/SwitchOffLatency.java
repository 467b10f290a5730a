package dev.pylon.bench.charging;

import dev.pylon.api.ImplementationId;
import dev.pylon.api.VarPublisher;
import dev.pylon.api.evboardsupport.EvBoardSupport;
import dev.pylon.api.evseboardsupport.EvseBoardSupport;
import dev.pylon.api.evsemanager.EvseManager;
import dev.pylon.api.externalenergylimits.ExternalEnergyLimits;
import dev.pylon.api.types.boardsupportcommon.BspEvent;
import dev.pylon.api.types.energy.ExternalLimits;
import dev.pylon.api.types.energy.LimitsReq;
import dev.pylon.api.types.energy.NumberWithSource;
import dev.pylon.api.types.energy.ScheduleReqEntry;
import dev.pylon.api.types.evboardsupport.EvCpState;
import dev.pylon.api.types.evseboardsupport.PowerOnOff;
import dev.pylon.scenarios.ChargerStack;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * P3 of DESIGN §5: board event → {@code allow_power_on(false)} reaching the board, through the bus, under load.
 *
 * <p>The modules of config/sim-ac.yaml run as in {@code ./pylon run} (their own threads, wall time, the bus's pools,
 * validation on), except the car simulator: the benchmark plays the car itself through {@code ev_board_support}, so
 * that it can switch between C and B as fast as the charger allows instead of on the car's 250 ms tick. One
 * repetition: the car goes to C and the benchmark waits until the board is told {@code allow_power_on(true)}; then the
 * car goes to B. Measured is the wall time from the moment YetiSimulator publishes the CP event B (its var publisher,
 * on the timer thread) to the moment {@code allow_power_on(false)} enters YetiSimulator's board_support
 * implementation: bus delivery to EvseManager, its serial thread, the IEC layer, the cmd back through the bus (pool
 * mode) and validation of both.
 *
 * <p>Load ("the other modules busy"): {@code --load-threads} threads (default 2) each call, through the bus, in turn
 * {@code get_evse} on the EVSE manager and {@code set_external_limits} on the grid connection point (32 A and 40 A
 * alternately, which reach the EVSE manager as {@code enforce_limits}, and its vars reach Auth, SessionMonitor and the
 * energy node), {@code --load-rate} calls per second each (default 1000). A first phase without that load gives the
 * floor.
 *
 * <p>Arguments: {@code [--config FILE] [--reps N] [--idle-reps N] [--load-threads N] [--load-rate N] [--cmd-direct]}
 * ({@code --cmd-direct}: the config's {@code settings.cmd_direct} set to true).
 */
public final class SwitchOffLatency {
    /** Held here: java.util.logging keeps loggers weakly, and a collected logger forgets its level. */
    private static final java.util.List<Logger> QUIET = java.util.List.of(Logger.getLogger("dev.pylon.sessionmonitor"),
            Logger.getLogger("dev.pylon.evsemanager"));
    private static final String BOARD = "connector_1_powerpath";
    private static final String EVSE = "connector_1";

    private final AtomicLong eventB = new AtomicLong();
    private final AtomicLong powerOff = new AtomicLong();
    private final AtomicBoolean powerOn = new AtomicBoolean();

    public static void main(String[] args) throws Exception {
        Path config = ChargerStack.defaultConfig();
        int reps = 3000;
        int idleReps = 1000;
        int loadThreads = 2;
        int loadRate = 1000;
        boolean cmdDirect = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> config = Path.of(args[++i]);
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--idle-reps" -> idleReps = Integer.parseInt(args[++i]);
                case "--load-threads" -> loadThreads = Integer.parseInt(args[++i]);
                case "--load-rate" -> loadRate = Integer.parseInt(args[++i]);
                case "--cmd-direct" -> cmdDirect = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        // what SessionMonitor would print for thousands of pauses is not part of the path measured
        QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
        new SwitchOffLatency().run(config, reps, idleReps, loadThreads, loadRate, cmdDirect);
        System.exit(0);
    }

    private void run(Path config, int reps, int idleReps, int loadThreads, int loadRate, boolean cmdDirect)
            throws Exception {
        System.out.printf(Locale.ROOT, "P3 switch-off latency: %s, %d cores, %s %s%n", config,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"));
        ChargerStack.Builder builder = ChargerStack.builder(config).mode(ChargerStack.Mode.WALL).without("ev_manager")
                .wrapProviders(this::timeBoard).wrapPublishers(this::timeEvents);
        if (cmdDirect) {
            builder.setting("cmd_direct", true);
        }
        try (ChargerStack stack = builder.build()) {
            System.out.println("bus: " + stack.bus().settings());
            EvBoardSupport car = stack.client(BOARD, "ev_board_support", EvBoardSupport.class);
            car.setAcMaxCurrent(16);
            car.setThreePhases(true);
            car.enable(true);
            car.setCpState(EvCpState.B);
            Thread.sleep(2000); // session started, token validated, transaction started
            // warm-up: the JIT compiles the path
            measure(car, 500);
            long[] idle = measure(car, idleReps);
            report("no extra load", idle);

            List<Thread> load = new ArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong loadCalls = new AtomicLong();
            EvseManager evse = stack.client(EVSE, "evse", EvseManager.class);
            ExternalEnergyLimits limits = stack.client("grid_connection_point", "external_limits",
                    ExternalEnergyLimits.class);
            for (int i = 0; i < loadThreads; i++) {
                long periodNs = 1_000_000_000L / Math.max(1, loadRate);
                Thread t = new Thread(() -> {
                    long next = System.nanoTime();
                    boolean flip = false;
                    while (!stop.get()) {
                        if (flip) {
                            evse.getEvse();
                        } else {
                            limits.setExternalLimits(limit(loadCalls.get() % 2 == 0 ? 32 : 40));
                        }
                        flip = !flip;
                        loadCalls.incrementAndGet();
                        next += periodNs;
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                    }
                }, "bench-load-" + i);
                t.setDaemon(true);
                load.add(t);
                t.start();
            }
            long loadStart = System.nanoTime();
            long calls0 = loadCalls.get();
            long[] loaded = measure(car, reps);
            double seconds = (System.nanoTime() - loadStart) / 1e9;
            stop.set(true);
            for (Thread t : load) {
                t.join(1000);
            }
            System.out.printf(Locale.ROOT, "load: %d threads, %.0f cmds/s through the bus in total%n", loadThreads,
                    (loadCalls.get() - calls0) / seconds);
            report("under load", loaded);
        }
    }

    /** {@code n} repetitions of C (until power is allowed) then B; the latencies in ns. */
    private long[] measure(EvBoardSupport car, int n) throws InterruptedException {
        long[] out = new long[n];
        int misses = 0;
        for (int i = 0; i < n; i++) {
            powerOn.set(false);
            car.setCpState(EvCpState.C);
            if (!await(() -> powerOn.get(), 5_000)) {
                throw new IllegalStateException("power was not allowed within 5 s of C (repetition " + i + ")");
            }
            // a random phase, so that the event does not always meet the other threads at the same point
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(200_000, 2_000_000));
            eventB.set(0);
            powerOff.set(0);
            car.setCpState(EvCpState.B);
            if (!await(() -> powerOff.get() != 0 && eventB.get() != 0, 5_000) || powerOff.get() < eventB.get()) {
                misses++;
                i--;
                if (misses > 10) {
                    throw new IllegalStateException("allow_power_on(false) did not follow B within 5 s, "
                            + misses + " times");
                }
                continue;
            }
            out[i] = powerOff.get() - eventB.get();
        }
        return out;
    }

    private static boolean await(java.util.function.BooleanSupplier condition, long maxMs) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMs);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            LockSupport.parkNanos(20_000);
        }
        return true;
    }

    private static void report(String phase, long[] ns) {
        long[] sorted = ns.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT,
                "%s: n=%d  p50=%.1f us  p90=%.1f us  p99=%.1f us  p99.9=%.1f us  max=%.1f us  (target p99.9 <= 1000 us: %s)%n",
                phase, sorted.length, us(pct(sorted, 0.50)), us(pct(sorted, 0.90)), us(pct(sorted, 0.99)),
                us(pct(sorted, 0.999)), us(sorted[sorted.length - 1]),
                pct(sorted, 0.999) <= 1_000_000 ? "met" : "NOT met");
    }

    private static long pct(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double us(long ns) {
        return ns / 1000.0;
    }

    private static ExternalLimits limit(double amps) {
        return new ExternalLimits(List.of(new ScheduleReqEntry(Instant.now().minusSeconds(1).toString(),
                LimitsReq.builder().acMaxCurrentA(new NumberWithSource(amps, "bench")).build(),
                LimitsReq.builder().build(), null, null)), List.of(), List.of());
    }

    /** Times allow_power_on at the entry of YetiSimulator's board_support implementation. */
    private Object timeBoard(ImplementationId id, Object provider) {
        if (!id.equals(new ImplementationId(BOARD, "board_support"))) {
            return provider;
        }
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EvseBoardSupport.class},
                (self, method, args) -> {
                    if (method.getName().equals("allowPowerOn") && args[0] instanceof PowerOnOff p) {
                        if (p.allowPowerOn()) {
                            powerOn.set(true);
                        } else {
                            powerOff.compareAndSet(0, System.nanoTime());
                        }
                    }
                    try {
                        return method.invoke(provider, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Times the CP event B as YetiSimulator publishes it. */
    private VarPublisher timeEvents(ImplementationId id, VarPublisher publisher) {
        if (!id.equals(new ImplementationId(BOARD, "board_support"))) {
            return publisher;
        }
        return (var, value) -> {
            if ("event".equals(var) && value instanceof BspEvent e && e.event() == BspEvent.Event.B) {
                eventB.compareAndSet(0, System.nanoTime());
            }
            publisher.publish(var, value);
        };
    }
}
