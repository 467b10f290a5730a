package dev.pylon.evsemanager.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pylon.api.Severity;
import dev.pylon.api.types.boardsupportcommon.BspEvent;
import dev.pylon.api.types.evsemanager.EnableDisableSource;
import dev.pylon.api.types.evseboardsupport.PowerOnOff;
import dev.pylon.api.types.powermeter.TransactionReq;
import dev.pylon.api.types.powermeter.TransactionStartResponse;
import dev.pylon.api.types.powermeter.TransactionStopResponse;
import dev.pylon.evsemanager.internal.action.Action;
import dev.pylon.evsemanager.internal.session.Charger;
import dev.pylon.evsemanager.internal.session.ChargerConfig;
import dev.pylon.evsemanager.internal.session.EvseState;
import dev.pylon.runtime.Timers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shell's threading model with a real serial thread: one thread runs the logic, callers wait for answers. */
class EngineTest {
    private static final String THREAD = "evse-engine-test";

    /** Timers that never fire by themselves; a test fires them. Thread-safe. */
    static final class ManualTimers implements Timers {
        final List<Runnable> scheduled = new ArrayList<>();

        @Override
        public synchronized Instant now() {
            return Instant.parse("2026-01-01T00:00:00Z");
        }

        @Override
        public synchronized Timer schedule(Duration delay, Runnable task) {
            scheduled.add(task);
            return () -> { };
        }

        @Override
        public Timer every(Duration period, Runnable task) {
            return schedule(period, task);
        }

        synchronized List<Runnable> tasks() {
            return List.copyOf(scheduled);
        }
    }

    /** Records which thread touched the outside world; {@code gate} can hold the serial thread. */
    static final class ThreadEffects implements Effects {
        final Queue<String> threads = new ConcurrentLinkedQueue<>();
        volatile CountDownLatch gate;
        volatile Runnable onPublish = () -> { };

        private void touch() {
            threads.add(Thread.currentThread().getName());
            CountDownLatch g = gate;
            if (g != null) {
                try {
                    g.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override public void pwmOn(double percent) { touch(); }
        @Override public void cpX1() { touch(); }
        @Override public void cpF() { touch(); }
        @Override public void allowPowerOn(boolean on, PowerOnOff.Reason reason) { touch(); }
        @Override public void enableBoard(boolean enable) { touch(); }
        @Override public void overcurrentLimit(double ampere) { touch(); }
        @Override public void lock() { touch(); }
        @Override public void unlock() { touch(); }

        @Override
        public void publish(String impl, String var, Object value) {
            touch();
            onPublish.run();
        }

        @Override public void raiseError(String type, String message, Severity severity) { touch(); }
        @Override public void clearError(String type) { touch(); }

        @Override
        public TransactionStartResponse startTransaction(TransactionReq request) {
            touch();
            return null;
        }

        @Override
        public TransactionStopResponse stopTransaction(String transactionId) {
            touch();
            return null;
        }

        @Override public void hlc(Action.HlcCall call) { touch(); }
        @Override public void log(System.Logger.Level level, String message) { }
    }

    private final ThreadSerialContext serial = new ThreadSerialContext(THREAD);
    private final ManualTimers timers = new ManualTimers();
    private final ThreadEffects effects = new ThreadEffects();
    private final Charger charger = new Charger(ChargerConfig.builder(1, "n").build(), timers::now, () -> "s");

    @AfterEach
    void close() {
        serial.close();
    }

    private Engine engine(Duration timeout) {
        Engine engine = new Engine(charger, timers, serial, effects, timeout);
        engine.submit(Charger::start);
        return engine;
    }

    @Test
    void everythingRunsOnTheSerialThreadAndEveryCallIsAnswered() throws Exception {
        Engine engine = engine(Duration.ofSeconds(5));
        ExecutorService callers = Executors.newFixedThreadPool(8);
        AtomicInteger answers = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int n = i;
            done.add(callers.submit(() -> {
                engine.submit(c -> c.onBspEvent(n % 2 == 0 ? BspEvent.Event.B : BspEvent.Event.A));
                EnableDisableSource source = new EnableDisableSource(EnableDisableSource.EnableSource.LocalAPI,
                        EnableDisableSource.EnableState.Enable, 5);
                if (engine.call(c -> c.enableDisable(0, source))) {
                    answers.incrementAndGet();
                }
                engine.call(Charger::getEvse);
            }));
        }
        for (Future<?> f : done) {
            f.get(10, TimeUnit.SECONDS);
        }
        callers.shutdown();
        assertThat(answers).hasValue(400);
        assertThat(effects.threads).isNotEmpty().allMatch(THREAD::equals);
        assertThat(engine.call(Charger::state)).isIn(EvseState.Idle, EvseState.WaitingForAuthentication,
                EvseState.Finished);
    }

    @Test
    void aCmdCalledBackFromInsideAnEffectDoesNotDeadlock() throws Exception {
        Engine engine = engine(Duration.ofSeconds(5));
        // effects run on the serial thread, possibly after call() returns: hand the answer over safely
        java.util.concurrent.CompletableFuture<Boolean> nested = new java.util.concurrent.CompletableFuture<>();
        effects.onPublish = () -> {
            if (!nested.isDone()) {
                nested.complete(engine.call(Charger::pauseCharging));
            }
        };
        engine.call(c -> c.reserve(3));
        assertThat(nested.get(5, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void aCallerGivesUpWhenTheSerialContextIsStuck() throws Exception {
        Engine engine = engine(Duration.ofMillis(100));
        engine.call(Charger::getEvse);
        CountDownLatch gate = new CountDownLatch(1);
        effects.gate = gate;
        engine.submit(c -> c.onBspEvent(BspEvent.Event.B));
        try {
            assertThatThrownBy(() -> engine.call(Charger::getEvse)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("did not answer");
        } finally {
            effects.gate = null;
            gate.countDown();
        }
        assertThat(engine.call(Charger::getEvse).id()).isEqualTo(1);
    }

    @Test
    void aCancelledTimerThatFiresAnywayIsDropped() {
        Engine engine = new Engine(charger, timers, new DirectSerialContext(), effects, Duration.ofSeconds(1));
        engine.submit(Charger::start);
        engine.submit(c -> c.onEnforceLimits(dev.pylon.api.types.energy.EnforcedLimits.builder().uuid("n")
                .validFor(3600).schedule(List.of()).limitsRootSide(dev.pylon.api.types.energy.LimitsRes.builder()
                        .acMaxCurrentA(new dev.pylon.api.types.energy.NumberWithSource(16, "t")).build()).build()));
        engine.submit(c -> c.onBspEvent(BspEvent.Event.B));
        dev.pylon.api.types.authorization.ProvidedIdToken token = dev.pylon.api.types.authorization.ProvidedIdToken
                .builder().idToken(new dev.pylon.api.types.authorization.IdToken("T",
                        dev.pylon.api.types.authorization.IdTokenType.Local, null))
                .authorizationType(dev.pylon.api.types.authorization.AuthorizationType.RFID).build();
        engine.submit(c -> c.authorizeResponse(token, dev.pylon.api.types.authorization.ValidationResult.builder()
                .authorizationStatus(dev.pylon.api.types.authorization.AuthorizationStatus.Accepted)
                .tariffMessages(List.of()).build()));
        assertThat(engine.call(Charger::state)).isEqualTo(EvseState.PrepareCharging);
        List<Runnable> wakeUp = timers.tasks();
        engine.submit(c -> c.onBspEvent(BspEvent.Event.C));
        assertThat(engine.call(Charger::state)).isEqualTo(EvseState.Charging);
        // The legacy wake-up timer of PrepareCharging was cancelled; a timer service may still run it.
        wakeUp.forEach(Runnable::run);
        assertThat(engine.call(Charger::state)).isEqualTo(EvseState.Charging);
    }
}
