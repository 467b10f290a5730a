package dev.pylon.evsimulator.internal.sim;

import java.util.List;

/**
 * One parsed script command.
 *
 * @param kind     what it does
 * @param args     its arguments, checked for count and range
 * @param position where it stands in the script, from 1
 */
public record Command(Kind kind, List<Double> args, int position) {
    public Command {
        args = List.copyOf(args);
    }

    /** The first argument. */
    public double arg0() {
        return args.get(0);
    }

    /** The second argument. */
    public double arg1() {
        return args.get(1);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(kind.word());
        for (int i = 0; i < args.size(); i++) {
            double a = args.get(i);
            text.append(i == 0 ? " " : ",").append(a == Math.rint(a) ? String.valueOf((long) a) : String.valueOf(a));
        }
        return text.toString();
    }

    /** The commands of the script language (see docs/simulators.md). */
    public enum Kind {
        /** {@code sleep s}: wait s seconds (fractions allowed). */
        SLEEP("sleep", "seconds"),
        /** {@code iec_wait_pwr_ready}: plug in (B) and wait until the charger offers a valid PWM (above 7 up to 97 %). */
        IEC_WAIT_PWR_READY("iec_wait_pwr_ready"),
        /** {@code draw_power_regulated A,phases}: ask for power (C) while the PWM is valid, else B; draw at most A. */
        DRAW_POWER_REGULATED("draw_power_regulated", "amps", "phases"),
        /** {@code draw_power_fixed A,phases}: ask for power (C) whatever the PWM; draw at most A. */
        DRAW_POWER_FIXED("draw_power_fixed", "amps", "phases"),
        /** {@code pause}: stop asking for power (B), stay plugged in. */
        PAUSE("pause"),
        /** {@code unplug}: leave (A); clears an injected diode fault or residual current. */
        UNPLUG("unplug"),
        /** {@code plugin}: plug in (B). */
        PLUGIN("plugin"),
        /** {@code wait_for_real_plugin}: as {@code plugin} (there is no real car to wait for in simulation). */
        WAIT_FOR_REAL_PLUGIN("wait_for_real_plugin"),
        /** {@code error_e}: short the Control Pilot (E). */
        ERROR_E("error_e"),
        /** {@code diode_fail}: break the car's CP diode (until unplug). */
        DIODE_FAIL("diode_fail"),
        /** {@code rcd_current mA}: leak this residual current (until unplug; 0 ends it). */
        RCD_CURRENT("rcd_current", "mA");

        private final String word;
        private final List<String> parameters;

        Kind(String word, String... parameters) {
            this.word = word;
            this.parameters = List.of(parameters);
        }

        /** The command word as scripts write it. */
        public String word() {
            return word;
        }

        /** The names of its arguments, in order. */
        public List<String> parameters() {
            return parameters;
        }

        /** Usage, for messages: {@code draw_power_regulated <amps>,<phases>}. */
        public String usage() {
            return parameters.isEmpty() ? word
                    : word + " " + String.join(",", parameters.stream().map(p -> "<" + p + ">").toList());
        }
    }
}
