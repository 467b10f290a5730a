package dev.pylon.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void contractListsEveryInterfaceOfThePackagedContract() {
        StringWriter out = new StringWriter();
        int code = Main.execute(new String[] {"contract"}, new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true));
        assertThat(code).isZero();
        assertThat(out.toString()).contains("interfaces").contains("evse_manager").contains("matter_energy_evse")
                .contains("dev.pylon.api.evsemanager.EvseManager");
    }

    @Test
    void anUnknownCommandFailsWithUsage() {
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"fly"}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(code).isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(err.toString()).contains("Unmatched argument").contains("fly");
    }

    @Test
    void versionComesFromTheBuild() {
        StringWriter out = new StringWriter();
        assertThat(Main.execute(new String[] {"--version"}, new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true))).isZero();
        assertThat(out.toString()).startsWith("Pylon " + BuildInfo.version());
    }
}
