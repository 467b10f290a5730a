package dev.pylon.evsemanager.internal.iec;

import static dev.pylon.evsemanager.internal.iec.CpEvent.BCDtoE;
import static dev.pylon.evsemanager.internal.iec.CpEvent.BCDtoEF;
import static dev.pylon.evsemanager.internal.iec.CpEvent.CarPluggedIn;
import static dev.pylon.evsemanager.internal.iec.CpEvent.CarRequestedPower;
import static dev.pylon.evsemanager.internal.iec.CpEvent.CarRequestedStopPower;
import static dev.pylon.evsemanager.internal.iec.CpEvent.CarUnplugged;
import static dev.pylon.evsemanager.internal.iec.CpEvent.EFtoBCD;
import static dev.pylon.evsemanager.internal.iec.CpEvent.PowerOn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pylon.api.types.evseboardsupport.PowerOnOff;
import dev.pylon.evsemanager.internal.action.Action;
import dev.pylon.evsemanager.internal.action.TimerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The IEC layer as a table: from the state a setup reaches, one input gives these events, these actions (in order)
 * and this contactor state. Inputs and actions are written short: {@code cp:B}, {@code pwm:26.67}, {@code x1},
 * {@code f}, {@code allow}, {@code deny}, {@code force}, {@code unlock}, {@code relay:on}, {@code t:IEC_C1},
 * {@code wait:2} (seconds pass).
 */
class IecStateMachineTest {
    private static final IecConfig DEFAULT = new IecConfig(true, true);
    private static final List<String> CHARGING = List.of("cp:A", "cp:B", "pwm:26.67", "allow", "cp:C");

    record Row(String name, IecConfig config, List<String> setup, String input, List<CpEvent> events,
            List<String> actions, boolean powerOn) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Row row(String name, List<String> setup, String input, List<CpEvent> events, String actions,
            boolean powerOn) {
        return row(name, DEFAULT, setup, input, events, actions, powerOn);
    }

    private static Row row(String name, IecConfig config, List<String> setup, String input, List<CpEvent> events,
            String actions, boolean powerOn) {
        List<String> expected = actions.isEmpty() ? List.of() : Arrays.asList(actions.split(" "));
        return new Row(name, config, setup, input, events, expected, powerOn);
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    static Stream<Row> rows() {
        return Stream.of(
                row("plug in: A to B", List.of("cp:A"), "cp:B", List.of(CarPluggedIn), "Lock", false),
                row("EV already plugged at start-up", List.of(), "cp:B", List.of(CarPluggedIn), "Lock", false),
                row("no lock in B when so configured", new IecConfig(true, false), List.of("cp:A"), "cp:B",
                        List.of(CarPluggedIn), "", false),
                row("simplified mode: A to C", List.of("cp:A"), "cp:C", List.of(CarPluggedIn, CarRequestedPower),
                        "Lock", false),
                row("B to C without PWM: no power", List.of("cp:A", "cp:B", "allow"), "cp:C",
                        List.of(CarRequestedPower), "", false),
                row("B to C without permission: no power", List.of("cp:A", "cp:B", "pwm:26.67"), "cp:C",
                        List.of(CarRequestedPower), "", false),
                row("B to C with PWM and permission: power on", List.of("cp:A", "cp:B", "pwm:26.67", "allow"), "cp:C",
                        List.of(CarRequestedPower), "Power(on)", true),
                row("permission while in C2: power on", List.of("cp:A", "cp:B", "pwm:26.67", "cp:C"), "allow",
                        List.of(), "Power(on)", true),
                row("PWM starts in C with permission: power on", List.of("cp:A", "cp:B", "allow", "cp:C"),
                        "pwm:26.67", List.of(), "PwmOn(26.67) Power(on)", true),
                row("C to B: off at once", CHARGING, "cp:B", List.of(CarRequestedStopPower), "Power(off)", false),
                row("C to A: off, X1, unlock", CHARGING, "cp:A", List.of(CarUnplugged), "Power(off) X1 Unlock",
                        false),
                row("C to E: off, X1, unlock", CHARGING, "cp:E", List.of(BCDtoEF, BCDtoE), "Power(off) X1 Unlock",
                        false),
                row("C to F: off, unlock later", CHARGING, "cp:F", List.of(BCDtoEF),
                        "Power(off) Start(IEC_UNLOCK_F,5s)", false),
                row("board disconnected: off", CHARGING, "cp:UNKNOWN", List.of(), "Power(off) X1 Unlock", false),
                row("C to D with ventilation: stays on", CHARGING, "cp:D", List.of(), "", true),
                row("D without ventilation: never power", new IecConfig(false, true),
                        List.of("cp:A", "cp:B", "pwm:26.67", "allow"), "cp:D", List.of(CarRequestedPower), "", false),
                row("permission withdrawn: off at once", CHARGING, "deny", List.of(), "Power(off)", false),
                row("session drives F: off at once", CHARGING, "f", List.of(), "Power(off) F", false),
                row("PWM stops in C: 6 s grace", CHARGING, "x1", List.of(), "X1 Start(IEC_C1,6s)", true),
                row("EV stays in C1 for 6 s: off under load", with(CHARGING, "x1"), "t:IEC_C1", List.of(),
                        "Power(off)", false),
                row("EV opens S2 within the grace: off", with(CHARGING, "x1"), "cp:B", List.of(CarRequestedStopPower),
                        "Power(off) Cancel(IEC_C1)", false),
                row("PWM back within the grace: stays on", with(CHARGING, "x1", "wait:2"), "pwm:26.67", List.of(),
                        "PwmOn(26.67) Cancel(IEC_C1)", true),
                row("stale C1 timer after B: nothing", with(CHARGING, "x1", "cp:B", "cp:C"), "t:IEC_C1", List.of(),
                        "", false),
                row("same duty cycle: nothing", CHARGING, "pwm:26.67", List.of(), "", true),
                row("duty change within 5 s: deferred", with(CHARGING, "wait:2"), "pwm:33.33", List.of(),
                        "Start(IEC_PWM_UPDATE,3s)", true),
                row("second change within 5 s: same timer", with(CHARGING, "wait:2", "pwm:33.33", "wait:1"),
                        "pwm:40", List.of(), "", true),
                row("deferred change applied by its timer", with(CHARGING, "wait:2", "pwm:33.33", "wait:3"),
                        "t:IEC_PWM_UPDATE", List.of(), "PwmOn(33.33)", true),
                row("back to the running duty: pending dropped", with(CHARGING, "wait:2", "pwm:33.33"), "pwm:26.67",
                        List.of(), "Cancel(IEC_PWM_UPDATE)", true),
                row("duty change after 5 s: at once", with(CHARGING, "wait:5"), "pwm:33.33", List.of(),
                        "PwmOn(33.33)", true),
                row("PWM off is never delayed", with(CHARGING, "wait:1"), "x1", List.of(), "X1 Start(IEC_C1,6s)",
                        true),
                row("PWM on is never delayed", with(CHARGING, "x1", "cp:B", "wait:1"), "pwm:53.33", List.of(),
                        "PwmOn(53.33)", false),
                row("X1 twice: one command", List.of("cp:A"), "x1", List.of(), "", false),
                row("first request at start-up is sent", List.of(), "x1", List.of(), "X1", false),
                row("F lasting 5 s unlocks", List.of("cp:A", "cp:B", "cp:F"), "t:IEC_UNLOCK_F", List.of(), "Unlock",
                        false),
                row("F back to B", List.of("cp:A", "cp:B", "cp:F"), "cp:B", List.of(EFtoBCD),
                        "Cancel(IEC_UNLOCK_F)", false),
                row("relay confirmation passes through", CHARGING, "relay:on", List.of(PowerOn), "", true),
                row("forced power off is always sent", List.of("cp:A"), "force", List.of(), "Power(off)", false),
                row("force unlock when off", List.of("cp:A", "cp:B"), "unlock", List.of(), "Unlock", false),
                row("force unlock refused under power", CHARGING, "unlock", List.of(), "", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void transition(Row row) {
        Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
        IecState state = IecState.initial();
        for (String setup : row.setup()) {
            if (setup.startsWith("wait:")) {
                now[0] = now[0].plusMillis((long) (Double.parseDouble(setup.substring(5)) * 1000));
            } else {
                state = IecStateMachine.step(row.config(), state, parse(setup), now[0]).next();
            }
        }
        IecStep step = IecStateMachine.step(row.config(), state, parse(row.input()), now[0]);
        assertThat(step.events()).as("events").containsExactlyElementsOf(row.events());
        assertThat(step.actions().stream().filter(a -> !(a instanceof Action.Log)).map(IecStateMachineTest::show))
                .as("actions").containsExactlyElementsOf(row.actions());
        assertThat(step.next().powerOn()).as("power on").isEqualTo(row.powerOn());
        if (row.actions().contains("Power(off)")) {
            assertThat(step.next().powerAllowed()).as("permission is dropped with the power").isFalse();
        }
    }

    private static IecInput parse(String s) {
        String[] p = s.split(":", 2);
        return switch (p[0]) {
            case "cp" -> new IecInput.Cp(CpState.valueOf(p[1]));
            case "pwm" -> new IecInput.Pwm(Double.parseDouble(p[1]));
            case "x1" -> new IecInput.X1();
            case "f" -> new IecInput.F();
            case "allow" -> new IecInput.AllowPower(true, PowerOnOff.Reason.FullPowerCharging);
            case "deny" -> new IecInput.AllowPower(false, PowerOnOff.Reason.PowerOff);
            case "force" -> new IecInput.ForcePowerOff();
            case "unlock" -> new IecInput.ForceUnlock();
            case "relay" -> new IecInput.RelayConfirmed("on".equals(p[1]));
            case "t" -> new IecInput.Timeout(TimerId.valueOf(p[1]));
            default -> throw new IllegalArgumentException(s);
        };
    }

    private static String show(Action a) {
        if (a instanceof Action.PwmOn p) {
            return "PwmOn(" + String.format(Locale.ROOT, "%.2f", p.percent()) + ")";
        } else if (a instanceof Action.CpX1) {
            return "X1";
        } else if (a instanceof Action.CpF) {
            return "F";
        } else if (a instanceof Action.AllowPower p) {
            return "Power(" + (p.on() ? "on" : "off") + ")";
        } else if (a instanceof Action.Lock) {
            return "Lock";
        } else if (a instanceof Action.Unlock) {
            return "Unlock";
        } else if (a instanceof Action.StartTimer t) {
            Duration d = t.delay();
            String amount = d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
            return "Start(" + t.id() + "," + amount + ")";
        } else if (a instanceof Action.CancelTimer t) {
            return "Cancel(" + t.id() + ")";
        }
        return a.toString();
    }
}
