package dev.pylon.runtime.internal.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pylon.api.CmdException;
import dev.pylon.api.VarPublisher;
import dev.pylon.api.types.boardsupportcommon.BspEvent;
import dev.pylon.api.types.evseboardsupport.PowerOnOff;
import dev.pylon.runtime.internal.bus.Fixture;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code pylon:} commands' answers over a real bus (the {@link Fixture}'s small charger, no OSGi): JSON that a
 * script can read, and failures whose message says what is wrong.
 */
class PylonConsoleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Fixture f = new Fixture();
    private final List<String> boardCalls = Collections.synchronizedList(new ArrayList<>());
    private PylonConsole console;

    /** The fixture's board, recording allow_power_on and failing pwm_on. */
    private final class Board extends Fixture.Board {
        @Override
        public void allowPowerOn(PowerOnOff value) {
            boardCalls.add("allow_power_on " + value.allowPowerOn() + " " + value.reason());
        }

        @Override
        public void pwmOn(double value) {
            throw new IllegalStateException("PWM stuck at " + value);
        }
    }

    @BeforeEach
    void start() {
        console = new PylonConsole(f.bus, (id, type) -> new ComponentStates.State("dev.pylon.sim/1.0.0", 7,
                id.length(), id.equals("evse2") ? "UNSATISFIED_REFERENCE" : "ACTIVE",
                id.equals("evse2") ? List.of("bsp") : List.of()));
        f.bus.providerAdded("board", "evse_board_support", 11, new Board());
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void modulesListsEveryModuleWithItsComponentImplementationsAndReadiness() throws Exception {
        f.context("board").ready();
        JsonNode modules = json(console.modules());
        assertThat(modules).hasSize(6);
        assertThat(modules.findValuesAsText("id")).containsExactly("board", "meter", "evse", "board2", "evse2",
                "monitor");
        JsonNode board = modules.get(0);
        assertThat(board.get("type").asText()).isEqualTo("BoardSim");
        assertThat(board.get("bundle").asText()).isEqualTo("dev.pylon.sim/1.0.0");
        assertThat(board.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(board.get("ready").asBoolean()).isTrue();
        assertThat(board.get("provides").get(0).get("implementation").asText()).isEqualTo("bsp");
        assertThat(board.get("provides").get(0).get("interface").asText()).isEqualTo("evse_board_support");
        assertThat(board.get("provides").get(0).get("provider_bound").asBoolean()).isTrue();
        assertThat(board.get("consecutive_failures").asInt()).isZero();
        assertThat(board.get("last_failure").isNull()).isTrue();
        JsonNode evse2 = modules.get(4);
        assertThat(evse2.get("ready").asBoolean()).isFalse();
        assertThat(evse2.get("state").asText()).isEqualTo("UNSATISFIED_REFERENCE");
        assertThat(evse2.get("unsatisfied").get(0).asText()).isEqualTo("bsp");
        assertThat(evse2.get("provides").get(0).get("provider_bound").asBoolean()).isFalse();
    }

    @Test
    void wiringShowsEachRequirementItsConnectionsAndWhetherAProviderServesThem() throws Exception {
        JsonNode evse = json(console.wiring("evse"));
        assertThat(evse.findValuesAsText("requirement")).containsExactlyInAnyOrder("bsp", "meter");
        JsonNode bsp = requirement(evse, "bsp");
        assertThat(bsp.get("module").asText()).isEqualTo("evse");
        assertThat(bsp.get("interface").asText()).isEqualTo("evse_board_support");
        assertThat(bsp.get("min_connections").asInt()).isZero();
        assertThat(bsp.get("max_connections").asInt()).isEqualTo(1);
        assertThat(bsp.get("connections").get(0).get("module").asText()).isEqualTo("board");
        assertThat(bsp.get("connections").get(0).get("implementation").asText()).isEqualTo("bsp");
        assertThat(bsp.get("connections").get(0).get("provider_bound").asBoolean()).isTrue();
        assertThat(requirement(evse, "meter").get("connections").get(0).get("provider_bound").asBoolean())
                .isFalse(); // no meter runs
        JsonNode all = json(console.wiring(null));
        assertThat(all.findValuesAsText("module")).containsOnly("board", "meter", "evse", "board2", "evse2");
        assertThat(all).hasSize(7);
        for (JsonNode requirement : all) {
            if (requirement.get("module").asText().equals("board2")) {
                assertThat(requirement.get("connections")).isEmpty();
            }
        }
        assertThatThrownBy(() -> console.wiring("nope")).hasMessageStartingWith("no module 'nope' in test-config.yaml");
    }

    private static JsonNode requirement(JsonNode wiring, String name) {
        for (JsonNode requirement : wiring) {
            if (requirement.get("requirement").asText().equals(name)) {
                return requirement;
            }
        }
        throw new AssertionError("no requirement " + name + " in " + wiring);
    }

    @Test
    void varsShowsTheLastValueOfEveryVar() throws Exception {
        VarPublisher bsp = f.context("board").publisher("bsp");
        bsp.publish("ac_nr_of_phases_available", 1);
        bsp.publish("event", new BspEvent(BspEvent.Event.B));
        bsp.publish("ac_nr_of_phases_available", 3);
        assertThat(json(console.vars("board", "bsp")))
                .isEqualTo(json("{\"ac_nr_of_phases_available\": 3, \"event\": {\"event\": \"B\"}}"));
        assertThat(json(console.vars("board", null)))
                .isEqualTo(json("{\"bsp\": {\"ac_nr_of_phases_available\": 3, \"event\": {\"event\": \"B\"}}}"));
        assertThat(json(console.vars("meter", "meter"))).isEmpty();
        assertThatThrownBy(() -> console.vars("board", "nope"))
                .hasMessage("module board (BoardSim) provides no implementation 'nope'; provides: [bsp]");
    }

    @Test
    void callGoesThroughTheEndpointAndTypedErrorsKeepTheirKind() {
        assertThat(console.call("board", "bsp", "allow_power_on",
                List.of("{\"allow_power_on\": true, \"reason\": \"FullPowerCharging\"}"))).isEqualTo("null");
        assertThat(boardCalls).containsExactly("allow_power_on true FullPowerCharging");
        assertThatThrownBy(() -> console.call("board", "bsp", "pwm_on", List.of(5.0)))
                .isInstanceOf(CmdException.class)
                .hasMessage("HandlerException calling board/bsp.pwm_on: java.lang.IllegalStateException: PWM stuck at 5.0");
        assertThatThrownBy(() -> console.call("board2", "bsp", "enable", List.of(true)))
                .isInstanceOf(CmdException.class)
                .hasMessage("NotReady calling board2/bsp.enable: no provider is running");
        assertThatThrownBy(() -> console.call("board", "bsp", "pwm_on", List.of(-5.0)))
                .isInstanceOf(CmdException.class).hasMessageStartingWith("SchemaValidationError calling board/bsp.pwm_on");
        assertThatThrownBy(() -> console.call("board", "bsp", "fly", List.of()))
                .hasMessageStartingWith("interface evse_board_support of board/bsp has no cmd 'fly'; cmds: [enable,");
    }

    @Test
    void errorsCanBeRaisedClearedAndListed() throws Exception {
        JsonNode raised = json(console.raise("board", "bsp", "DiodeFault", "", "injected", "high"));
        assertThat(raised.get("type").asText()).isEqualTo("evse_board_support/DiodeFault");
        assertThat(raised.get("severity").asText()).isEqualTo("High");
        assertThat(raised.get("message").asText()).isEqualTo("injected");
        assertThat(raised.get("origin")).isEqualTo(json("{\"module_id\": \"board\", \"implementation_id\": \"bsp\"}"));
        console.raise("board", "bsp", "pylon/ModuleFailed", "x", null, null);
        assertThat(json(console.errors(false)).findValuesAsText("type"))
                .containsExactly("evse_board_support/DiodeFault", "pylon/ModuleFailed");
        assertThat(json(console.errors(false)).get(1).get("message").asText())
                .isEqualTo(PylonConsole.CONSOLE_MESSAGE);

        assertThat(json(console.clear("board", "bsp", "evse_board_support/DiodeFault", null)))
                .isEqualTo(json("{\"cleared\": 1}"));
        assertThat(json(console.clear("board", "bsp", "ModuleFailed", "y"))).isEqualTo(json("{\"cleared\": 0}"));
        assertThat(json(console.errors(false)).findValuesAsText("type")).containsExactly("pylon/ModuleFailed");
        assertThat(json(console.errors(true)).findValuesAsText("state"))
                .containsExactly("Active", "Active", "ClearedByModule");

        assertThatThrownBy(() -> console.raise("board", "bsp", "Bogus", null, null, null))
                .hasMessageStartingWith("interface evse_board_support of board/bsp declares no error 'Bogus'; its errors: [");
        assertThatThrownBy(() -> console.raise("board", "bsp", "MREC2GroundFailure", null, null, null))
                .hasMessage("error 'MREC2GroundFailure' is ambiguous for board/bsp: "
                        + "[evse_board_support/MREC2GroundFailure, ac_rcd/MREC2GroundFailure]");
        assertThatThrownBy(() -> console.raise("board", "bsp", "DiodeFault", null, null, "Dire"))
                .hasMessage("unknown severity 'Dire'; severities: [Low, Medium, High]");
    }

    @Test
    void restartRestartsThatModuleOnly() throws Exception {
        f.context("evse").ready();
        f.context("board").ready();
        assertThat(json(console.restart("evse"))).isEqualTo(json("{\"restarted\": \"evse\"}"));
        assertThat(f.restarted).containsExactly("evse");
        JsonNode modules = json(console.modules());
        assertThat(modules.get(2).get("ready").asBoolean()).isFalse();
        assertThat(modules.get(2).get("last_restart").get("cause").asText()).isEqualTo("console");
        assertThat(modules.get(0).get("ready").asBoolean()).isTrue();
        assertThat(modules.get(0).get("last_restart").isNull()).isTrue();
        assertThatThrownBy(() -> console.restart("nope")).hasMessageStartingWith("no module 'nope'");
        assertThat(f.restarted).containsExactly("evse");
    }

    @Test
    void statsCountsCallsFailuresAndDrops() throws Exception {
        console.call("board", "bsp", "enable", List.of(true));
        assertThatThrownBy(() -> console.call("board", "bsp", "pwm_on", List.of(5.0)));
        JsonNode stats = json(console.stats());
        assertThat(stats.get("config").asText()).isEqualTo("test-config.yaml");
        assertThat(stats.get("settings").get("cmd_timeout_ms").asLong()).isEqualTo(10_000);
        assertThat(stats.get("totals").get("cmd_calls").asLong()).isEqualTo(2);
        assertThat(stats.get("totals").get("handler_exceptions").asLong()).isEqualTo(1);
        assertThat(stats.get("totals").get("dropped").asLong()).isZero();
        assertThat(stats.get("modules").get(0).get("module_id").asText()).isEqualTo("board");
        assertThat(stats.get("modules")).hasSize(6);
    }
}
