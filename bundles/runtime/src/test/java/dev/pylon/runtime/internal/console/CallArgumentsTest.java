package dev.pylon.runtime.internal.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pylon.api.CmdInfo;
import dev.pylon.api.carsimulator.CarSimulatorDescriptor;
import dev.pylon.api.evseboardsupport.EvseBoardSupportDescriptor;
import dev.pylon.api.evsemanager.EvseManagerDescriptor;
import dev.pylon.api.types.evseboardsupport.PowerOnOff;
import dev.pylon.api.types.evsemanager.EnableDisableSource;
import dev.pylon.api.types.iso15118.EnergyTransferMode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code pylon:call}'s words → typed cmd arguments, against the generated descriptors of the real contract. */
class CallArgumentsTest {
    private static final CmdInfo SESSION = CarSimulatorDescriptor.INSTANCE.cmds().get("execute_charging_session");
    private static final CmdInfo ENABLE_DISABLE = EvseManagerDescriptor.INSTANCE.cmds().get("enable_disable");
    private static final CmdInfo RESERVE = EvseManagerDescriptor.INSTANCE.cmds().get("reserve");
    private static final CmdInfo GET_EVSE = EvseManagerDescriptor.INSTANCE.cmds().get("get_evse");
    private static final CmdInfo MODES = EvseManagerDescriptor.INSTANCE.cmds()
            .get("update_allowed_energy_transfer_modes");
    private static final CmdInfo ALLOW_POWER_ON = EvseBoardSupportDescriptor.INSTANCE.cmds().get("allow_power_on");

    private static Object[] convert(CmdInfo cmd, Object... words) {
        return CallArguments.convert("m/i." + cmd.name(), cmd, Arrays.asList(words));
    }

    @Test
    void aStringArgumentIsTakenAsItIsUnlessItIsAJsonString() {
        String script = "sleep 1;iec_wait_pwr_ready;draw_power_regulated 16,3;sleep 30;unplug";
        assertThat(convert(SESSION, script)).containsExactly(script);
        assertThat(convert(SESSION, "\"sleep 1\"")).containsExactly("sleep 1");
        assertThat(convert(SESSION, "16")).containsExactly("16");
        assertThat(convert(SESSION, 16L)).containsExactly("16"); // Gogo read 16 as a number
        assertThat(convert(SESSION, "{\"value\": \"unplug\"}")).containsExactly("unplug"); // by name
    }

    @Test
    void argumentsInContractOrderAreConvertedToTheirJavaTypes() {
        Object[] args = convert(ENABLE_DISABLE, 1L,
                "{\"enable_source\": \"LocalAPI\", \"enable_state\": \"Disable\", \"enable_priority\": 0}");
        assertThat(args).containsExactly(1, new EnableDisableSource(EnableDisableSource.EnableSource.LocalAPI,
                EnableDisableSource.EnableState.Disable, 0));
        assertThat(convert(RESERVE, "7")).containsExactly(7);
        assertThat(convert(ALLOW_POWER_ON, "{\"allow_power_on\": true, \"reason\": \"FullPowerCharging\"}"))
                .containsExactly(new PowerOnOff(true, PowerOnOff.Reason.FullPowerCharging));
    }

    @Test
    void oneJsonObjectKeyedByTheArgumentNamesGivesThemByName() {
        Object[] args = convert(ENABLE_DISABLE, "{\"cmd_source\": {\"enable_source\": \"LocalAPI\","
                + " \"enable_state\": \"Enable\", \"enable_priority\": 5}, \"connector_id\": 2}");
        assertThat(args).containsExactly(2, new EnableDisableSource(EnableDisableSource.EnableSource.LocalAPI,
                EnableDisableSource.EnableState.Enable, 5));
        assertThat(convert(GET_EVSE)).isEmpty();
        assertThat(convert(GET_EVSE, "{}")).isEmpty();
    }

    @Test
    void enumValuesMayBeBareAndGogoListsAreJsonArrays() {
        assertThat(convert(MODES, "[\"AC_three_phase_core\", \"AC_single_phase_core\"]")).containsExactly(
                List.of(EnergyTransferMode.AC_three_phase_core, EnergyTransferMode.AC_single_phase_core));
        assertThat(convert(MODES, List.of("AC_three_phase_core"))).containsExactly(
                List.of(EnergyTransferMode.AC_three_phase_core));
    }

    @Test
    void anEnumArgumentMayBeBareOrAJsonString() throws Exception {
        CmdInfo select = new CmdInfo("select", Object.class.getMethod("toString"), List.of("mode"),
                List.of(EnergyTransferMode.class), void.class);
        assertThat(convert(select, "AC_single_phase_core")).containsExactly(EnergyTransferMode.AC_single_phase_core);
        assertThat(convert(select, "\"DC_core\"")).containsExactly(EnergyTransferMode.DC_core);
        assertThatThrownBy(() -> convert(select, "AC")).hasMessageContaining("argument mode (EnergyTransferMode)")
                .hasMessageContaining("not one of the values accepted");
    }

    @Test
    void aWrongNumberOfArgumentsNamesTheSignature() {
        assertThatThrownBy(() -> convert(ENABLE_DISABLE, 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("m/i.enable_disable takes 2 arguments (connector_id: int, cmd_source: EnableDisableSource)"
                        + ", got 1; give them in this order, or as one JSON object by name");
        assertThatThrownBy(() -> convert(GET_EVSE, "1")).hasMessageContaining("takes 0 arguments (), got 1");
    }

    @Test
    void whatIsNotJsonOrDoesNotConvertIsNamed() {
        assertThatThrownBy(() -> convert(RESERVE, "abc"))
                .hasMessageStartingWith("argument reservation_id (int) of m/i.reserve: not JSON: abc")
                .hasMessageContaining("single quotes");
        assertThatThrownBy(() -> convert(ENABLE_DISABLE, 1L, "{\"enable_source\": \"Nobody\"}"))
                .hasMessageStartingWith("argument cmd_source (EnableDisableSource) of m/i.enable_disable: cannot convert"
                        + " {\"enable_source\":\"Nobody\"}: ")
                .hasMessageContaining("Nobody");
        assertThatThrownBy(() -> convert(RESERVE, "1 2")).hasMessageContaining("not JSON: 1 2"); // one value only
        assertThatThrownBy(() -> convert(ALLOW_POWER_ON, List.of("allow_power_on:true")))
                .hasMessageContaining("cannot convert [\"allow_power_on:true\"]")
                .hasMessageContaining("single quotes"); // Gogo read an unquoted {...} or [...] itself
    }

    @Test
    void theSignatureUsesSimpleTypeNames() {
        assertThat(CallArguments.signature(MODES))
                .isEqualTo("(allowed_energy_transfer_modes: List<EnergyTransferMode>)");
    }
}
