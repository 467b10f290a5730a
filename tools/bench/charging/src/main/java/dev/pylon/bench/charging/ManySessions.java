package dev.pylon.bench.charging;

import dev.pylon.api.evsemanager.EvseManagerListener;
import dev.pylon.api.types.evsemanager.SessionEvent;
import dev.pylon.api.types.evsemanager.SessionEventEnum;
import dev.pylon.scenarios.ChargerStack;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * P5, the growth part: many simulated sessions in one JVM. The modules of config/sim-ac.yaml run on simulated time
 * (itests/scenarios, one thread, validation on); the car's auto_exec script plugs in, charges, unplugs and starts again
 * for ever. Every {@code --step} sessions the heap is collected and heap in use and the process's resident memory
 * (VmRSS of /proc/self/status) are printed; at the end, growth from the first sample on. Run it with the heap limit of
 * the target (-Xmx64m).
 *
 * <p>Arguments: {@code [--config FILE] [--sessions N] [--step N]}.
 */
public final class ManySessions {
    /** Held here: java.util.logging keeps loggers weakly, and a collected logger forgets its level. */
    private static final java.util.List<Logger> QUIET = java.util.List.of(Logger.getLogger("dev.pylon.sessionmonitor"),
            Logger.getLogger("dev.pylon.evsemanager"));
    /** A short session: plug in, charge 5 s at 16 A on three phases, unplug, half a second until the next. */
    static final String SCRIPT = "sleep 0.5;iec_wait_pwr_ready;draw_power_regulated 16,3;sleep 5;unplug;sleep 0.5";

    public static void main(String[] args) throws Exception {
        Path config = ChargerStack.defaultConfig();
        int sessions = 10_000;
        int step = 1_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> config = Path.of(args[++i]);
                case "--sessions" -> sessions = Integer.parseInt(args[++i]);
                case "--step" -> step = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.out.printf(Locale.ROOT, "P5 sessions: %s, max heap %d MB, %s %s%n", config,
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"));
        AtomicLong finished = new AtomicLong();
        AtomicLong charged = new AtomicLong();
        try (ChargerStack stack = ChargerStack.builder(config)
                .override("ev_manager", "auto_exec", true)
                .override("ev_manager", "auto_exec_infinite", true)
                .override("ev_manager", "auto_exec_commands", SCRIPT)
                .build()) {
            stack.probe("connector_1", "evse", new EvseManagerListener() {
                @Override
                public void onSessionEvent(SessionEvent value) {
                    if (value.event() == SessionEventEnum.SessionFinished) {
                        finished.incrementAndGet();
                    } else if (value.event() == SessionEventEnum.ChargingStarted) {
                        charged.incrementAndGet();
                    }
                }
            });
            long start = System.nanoTime();
            long firstHeap = -1;
            long firstRss = -1;
            long next = Math.min(100, step); // the first sample after a warm-up
            while (finished.get() < sessions) {
                stack.run(Duration.ofSeconds(10));
                if (finished.get() >= next || finished.get() >= sessions) {
                    System.gc();
                    long heap = memory.getHeapMemoryUsage().getUsed();
                    long rss = rssKb();
                    if (firstHeap < 0) {
                        firstHeap = heap;
                        firstRss = rss;
                    }
                    System.out.printf(Locale.ROOT,
                            "sessions %6d  simulated %s  wall %5.1f s  heap after GC %5.1f MB  RSS %6.1f MB%n",
                            finished.get(), Duration.between(ChargerStackTimes.START, stack.timers().now())
                                    .toString().substring(2).toLowerCase(Locale.ROOT),
                            (System.nanoTime() - start) / 1e9, heap / 1048576.0, rss / 1024.0);
                    next = next == Math.min(100, step) ? step : next + step;
                }
            }
            long heap = memory.getHeapMemoryUsage().getUsed();
            long rss = rssKb();
            double wall = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%d sessions (%d charged) in %.1f s of wall time (%.2f ms each); "
                    + "heap after GC %+.1f MB, RSS %+.1f MB from the first sample%n", finished.get(), charged.get(),
                    wall, wall * 1000 / finished.get(), (heap - firstHeap) / 1048576.0, (rss - firstRss) / 1024.0);
        }
        System.exit(0);
    }

    /** Resident memory of this process in kB (VmRSS), or -1 where /proc is not there. */
    static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return -1;
    }

    /** When the harness's simulated time starts (its default). */
    private static final class ChargerStackTimes {
        static final java.time.Instant START = java.time.Instant.parse("2026-01-01T12:00:00Z");
    }
}
