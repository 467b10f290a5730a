package dev.pylon.contract;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Contract CONTRACT = Fixtures.load();

    private final SchemaValidator validator = new SchemaValidator(CONTRACT);

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private SchemaViolation rejectSetting(String value) {
        return assertThrows(SchemaViolation.class,
                () -> validator.validateArgument("board", "set_mode", "setting", json(value)));
    }

    /** The violation names the subject, has exactly one detail, at {@code pointer}, for {@code rule}. */
    private static void assertViolation(SchemaViolation v, String subject, String pointer, String rule) {
        assertEquals(subject, v.subject());
        assertEquals(1, v.details().size(), v::getMessage);
        String detail = v.details().get(0);
        assertTrue(pointer.isEmpty() ? !detail.startsWith("/") : detail.startsWith(pointer + ": "),
                () -> "not at '" + pointer + "': " + detail);
        assertTrue(detail.endsWith("(rule: " + rule + ")"), detail);
        assertTrue(v.getMessage().startsWith(subject + ": "), v.getMessage());
        assertTrue(v.getMessage().contains(pointer + ": ") || pointer.isEmpty(), v.getMessage());
        assertTrue(v.getMessage().contains("(rule: " + rule + ")"), v.getMessage());
    }

    @Test
    void refsAcrossTypeFilesResolveForValidNestedValues() {
        // Setting is in board.yaml; its limits are /common#/Limits and its mode /board#/Mode
        assertDoesNotThrow(() -> validator.validateArgument("board", "set_mode", "setting",
                json("{'mode': 'ISO15118-2', 'limits': {'max_current_A': 32, 'min_current_A': 6}}")));
        assertDoesNotThrow(() -> validator.validateArgument("board", "set_mode", "setting",
                json("{'mode': '3', 'limits': {'max_current_A': 80}}")));
    }

    @Test
    void invalidNestedValueBehindARefFailsNamingTheNestedPointer() {
        SchemaViolation v = rejectSetting("{'mode': 'Idle', 'limits': {'max_current_A': 80.5}}");

        assertViolation(v, "board.set_mode.setting", "/limits/max_current_A", "maximum");
    }

    @Test
    void badEnumValueIsNamed() {
        SchemaViolation v = rejectSetting("{'mode': 'Charging', 'limits': {'max_current_A': 16}}");

        assertViolation(v, "board.set_mode.setting", "/mode", "enum");
    }

    @Test
    void missingRequiredFieldIsNamed() {
        SchemaViolation v = rejectSetting("{'mode': 'Idle', 'limits': {'min_current_A': 6}}");

        assertViolation(v, "board.set_mode.setting", "/limits", "required");
        assertTrue(v.getMessage().contains("max_current_A"), v.getMessage());
    }

    @Test
    void additionalPropertyInAClosedTypeIsRejected() {
        SchemaViolation v = rejectSetting("{'mode': 'Idle', 'limits': {'max_current_A': 16, 'max_power_W': 1}}");

        assertViolation(v, "board.set_mode.setting", "/limits", "additionalProperties");
        assertTrue(v.getMessage().contains("max_power_W"), v.getMessage());
    }

    @Test
    void everyFailedRuleOfOneValueIsListed() {
        SchemaViolation v = rejectSetting("{'mode': 'Charging', 'limits': {'max_current_A': 81, 'min_current_A': -1}}");

        assertEquals(3, v.details().size(), v::getMessage);
        assertTrue(v.getMessage().contains("/mode: "), v.getMessage());
        assertTrue(v.getMessage().contains("/limits/max_current_A: "), v.getMessage());
        assertTrue(v.getMessage().contains("/limits/min_current_A: "), v.getMessage());
    }

    @Test
    void scalarArgumentsAreCheckedAgainstTheirRefAndType() {
        assertDoesNotThrow(() -> validator.validateArgument("board", "set_mode", "phases", IntNode.valueOf(3)));
        SchemaViolation tooMany = assertThrows(SchemaViolation.class,
                () -> validator.validateArgument("board", "set_mode", "phases", IntNode.valueOf(4)));
        assertViolation(tooMany, "board.set_mode.phases", "", "maximum");
        SchemaViolation notBoolean = assertThrows(SchemaViolation.class,
                () -> validator.validateArgument("board", "enable", "value", json("'yes'")));
        assertViolation(notBoolean, "board.enable.value", "", "type");
        assertThrows(SchemaViolation.class, () -> validator.validateArgument("board", "enable", "value", null));
    }

    @Test
    void validateArgumentsReportsMissingAndUnknownArguments() {
        Map<String, JsonNode> args = new LinkedHashMap<>();
        args.put("setting", json("{'mode': 'Idle', 'limits': {'max_current_A': 16}}"));
        args.put("phase_count", IntNode.valueOf(1));

        SchemaViolation v = assertThrows(SchemaViolation.class,
                () -> validator.validateArguments("board", "set_mode", args));

        assertEquals("board.set_mode", v.subject());
        assertEquals(2, v.details().size(), v::getMessage);
        assertTrue(v.getMessage().contains("argument 'phases' is missing (rule: required)"), v.getMessage());
        assertTrue(v.getMessage().contains("argument 'phase_count' is not declared"), v.getMessage());
        assertTrue(v.getMessage().contains("(rule: additionalProperties)"), v.getMessage());
    }

    @Test
    void validateArgumentsChecksEachValue() {
        Map<String, JsonNode> args = new LinkedHashMap<>();
        args.put("setting", json("{'mode': 'Idle', 'limits': {'max_current_A': 16}}"));
        args.put("phases", IntNode.valueOf(3));
        assertDoesNotThrow(() -> validator.validateArguments("board", "set_mode", args));
        assertDoesNotThrow(() -> validator.validateArguments("board", "reset", Map.of()));

        args.put("phases", IntNode.valueOf(0));
        SchemaViolation v = assertThrows(SchemaViolation.class,
                () -> validator.validateArguments("board", "set_mode", args));
        assertViolation(v, "board.set_mode.phases", "", "minimum");
    }

    @Test
    void resultOfACmdWithoutResultMustBeNull() {
        assertDoesNotThrow(() -> validator.validateResult("board", "reset", null));
        assertDoesNotThrow(() -> validator.validateResult("board", "reset", NullNode.getInstance()));

        SchemaViolation v = assertThrows(SchemaViolation.class,
                () -> validator.validateResult("board", "reset", json("true")));
        assertEquals("board.reset.result", v.subject());
        assertTrue(v.getMessage().contains("declares no result"), v.getMessage());
    }

    @Test
    void resultIsCheckedAgainstItsSchema() {
        assertDoesNotThrow(() -> validator.validateResult("board", "set_mode", json("false")));
        SchemaViolation v = assertThrows(SchemaViolation.class,
                () -> validator.validateResult("board", "set_mode", json("1")));
        assertViolation(v, "board.set_mode.result", "", "type");
        // a declared result may not be left out
        assertThrows(SchemaViolation.class, () -> validator.validateResult("board", "set_mode", null));
    }

    @Test
    void varsAreValidated() {
        assertDoesNotThrow(() -> validator.validateVar("board", "temperature_C", json("42.5")));
        assertViolation(assertThrows(SchemaViolation.class,
                () -> validator.validateVar("board", "temperature_C", json("151"))),
                "board.temperature_C", "", "maximum");
        assertViolation(assertThrows(SchemaViolation.class,
                () -> validator.validateVar("board", "setting", json("{'mode': 'Idle', 'limits': {}}"))),
                "board.setting", "/limits", "required");
    }

    @Test
    void namedTypesAreValidated() {
        assertDoesNotThrow(() -> validator.validateType("board", "Mode", json("'Idle'")));
        assertDoesNotThrow(() -> validator.validateType("common", "Limits", json("{'max_current_A': 1}")));
        JsonNode tooHigh = json("{'mode': 'Idle', 'limits': {'max_current_A': 99}}");
        assertViolation(assertThrows(SchemaViolation.class, () -> validator.validateType("board", "Setting", tooHigh)),
                "board.Setting", "/limits/max_current_A", "maximum");
        assertViolation(assertThrows(SchemaViolation.class,
                () -> validator.validateType("board", "Mode", json("'idle'"))), "board.Mode", "", "enum");
    }

    @ParameterizedTest
    @ValueSource(strings = {"arg", "result", "var", "type", "cmd", "iface"})
    void unknownNamesAreProgrammingErrorsNotViolations(String what) {
        JsonNode v = IntNode.valueOf(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            switch (what) {
                case "arg" -> validator.validateArgument("board", "enable", "nope", v);
                case "result" -> validator.validateResult("board", "nope", v);
                case "var" -> validator.validateVar("board", "nope", v);
                case "type" -> validator.validateType("board", "Nope", v);
                case "cmd" -> validator.validateArguments("board", "nope", Map.of());
                default -> validator.validateVar("nope", "phases", v);
            }
        });
        assertTrue(e.getMessage().contains("nope") || e.getMessage().contains("Nope"), e.getMessage());
    }

    @Test
    void compileAllThenConcurrentValidationsAllGiveTheRightAnswer() throws Exception {
        assertSame(validator, validator.compileAll());
        concurrentValidations(validator);
    }

    @Test
    void lazyCompilationRacingFromManyThreadsGivesTheRightAnswer() throws Exception {
        concurrentValidations(new SchemaValidator(CONTRACT));
    }

    /** 8 threads, released together, each validating valid and invalid values of every kind many times. */
    private static void concurrentValidations(SchemaValidator shared) throws Exception {
        JsonNode good = json("{'mode': 'Idle', 'limits': {'max_current_A': 16}}");
        JsonNode bad = json("{'mode': 'Idle', 'limits': {'max_current_A': 90}}");
        int threads = 8;
        int rounds = 200;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                final int seed = t;
                Callable<Integer> task = () -> {
                    start.await();
                    int correct = 0;
                    for (int i = 0; i < rounds; i++) {
                        boolean valid = (i + seed) % 2 == 0;
                        JsonNode value = valid ? good : bad;
                        String expectedPointer = "/limits/max_current_A";
                        correct += outcome(() -> shared.validateArgument("board", "set_mode", "setting", value), valid,
                                expectedPointer);
                        correct += outcome(() -> shared.validateVar("board", "setting", value), valid, expectedPointer);
                        correct += outcome(() -> shared.validateType("board", "Setting", value), valid,
                                expectedPointer);
                        correct += outcome(() -> shared.validateVar("board", "phases", IntNode.valueOf(valid ? 2 : 9)),
                                valid, "");
                    }
                    return correct;
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            for (Future<Integer> r : results) {
                assertEquals(rounds * 4, r.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** 1 when {@code check} passed for a valid value, or failed at {@code pointer} for an invalid one. */
    private static int outcome(Runnable check, boolean valid, String pointer) {
        try {
            check.run();
            return valid ? 1 : 0;
        } catch (SchemaViolation v) {
            boolean right = v.details().size() == 1
                    && v.details().get(0).startsWith(pointer.isEmpty() ? "" : pointer + ": ")
                    && v.details().get(0).endsWith("(rule: maximum)");
            return !valid && right ? 1 : 0;
        }
    }
}
