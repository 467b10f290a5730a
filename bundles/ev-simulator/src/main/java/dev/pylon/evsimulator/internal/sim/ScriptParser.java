package dev.pylon.evsimulator.internal.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses car simulator scripts: commands separated by {@code ;} or line breaks, a command's words separated by
 * {@code ,} or white space, case ignored, empty commands skipped. The whole script is checked before anything runs;
 * every problem is reported at once, each naming the command and its position.
 */
public final class ScriptParser {
    private static final Pattern COMMANDS = Pattern.compile("[;\\r\\n]+");
    private static final Pattern WORDS = Pattern.compile("[,\\s]+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    /** EVerest commands that need parts Pylon does not simulate (ISO 15118, state of charge). */
    private static final Set<String> UNSUPPORTED = Set.of("set_soc", "iso_wait_slac_matched", "iso_wait_pwm_is_running",
            "iso_start_v2g_session", "iso_wait_pwr_ready", "iso_dc_power_on", "iso_draw_power_regulated",
            "iso_stop_charging", "iso_wait_for_stop", "iso_wait_v2g_session_stopped", "iso_pause_charging",
            "iso_wait_for_resume", "iso_start_bcb_toggle");

    private ScriptParser() {
    }

    /**
     * The commands of {@code script}, in order.
     *
     * @throws ScriptException listing every unknown command and bad argument
     */
    public static List<Command> parse(String script) {
        List<Command> commands = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int position = 0;
        for (String raw : COMMANDS.split(script == null ? "" : script)) {
            String text = raw.trim().toLowerCase(Locale.ROOT);
            if (text.isEmpty()) {
                continue;
            }
            position++;
            String[] words = WORDS.split(text);
            String where = "command " + position + " '" + text + "'";
            Command.Kind kind = kind(words[0]);
            if (kind == null) {
                problems.add(where + ": " + (UNSUPPORTED.contains(words[0])
                        ? words[0] + " is not supported by this simulator (no ISO 15118 or state of charge)"
                        : "unknown command " + words[0]));
                continue;
            }
            List<Double> args = arguments(kind, words, where, problems);
            if (args != null) {
                commands.add(new Command(kind, args, position));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScriptException(problems);
        }
        return List.copyOf(commands);
    }

    private static Command.Kind kind(String word) {
        for (Command.Kind kind : Command.Kind.values()) {
            if (kind.word().equals(word)) {
                return kind;
            }
        }
        return null;
    }

    private static List<Double> arguments(Command.Kind kind, String[] words, String where, List<String> problems) {
        int given = words.length - 1;
        if (given != kind.parameters().size()) {
            problems.add(where + ": " + kind.word() + " takes " + kind.parameters().size() + " argument"
                    + (kind.parameters().size() == 1 ? "" : "s") + " (" + kind.usage() + "), got " + given);
            return null;
        }
        List<Double> args = new ArrayList<>();
        for (int i = 0; i < given; i++) {
            String name = kind.parameters().get(i);
            Double value = number(words[i + 1]);
            String problem = value == null ? "is not a number" : check(name, value);
            if (problem != null) {
                problems.add(where + ": " + name + " '" + words[i + 1] + "' " + problem);
                return null;
            }
            args.add(value);
        }
        return args;
    }

    private static String check(String parameter, double value) {
        return switch (parameter) {
            case "phases" -> value == 1 || value == 3 ? null : "must be 1 or 3";
            case "amps" -> value > 0 && value <= 80 ? null : "must be above 0 and at most 80";
            default -> value >= 0 ? null : "must not be negative";
        };
    }

    private static Double number(String word) {
        return DECIMAL.matcher(word).matches() ? Double.valueOf(word) : null;
    }
}
