package dev.pylon.evsimulator.internal.sim;

import dev.pylon.api.carsimulator.CarSimulatorPublisher;
import dev.pylon.api.evboardsupport.EvBoardSupport;
import dev.pylon.api.types.boardsupportcommon.BspEvent;
import dev.pylon.api.types.boardsupportcommon.BspMeasurement;
import dev.pylon.api.types.evboardsupport.EvCpState;
import dev.pylon.runtime.Timers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * A simulated electric vehicle that runs scripts (see {@link ScriptParser}) against an ev_board_support.
 * <p>
 * Every 250 ms tick it runs the script as far as it can (a command either completes at once or waits: {@code sleep},
 * {@code iec_wait_pwr_ready}), then presents the Control Pilot state its current mode asks for. The mode set by the
 * last command stays in force while later commands run, so {@code draw_power_regulated 16,3;sleep 60} charges for a
 * minute, following the PWM the whole time.
 * <p>
 * The board may be missing or failing (it starts after the car, or is being replaced): a failed cmd marks the car
 * out of sync, and every tick then sends the board the car's whole state again until that succeeds.
 * <p>
 * Not thread-safe by design: every method runs on one serial context, the {@link Timers} thread.
 */
public final class CarSimulation {
    /** The simulation step. */
    public static final Duration TICK = Duration.ofMillis(250);
    private static final System.Logger LOG = System.getLogger(CarSimulation.class.getName());

    /** What the car presents on the Control Pilot. */
    public enum Mode {
        /** Not plugged in (A). */
        UNPLUGGED,
        /** Plugged in, not asking for power (B). */
        PLUGGED,
        /** Asking for power (C) while the PWM is valid, else B. */
        REGULATED,
        /** Asking for power (C) regardless of the PWM. */
        FIXED,
        /** Control Pilot shorted (E). */
        SHORTED
    }

    private final EvConfig config;
    private final Timers timers;
    private final EvBoardSupport bsp;
    private final CarSimulatorPublisher vars;
    private Timers.Timer tickTimer;

    private boolean enabled;
    private List<Command> script = List.of();
    private boolean loop;
    private int next;
    private Instant sleepUntil;
    private Mode mode = Mode.UNPLUGGED;
    private EvCpState presented;
    private double dutyCycle;
    private BspEvent.Event lastEvent;
    private double maxCurrent;
    private boolean threePhases;
    private boolean diodeFailInjected;
    private double rcdMilliAmps;
    private boolean outOfSync;
    private boolean warned;

    public CarSimulation(EvConfig config, Timers timers, EvBoardSupport bsp, CarSimulatorPublisher vars) {
        this.config = config;
        this.timers = timers;
        this.bsp = bsp;
        this.vars = vars;
    }

    /** A PWM an AC car accepts as an offer of power: above 7 % up to 97 %. */
    public static boolean validPwm(double dutyCyclePercent) {
        return dutyCyclePercent > 7 && dutyCyclePercent <= 97;
    }

    /** Starts the tick, then does what auto_enable and auto_exec ask (the auto_exec script is parsed beforehand). */
    public void start(List<Command> autoExecScript) {
        tickTimer = timers.every(TICK, this::tick);
        if (config.autoEnable() || config.autoExec()) {
            enable(true);
        } else {
            vars.publishEnabled(false);
        }
        if (config.autoExec()) {
            execute(autoExecScript, config.autoExecInfinite());
        }
    }

    public void stop() {
        if (tickTimer != null) {
            tickTimer.cancel();
            tickTimer = null;
        }
    }

    /**
     * Switches the simulation on (the car side is enabled, the car unplugged, with the configured current and phases)
     * or off (the script stops, the car unplugs, the car side is disabled).
     */
    public void enable(boolean on) {
        if (on && !enabled) {
            enabled = true;
            maxCurrent = config.maxCurrent();
            threePhases = config.threePhases();
            toBoard(b -> b.enable(true));
            toBoard(b -> b.setAcMaxCurrent(maxCurrent));
            toBoard(b -> b.setThreePhases(threePhases));
            mode = Mode.UNPLUGGED;
            presented = null;
            present();
        } else if (!on && enabled) {
            script = List.of();
            unplug();
            present();
            toBoard(b -> b.enable(false));
            enabled = false;
        }
        vars.publishEnabled(on);
    }

    /**
     * Replaces whatever script runs with {@code commands}, from the next tick on.
     *
     * @param repeat start again from the first command when the last one is done
     * @throws IllegalStateException while the simulation is switched off
     */
    public void execute(List<Command> commands, boolean repeat) {
        if (!enabled) {
            throw new IllegalStateException("the car simulator is switched off; enable it before running a script");
        }
        script = List.copyOf(commands);
        loop = repeat && !script.isEmpty();
        next = 0;
        sleepUntil = null;
    }

    /**
     * Var bsp_event of the car side: Control Pilot state and relay feedback. {@code Disconnected} while the car is
     * plugged in means the board has forgotten the car (it was restarted or replaced), so the car tells it everything
     * again; repeating is harmless when the event was only late.
     */
    public void onBspEvent(BspEvent event) {
        lastEvent = event.event();
        if (enabled && event.event() == BspEvent.Event.Disconnected && presented != null
                && presented != EvCpState.A) {
            resync();
        }
    }

    /** Var bsp_measurement of the car side: the duty cycle the car sees. */
    public void onBspMeasurement(BspMeasurement measurement) {
        dutyCycle = measurement.cpPwmDutyCycle();
    }

    public boolean enabled() {
        return enabled;
    }

    public Mode mode() {
        return mode;
    }

    /** The Control Pilot state last sent to the board, null before the first. */
    public EvCpState presented() {
        return presented;
    }

    /** The last event the board reported on the car side, null before the first. */
    public BspEvent.Event lastEvent() {
        return lastEvent;
    }

    /** Whether a script is still running (a repeating script always is). */
    public boolean running() {
        return next < script.size();
    }

    /** The command that runs or waits now, null when none. */
    public Command current() {
        return running() ? script.get(next) : null;
    }

    /** Whether a board cmd failed and the car's state has not reached the board since. */
    public boolean outOfSync() {
        return outOfSync;
    }

    private void tick() {
        if (outOfSync) {
            resync();
        }
        if (!enabled) {
            return;
        }
        runScript();
        present();
    }

    /** Sends the board the car's whole state; repeating any of it is harmless. */
    private void resync() {
        outOfSync = false;
        if (!enabled) {
            toBoard(b -> b.setCpState(EvCpState.A));
            toBoard(b -> b.enable(false));
        } else {
            toBoard(b -> b.enable(true));
            toBoard(b -> b.setAcMaxCurrent(maxCurrent));
            toBoard(b -> b.setThreePhases(threePhases));
            toBoard(b -> b.diodeFail(diodeFailInjected));
            toBoard(b -> b.setRcdError(rcdMilliAmps));
            if (presented != null) {
                toBoard(b -> b.setCpState(presented));
            }
        }
        if (!outOfSync && warned) {
            warned = false;
            LOG.log(System.Logger.Level.INFO, "ev_board_support answers again; the car's state is sent");
        }
    }

    /** Calls the board; a failure marks the car out of sync, and calls wait for the next resync meanwhile. */
    private void toBoard(Consumer<EvBoardSupport> call) {
        if (outOfSync) {
            return;
        }
        try {
            call.accept(bsp);
        } catch (RuntimeException e) {
            outOfSync = true;
            if (!warned) {
                warned = true;
                LOG.log(System.Logger.Level.WARNING, "ev_board_support failed (" + e.getMessage()
                        + "); sending the car's state again every " + TICK.toMillis() + " ms until it answers");
            }
        }
    }

    /** Runs commands until one waits; a repeating script of commands that never wait gets one pass per tick. */
    private void runScript() {
        int budget = script.size();
        while (next < script.size() && budget-- > 0) {
            if (!run(script.get(next))) {
                return;
            }
            next++;
            sleepUntil = null;
            if (next == script.size() && loop) {
                next = 0;
            }
        }
    }

    /** Carries out one command; false while it is still waiting. */
    private boolean run(Command command) {
        switch (command.kind()) {
            case SLEEP -> {
                Instant now = timers.now();
                if (sleepUntil == null) {
                    sleepUntil = now.plusNanos(Math.round(command.arg0() * 1e9));
                }
                return !now.isBefore(sleepUntil);
            }
            case IEC_WAIT_PWR_READY -> {
                if (mode != Mode.PLUGGED || presented != EvCpState.B) {
                    mode = Mode.PLUGGED;
                    return false;
                }
                return validPwm(dutyCycle);
            }
            case DRAW_POWER_REGULATED, DRAW_POWER_FIXED -> {
                maxCurrent = command.arg0();
                threePhases = command.arg1() == 3;
                toBoard(b -> b.setAcMaxCurrent(maxCurrent));
                toBoard(b -> b.setThreePhases(threePhases));
                mode = command.kind() == Command.Kind.DRAW_POWER_FIXED ? Mode.FIXED : Mode.REGULATED;
                return true;
            }
            case PAUSE, PLUGIN, WAIT_FOR_REAL_PLUGIN -> {
                mode = Mode.PLUGGED;
                return true;
            }
            case UNPLUG -> {
                unplug();
                return true;
            }
            case ERROR_E -> {
                mode = Mode.SHORTED;
                return true;
            }
            case DIODE_FAIL -> {
                diodeFailInjected = true;
                toBoard(b -> b.diodeFail(true));
                return true;
            }
            case RCD_CURRENT -> {
                rcdMilliAmps = command.arg0();
                toBoard(b -> b.setRcdError(rcdMilliAmps));
                return true;
            }
        }
        throw new IllegalStateException("unhandled command " + command);
    }

    private void unplug() {
        mode = Mode.UNPLUGGED;
        if (diodeFailInjected) {
            diodeFailInjected = false;
            toBoard(b -> b.diodeFail(false));
        }
        if (rcdMilliAmps > 0) {
            rcdMilliAmps = 0;
            toBoard(b -> b.setRcdError(0));
        }
    }

    /** Sends the Control Pilot state the mode asks for, when it differs from the one presented. */
    private void present() {
        EvCpState wanted = switch (mode) {
            case UNPLUGGED -> EvCpState.A;
            case PLUGGED -> EvCpState.B;
            case REGULATED -> validPwm(dutyCycle) ? EvCpState.C : EvCpState.B;
            case FIXED -> EvCpState.C;
            case SHORTED -> EvCpState.E;
        };
        if (wanted != presented) {
            presented = wanted;
            toBoard(b -> b.setCpState(wanted));
        }
    }
}
