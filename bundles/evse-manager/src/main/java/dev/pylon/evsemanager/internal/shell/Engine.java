package dev.pylon.evsemanager.internal.shell;

import dev.pylon.api.types.powermeter.TransactionStartResponse;
import dev.pylon.api.types.powermeter.TransactionStopResponse;
import dev.pylon.evsemanager.internal.action.Action;
import dev.pylon.evsemanager.internal.action.TimerId;
import dev.pylon.evsemanager.internal.session.Charger;
import dev.pylon.runtime.Timers;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The thin shell around the logic: runs every input of one module instance on one {@link SerialContext} and applies
 * the resulting {@link Action}s to the {@link Effects}, in order.
 * <p>
 * <b>Threading model.</b> Board and meter vars, errors, provider changes and timer expiries are submitted to the serial
 * context ({@link #submit}); cmds that answer ({@link #call}) are submitted too and their caller waits up to the call
 * timeout. One input at a time: the logic handles it, then every action it produced is applied before the next input
 * starts, so the logic needs no locks and the board sees the logic's decisions in the order they were taken. Work that
 * arrives on the serial thread itself while actions are being applied (a provider answering synchronously, a cmd
 * called back from inside a publish) is never waited for: inputs are queued behind the current one, and a cmd runs at
 * once, its actions queued behind the ones being applied. A powermeter call is answered into the logic right where it
 * is applied, before any later action. Timers fire into the serial context as inputs; a timer that was restarted or
 * cancelled after it fired is dropped by its generation number.
 */
public final class Engine {
    /** How long a cmd caller waits for the serial context by default. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);

    private final Charger charger;
    private final Timers timers;
    private final SerialContext serial;
    private final Effects effects;
    private final Duration callTimeout;
    private final ArrayDeque<Consumer<Charger>> pending = new ArrayDeque<>();
    private final Map<TimerId, Scheduled> scheduled = new EnumMap<>(TimerId.class);
    private long generation;
    private boolean running;

    private record Scheduled(long generation, Timers.Timer handle) {
    }

    public Engine(Charger charger, Timers timers, SerialContext serial, Effects effects, Duration callTimeout) {
        this.charger = charger;
        this.timers = timers;
        this.serial = serial;
        this.effects = effects;
        this.callTimeout = callTimeout;
    }

    /** Queues an input; it runs on the serial context after the inputs before it. */
    public void submit(Consumer<Charger> input) {
        if (serial.inContext()) {
            enqueue(input);
        } else {
            serial.execute(() -> enqueue(input));
        }
    }

    /**
     * Runs a cmd on the serial context and returns its answer.
     *
     * @throws IllegalStateException when the serial context does not answer within the call timeout
     */
    public <T> T call(Function<Charger, T> cmd) {
        if (serial.inContext()) {
            T result;
            try {
                result = cmd.apply(charger);
            } catch (RuntimeException e) {
                failSafe(e);
                throw e;
            } finally {
                if (!running) {
                    runPending();
                }
            }
            return result;
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        serial.execute(() -> enqueue(c -> {
            try {
                answer.complete(cmd.apply(c));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
                throw e;
            } catch (Error e) {
                answer.completeExceptionally(e);
                throw e;
            }
        }));
        try {
            return answer.get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("EvseManager did not answer within " + callTimeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for EvseManager", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Cancels every timer (the module stops); call from the serial context. */
    public void cancelTimers() {
        for (Scheduled s : scheduled.values()) {
            s.handle().cancel();
        }
        scheduled.clear();
    }

    private void enqueue(Consumer<Charger> input) {
        pending.add(input);
        if (!running) {
            runPending();
        }
    }

    private void runPending() {
        running = true;
        try {
            drain();
            Consumer<Charger> input;
            while ((input = pending.poll()) != null) {
                try {
                    input.accept(charger);
                } catch (RuntimeException e) {
                    failSafe(e);
                }
                drain();
            }
        } finally {
            running = false;
        }
    }

    /**
     * The logic threw: its state may be half updated, so the shell switches the power off itself (fail safe). The
     * logic still believes what it believed, so it never switches on again without a new decision.
     */
    private void failSafe(RuntimeException e) {
        effects.log(System.Logger.Level.ERROR, "EvseManager logic failed on an input; power off: " + e);
        try {
            effects.allowPowerOn(false, dev.pylon.api.types.evseboardsupport.PowerOnOff.Reason.PowerOff);
        } catch (RuntimeException again) {
            effects.log(System.Logger.Level.ERROR, "could not switch power off: " + again);
        }
    }

    private void drain() {
        Action action;
        while ((action = charger.outbox().poll()) != null) {
            try {
                apply(action);
            } catch (RuntimeException e) {
                effects.log(System.Logger.Level.ERROR, "applying " + action + " failed: " + e);
            }
        }
    }

    private void apply(Action action) {
        if (action instanceof Action.AllowPower a) {
            effects.allowPowerOn(a.on(), a.reason());
        } else if (action instanceof Action.PwmOn a) {
            effects.pwmOn(a.percent());
        } else if (action instanceof Action.CpX1) {
            effects.cpX1();
        } else if (action instanceof Action.CpF) {
            effects.cpF();
        } else if (action instanceof Action.BspEnable a) {
            effects.enableBoard(a.value());
        } else if (action instanceof Action.OvercurrentLimit a) {
            effects.overcurrentLimit(a.ampere());
        } else if (action instanceof Action.Lock) {
            effects.lock();
        } else if (action instanceof Action.Unlock) {
            effects.unlock();
        } else if (action instanceof Action.Publish a) {
            effects.publish(a.impl(), a.var(), a.value());
        } else if (action instanceof Action.RaiseError a) {
            effects.raiseError(a.type(), a.message(), a.severity());
        } else if (action instanceof Action.ClearError a) {
            effects.clearError(a.type());
        } else if (action instanceof Action.StartTimer a) {
            startTimer(a.id(), a.delay());
        } else if (action instanceof Action.CancelTimer a) {
            Scheduled old = scheduled.remove(a.id());
            if (old != null) {
                old.handle().cancel();
            }
        } else if (action instanceof Action.MeterStartTransaction a) {
            TransactionStartResponse response;
            try {
                response = effects.startTransaction(a.request());
            } catch (RuntimeException e) {
                effects.log(System.Logger.Level.ERROR, "powermeter start_transaction failed: " + e);
                response = null;
            }
            charger.onTransactionStartResult(response);
        } else if (action instanceof Action.MeterStopTransaction a) {
            TransactionStopResponse response;
            try {
                response = effects.stopTransaction(a.transactionId());
            } catch (RuntimeException e) {
                effects.log(System.Logger.Level.ERROR, "powermeter stop_transaction failed: " + e);
                response = null;
            }
            charger.onTransactionStopResult(response);
        } else if (action instanceof Action.Hlc a) {
            effects.hlc(a.call());
        } else if (action instanceof Action.Log a) {
            effects.log(a.level(), a.message());
        } else {
            throw new IllegalStateException("unknown action " + action);
        }
    }

    private void startTimer(TimerId id, Duration delay) {
        Scheduled old = scheduled.remove(id);
        if (old != null) {
            old.handle().cancel();
        }
        long gen = ++generation;
        Timers.Timer handle = timers.schedule(delay, () -> submit(c -> {
            Scheduled current = scheduled.get(id);
            if (current != null && current.generation() == gen) {
                scheduled.remove(id);
                c.onTimer(id);
            }
        }));
        scheduled.put(id, new Scheduled(gen, handle));
    }
}
