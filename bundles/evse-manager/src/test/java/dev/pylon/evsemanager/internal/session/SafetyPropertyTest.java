package dev.pylon.evsemanager.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.pylon.api.Severity;
import dev.pylon.api.errors.EvseBoardSupportErrors;
import dev.pylon.api.types.boardsupportcommon.BspEvent;
import dev.pylon.api.types.evsemanager.EnableDisableSource.EnableSource;
import dev.pylon.api.types.evsemanager.EnableDisableSource.EnableState;
import dev.pylon.api.types.evsemanager.StopTransactionReason;
import dev.pylon.evsemanager.internal.iec.IecTiming;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The safety invariant over long random runs (seeded, so a failure names its seed and replays the same way): board
 * events from a plausible but unruly EV, cmds, errors, energy limits and time steps in random order. After every step,
 * and at the moment the board is told to switch on:
 * <ul>
 * <li>power is switched on only in C (or D with ventilation), with PWM on, authorised, with a valid limit of at least
 * 6 A, enabled and without a fatal error;</li>
 * <li>power stays on only in C/D, without a fatal error, enabled, with a valid limit, during a transaction, and with
 * PWM on or within the 6 s the EV gets after the PWM stopped (IEC 61851-1 A.6 10.2); leaving C/D, a fatal error, a
 * disable or an expired limit switch it off in the same step (0 ms of simulated time);</li>
 * <li>and the other way round: an authorised EV in C with PWM and energy does get power (nothing sticks off).</li>
 * </ul>
 */
class SafetyPropertyTest {
    private static final int SEEDS = 40;
    private static final int STEPS = 2500;
    private static final List<String> ERRORS = List.of(EvseBoardSupportErrors.MREC2_GROUND_FAILURE,
            EvseBoardSupportErrors.MREC14_PILOT_FAULT, EvseBoardSupportErrors.MREC3_HIGH_TEMPERATURE,
            EvseBoardSupportErrors.VENDOR_WARNING, "pylon/ProviderMissing", "generic/CommunicationFault");
    private static final List<String> REQUIREMENTS = List.of("bsp", "bsp", "connector_lock", "powermeter_grid_side");

    private Rig rig;
    private BspEvent.Event cp;
    private boolean ventilation;
    private final ArrayDeque<String> trace = new ArrayDeque<>();
    private final List<String[]> activeErrors = new java.util.ArrayList<>();
    private long seed;
    private int step;

    @Test
    void safetyInvariantHoldsOverRandomRuns() {
        long chargingSteps = 0;
        long powerOns = 0;
        for (seed = 1; seed <= SEEDS; seed++) {
            Random random = new Random(seed);
            ventilation = random.nextBoolean();
            boolean powermeter = random.nextBoolean();
            rig = new Rig(ChargerConfig.builder(1, Rig.NODE).hasVentilation(ventilation)
                    .lockInStateB(random.nextBoolean()).build());
            // The scenario tests check every var against the contract; here it would cost seconds per run.
            rig.world.validate = false;
            activeErrors.clear();
            rig.world.onRelayChange = () -> {
                if (rig.world.relay) {
                    checkSwitchOn();
                }
            };
            rig.start(powermeter);
            cp = BspEvent.Event.A;
            rig.cp(cp);
            trace.clear();
            for (step = 0; step < STEPS; step++) {
                randomStep(random);
                checkSteady();
                if (rig.world.relay) {
                    chargingSteps++;
                }
            }
            powerOns += rig.world.calls("allow_power_on").stream().filter(c -> Boolean.TRUE.equals(c.argument()))
                    .count();
            assertThat(rig.world.logicErrors()).as(where()).isEmpty();
        }
        // The walk must actually charge, or the invariant was checked on nothing.
        assertThat(powerOns).as("power-on count over all runs").isGreaterThan(SEEDS * 10L);
        assertThat(chargingSteps).as("steps with power on").isGreaterThan(SEEDS * STEPS / 40L);
    }

    private void randomStep(Random r) {
        int dice = r.nextInt(100);
        if (dice < 25) {
            moveEv(r);
        } else if (dice < 35) {
            note("authorize");
            rig.authorize("T" + r.nextInt(3));
        } else if (dice < 37) {
            note("withdraw");
            rig.input(Charger::withdrawAuthorization);
        } else if (dice < 41) {
            note("pause");
            rig.ask(Charger::pauseCharging);
        } else if (dice < 45) {
            note("resume");
            rig.ask(Charger::resumeCharging);
        } else if (dice < 47) {
            StopTransactionReason reason = StopTransactionReason.values()[r.nextInt(4)];
            note("stop " + reason);
            rig.stop(reason);
        } else if (dice < 49) {
            EnableSource source = EnableSource.values()[r.nextInt(3)];
            EnableState state = r.nextInt(4) == 0 ? EnableState.Disable
                    : r.nextBoolean() ? EnableState.Enable : EnableState.Unassigned;
            int priority = r.nextInt(3) * 100;
            note("enable_disable " + source + " " + state + " " + priority);
            rig.enable(source, state, priority);
        } else if (dice < 51) {
            if (r.nextBoolean()) {
                note("reserve");
                rig.ask(c -> c.reserve(r.nextInt(3)));
            } else {
                note("cancel_reservation");
                rig.input(Charger::cancelReservation);
            }
        } else if (dice < 60) {
            double[] amps = {0, 3, 6, 10, 16, 16, 32, 32, 63};
            int[] validFor = {0, 1, 5, 30, 3600, 3600, 3600, 3600, 3600, 3600};
            double a = amps[r.nextInt(amps.length)];
            int v = validFor[r.nextInt(validFor.length)];
            note("limits " + a + " A for " + v + " s");
            rig.limits(a, v);
        } else if (dice < 64) {
            if (activeErrors.isEmpty() || r.nextInt(3) == 0) {
                String type = ERRORS.get(r.nextInt(ERRORS.size()));
                String requirement = REQUIREMENTS.get(r.nextInt(REQUIREMENTS.size()));
                Severity severity = Severity.values()[r.nextInt(3)];
                note("raise " + type + " (" + severity + ") on " + requirement);
                rig.error(requirement, type, severity, true);
                activeErrors.add(new String[] {requirement, type});
            } else {
                String[] e = activeErrors.remove(r.nextInt(activeErrors.size()));
                note("clear " + e[1] + " on " + e[0]);
                rig.error(e[0], e[1], Severity.Low, false);
            }
        } else if (dice < 69) {
            double current = r.nextInt(10) == 0 ? 40.0 : 10.0;
            note("meter " + current + " A");
            rig.meter(step, current);
        } else if (dice < 72) {
            BspEvent.Event confirm = rig.world.relay ? BspEvent.Event.PowerOn : BspEvent.Event.PowerOff;
            note("board confirms " + confirm);
            rig.cp(confirm);
        } else {
            long millis = switch (r.nextInt(4)) {
                case 0 -> r.nextInt(50);
                case 1 -> r.nextInt(1000);
                case 2 -> r.nextInt(8000);
                default -> r.nextInt(40_000);
            };
            note("advance " + millis + " ms");
            rig.advance(Duration.ofMillis(millis));
        }
    }

    /** A plausible EV: it plugs in, asks for power when it sees PWM, pauses and leaves now and then; and misbehaves. */
    private void moveEv(Random r) {
        boolean pwm = rig.world.pwm != null;
        BspEvent.Event next = cp;
        int dice = r.nextInt(100);
        switch (cp) {
            case A -> next = dice < 70 ? BspEvent.Event.B : dice < 75 ? BspEvent.Event.C : cp;
            case B -> next = pwm && dice < 70 ? BspEvent.Event.C : dice < 80 ? BspEvent.Event.A
                    : dice < 85 ? BspEvent.Event.C : cp;
            case C, D -> next = dice < 15 ? BspEvent.Event.B : dice < 20 ? BspEvent.Event.A
                    : dice < 25 ? BspEvent.Event.D : dice < 30 ? BspEvent.Event.C : cp;
            default -> next = dice < 50 ? BspEvent.Event.B : BspEvent.Event.A;
        }
        if (r.nextInt(100) < 4) {
            BspEvent.Event[] odd = {BspEvent.Event.E, BspEvent.Event.F, BspEvent.Event.Disconnected};
            next = odd[r.nextInt(odd.length)];
        }
        cp = next;
        note("EV " + cp);
        rig.cp(cp);
    }

    private boolean evReady() {
        return cp == BspEvent.Event.C || (cp == BspEvent.Event.D && ventilation);
    }

    private void checkSwitchOn() {
        Charger c = rig.charger;
        check(evReady(), "switched on outside C/D");
        check(rig.world.pwm != null, "switched on without PWM");
        check(c.authorized(), "switched on without authorisation");
        check(c.limitValid() && c.maxCurrent() > 5.9, "switched on without a valid limit");
        check(!c.fatalError(), "switched on with a fatal error");
        check(c.enabled(), "switched on while disabled");
    }

    private void checkSteady() {
        Charger c = rig.charger;
        Instant now = rig.timers.now();
        if (rig.world.relay) {
            check(evReady(), "power on outside C/D");
            check(!c.fatalError(), "power on with a fatal error");
            check(c.enabled(), "power on while disabled");
            check(c.limitValid() && c.maxCurrent() > 5.9, "power on without a valid limit");
            check(c.transactionActive(), "power on without a transaction");
            check(!rig.world.stateF, "power on in state F");
            boolean graceRunning = rig.world.pwmStoppedAt != null
                    && Duration.between(rig.world.pwmStoppedAt, now).compareTo(IecTiming.C1_POWER_OFF) <= 0;
            check(rig.world.pwm != null || graceRunning, "power on without PWM for more than 6 s");
        } else if (c.state() == EvseState.Charging && cp == BspEvent.Event.C && rig.world.pwm != null
                && c.authorized() && c.limitValid() && c.maxCurrent() > 5.9 && !c.fatalError() && c.enabled()) {
            fail(where() + ": EV in C with PWM, authorised, with energy and no error, but no power");
        }
    }

    private void check(boolean condition, String what) {
        if (!condition) {
            fail(where() + ": " + what);
        }
    }

    private void note(String what) {
        trace.addLast(step + ": " + what);
        if (trace.size() > 40) {
            trace.removeFirst();
        }
    }

    private String where() {
        return "seed " + seed + ", step " + step + ", state " + rig.charger.state() + ", EV " + cp
                + "\nlast steps:\n  " + String.join("\n  ", trace);
    }
}
