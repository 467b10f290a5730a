package dev.pylon.api;

import static dev.pylon.api.ContractFixture.JSON;
import static dev.pylon.api.ContractFixture.VALIDATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pylon.api.types.evseboardsupport.PowerOnOff;

import dev.pylon.contract.SchemaViolation;
import org.junit.jupiter.api.Test;

/**
 * Wrong values are rejected at the boundary with a message a module author can act on: it names
 * {@code interface.cmd.argument} (or the var), the place inside the value and the schema rule that failed.
 */
class ArgumentValidationTest {

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void aBadEnumValueNamesTheArgumentThePropertyAndTheRule() throws Exception {
        JsonNode source = json("{\"enable_source\":\"Bluetooth\",\"enable_state\":\"Enable\",\"enable_priority\":10}");
        SchemaViolation v = assertThrows(SchemaViolation.class,
                () -> VALIDATOR.validateArgument("evse_manager", "enable_disable", "cmd_source", source));
        assertThat(v.getMessage()).contains("evse_manager.enable_disable.cmd_source").contains("/enable_source")
                .contains("(rule: enum)");
    }

    @Test
    void aMissingRequiredFieldIsNamed() throws Exception {
        JsonNode value = json("{\"reason\":\"FullPowerCharging\"}");
        SchemaViolation v = assertThrows(SchemaViolation.class,
                () -> VALIDATOR.validateArgument("evse_board_support", "allow_power_on", "value", value));
        assertThat(v.getMessage()).contains("evse_board_support.allow_power_on.value").contains("allow_power_on")
                .contains("(rule: required)");
    }

    @Test
    void aNumberOutOfRangeIsRejected() throws Exception {
        SchemaViolation v = assertThrows(SchemaViolation.class,
                () -> VALIDATOR.validateArgument("evse_board_support", "pwm_on", "value", json("120.0")));
        assertThat(v.getMessage()).contains("evse_board_support.pwm_on.value").contains("(rule: maximum)");
        assertDoesNotThrow(() -> VALIDATOR.validateArgument("evse_board_support", "pwm_on", "value", json("26.7")));
    }

    @Test
    void aWrongTypeIsRejected() throws Exception {
        SchemaViolation v = assertThrows(SchemaViolation.class,
                () -> VALIDATOR.validateArgument("evse_board_support", "enable", "value", json("\"yes\"")));
        assertThat(v.getMessage()).contains("evse_board_support.enable.value").contains("(rule: type)");
    }

    @Test
    void refsAcrossTypeFilesAreFollowedIntoNestedValues() throws Exception {
        // session_event (types/evse_manager) -> transaction_started -> meter_value (types/powermeter)
        JsonNode event = json("{\"uuid\":\"s1\",\"timestamp\":\"2026-11-22T10:00:00Z\",\"event\":\"TransactionStarted\","
                + "\"transaction_started\":{\"meter_value\":{\"timestamp\":\"2026-11-22T10:00:00Z\","
                + "\"energy_Wh_import\":{\"total\":\"a lot\"}},"
                + "\"id_tag\":{\"id_token\":{\"value\":\"TAG\",\"type\":\"ISO14443\"},\"authorization_type\":\"RFID\"}}}");
        SchemaViolation v = assertThrows(SchemaViolation.class,
                () -> VALIDATOR.validateVar("evse_manager", "session_event", event));
        assertThat(v.getMessage()).contains("evse_manager.session_event")
                .contains("/transaction_started/meter_value/energy_Wh_import/total").contains("(rule: type)");
        ((com.fasterxml.jackson.databind.node.ObjectNode) event.at("/transaction_started/meter_value/energy_Wh_import"))
                .put("total", 1234.5);
        assertDoesNotThrow(() -> VALIDATOR.validateVar("evse_manager", "session_event", event));
    }

    @Test
    void aTypedValueFromTheGeneratedApiIsValid() {
        JsonNode value = JSON.valueToTree(new PowerOnOff(true, PowerOnOff.Reason.FullPowerCharging));
        assertDoesNotThrow(() -> VALIDATOR.validateArgument("evse_board_support", "allow_power_on", "value", value));
        assertThat(value.toString()).isEqualTo("{\"allow_power_on\":true,\"reason\":\"FullPowerCharging\"}");
    }

    @Test
    void callingAnUndeclaredOrIncompleteCmdIsRejected() throws Exception {
        SchemaViolation v = assertThrows(SchemaViolation.class, () -> VALIDATOR.validateArguments("evse_manager",
                "enable_disable", java.util.Map.of("connector_id", json("1"), "colour", json("\"red\""))));
        assertThat(v.getMessage()).contains("evse_manager.enable_disable").contains("'cmd_source' is missing")
                .contains("'colour' is not declared");
    }
}
