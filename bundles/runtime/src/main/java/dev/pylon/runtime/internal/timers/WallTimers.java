package dev.pylon.runtime.internal.timers;

import dev.pylon.runtime.Timers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Wall time for the running charger: one scheduler thread, so tasks run one at a time as {@link Timers} promises. A
 * task that throws is logged and does not stop the others.
 */
@Component(service = Timers.class)
public final class WallTimers implements Timers {
    private static final System.Logger LOG = System.getLogger(WallTimers.class.getName());
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pylon-timers");
        t.setDaemon(true);
        return t;
    });

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> f = scheduler.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public Timer every(Duration period, Runnable task) {
        ScheduledFuture<?> f = scheduler.scheduleAtFixedRate(guarded(task), period.toNanos(), period.toNanos(),
                TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "timer task failed: " + task, e);
            }
        };
    }

    @Deactivate
    void stop() {
        scheduler.shutdownNow();
    }
}
