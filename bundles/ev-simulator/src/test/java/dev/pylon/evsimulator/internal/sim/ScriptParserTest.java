package dev.pylon.evsimulator.internal.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pylon.evsimulator.internal.sim.Command.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScriptParserTest {

    @Test
    void theUsualSessionScript() {
        List<Command> script = ScriptParser.parse(
                "sleep 1;iec_wait_pwr_ready;sleep 1;draw_power_regulated 16,3;sleep 30;unplug");
        assertThat(script).extracting(Command::kind).containsExactly(Kind.SLEEP, Kind.IEC_WAIT_PWR_READY, Kind.SLEEP,
                Kind.DRAW_POWER_REGULATED, Kind.SLEEP, Kind.UNPLUG);
        assertThat(script.get(3).args()).containsExactly(16.0, 3.0);
        assertThat(script).extracting(Command::position).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(script.get(3)).hasToString("draw_power_regulated 16,3");
    }

    @Test
    void separatorsCaseAndBlanksAreForgiving() {
        List<Command> script = ScriptParser.parse(
                "  SLEEP 0.5 ;\n\nDraw_Power_Fixed   32 1\r\nplugin;;; pause\nRCD_current 30\nerror_e;diode_fail;"
                        + "wait_for_real_plugin");
        assertThat(script).extracting(Command::kind).containsExactly(Kind.SLEEP, Kind.DRAW_POWER_FIXED, Kind.PLUGIN,
                Kind.PAUSE, Kind.RCD_CURRENT, Kind.ERROR_E, Kind.DIODE_FAIL, Kind.WAIT_FOR_REAL_PLUGIN);
        assertThat(script.get(0).arg0()).isEqualTo(0.5);
        assertThat(script.get(1).args()).containsExactly(32.0, 1.0);
        assertThat(script.get(4).arg0()).isEqualTo(30.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", ";;", "\n\n"})
    void anEmptyScriptHasNoCommands(String script) {
        assertThat(ScriptParser.parse(script)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "sleep 1;fly 3;unplug          | command 2 'fly 3': unknown command fly",
            "sleep                         | command 1 'sleep': sleep takes 1 argument (sleep <seconds>), got 0",
            "sleep 1 2                     | command 1 'sleep 1 2': sleep takes 1 argument (sleep <seconds>), got 2",
            "sleep soon                    | command 1 'sleep soon': seconds 'soon' is not a number",
            "sleep -1                      | command 1 'sleep -1': seconds '-1' must not be negative",
            "draw_power_regulated 16       | command 1 'draw_power_regulated 16': draw_power_regulated takes 2 "
                    + "arguments (draw_power_regulated <amps>,<phases>), got 1",
            "draw_power_fixed 16,2         | command 1 'draw_power_fixed 16,2': phases '2' must be 1 or 3",
            "draw_power_fixed 0,3          | command 1 'draw_power_fixed 0,3': amps '0' must be above 0 and at most 80",
            "unplug now                    | command 1 'unplug now': unplug takes 0 arguments (unplug), got 1",
            "rcd_current 1e3               | command 1 'rcd_current 1e3': mA '1e3' is not a number",
            "plugin;iso_wait_slac_matched  | command 2 'iso_wait_slac_matched': iso_wait_slac_matched is not supported "
                    + "by this simulator (no ISO 15118 or state of charge)",
    })
    void aBadCommandIsNamedWithItsPosition(String script, String problem) {
        assertThatThrownBy(() -> ScriptParser.parse(script)).isInstanceOf(ScriptException.class)
                .satisfies(e -> assertThat(((ScriptException) e).problems()).containsExactly(problem))
                .hasMessage("invalid car simulator script: " + problem);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> ScriptParser.parse("sleep 1\nsleeep 2\nunplug\ndraw_power_regulated 16,5"))
                .isInstanceOfSatisfying(ScriptException.class, e -> assertThat(e.problems()).containsExactly(
                        "command 2 'sleeep 2': unknown command sleeep",
                        "command 4 'draw_power_regulated 16,5': phases '5' must be 1 or 3"));
    }

    @Test
    void positionsCountCommandsNotSeparators() {
        assertThatThrownBy(() -> ScriptParser.parse(";;sleep 1;;\n;bogus"))
                .hasMessageContaining("command 2 'bogus'");
    }
}
