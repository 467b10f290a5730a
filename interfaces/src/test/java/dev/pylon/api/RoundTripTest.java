package dev.pylon.api;

import static dev.pylon.api.ContractFixture.CONTRACT;
import static dev.pylon.api.ContractFixture.JSON;
import static dev.pylon.api.ContractFixture.VALIDATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pylon.contract.InterfaceDef;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every generated type carries contract values without loss: JSON that satisfies the schema becomes the Java value,
 * and the Java value becomes the same, still valid, JSON. Covers the named types of every type file and the inline
 * types of every cmd argument, cmd result and var.
 */
class RoundTripTest {
    private final SampleValues samples = new SampleValues(CONTRACT);

    @Test
    void everyNamedRecordAndEnumOfTheTypeFilesHasAGeneratedClass() {
        long expected = CONTRACT.typeFiles().values().stream()
                .flatMap(f -> f.types().values().stream())
                .filter(s -> !s.has("$ref") && ("object".equals(s.path("type").asText()) && s.has("properties")
                        || "string".equals(s.path("type").asText()) && s.has("enum")))
                .count();
        assertEquals(expected, Interfaces.types().size());
        assertTrue(expected > 150, "the contract has hundreds of types, found " + expected);
    }

    @TestFactory
    Stream<DynamicTest> namedTypes() {
        return Interfaces.types().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            String ref = e.getKey();
            int hash = ref.indexOf("#/");
            String file = ref.substring(1, hash);
            String type = ref.substring(hash + 2);
            JsonNode schema = CONTRACT.findType(file, type).orElseThrow();
            Class<?> cls = e.getValue();
            if (cls.isEnum()) {
                assertEquals(schema.get("enum").size(), cls.getEnumConstants().length, "one constant per enum value");
                for (Object constant : cls.getEnumConstants()) {
                    JsonNode wire = JSON.valueToTree(constant);
                    VALIDATOR.validateType(file, type, wire);
                    assertEquals(constant, JSON.treeToValue(wire, cls));
                }
            } else {
                roundTrip(schema, JSON.constructType(cls), json -> VALIDATOR.validateType(file, type, json));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> cmdArgumentsResultsAndVars() {
        List<DynamicTest> tests = new ArrayList<>();
        for (InterfaceDescriptor<?, ?> descriptor : Interfaces.all().values()) {
            InterfaceDef def = CONTRACT.requireInterface(descriptor.name());
            String iface = def.name();
            for (CmdInfo cmd : descriptor.cmds().values()) {
                for (int i = 0; i < cmd.argumentNames().size(); i++) {
                    String arg = cmd.argumentNames().get(i);
                    Type javaType = cmd.argumentTypes().get(i);
                    JsonNode schema = def.cmds().get(cmd.name()).arguments().get(arg);
                    tests.add(DynamicTest.dynamicTest(iface + "." + cmd.name() + "." + arg, () -> roundTrip(schema,
                            JSON.constructType(javaType), json -> VALIDATOR.validateArgument(iface, cmd.name(), arg, json))));
                }
                JsonNode result = def.cmds().get(cmd.name()).result();
                if (result != null && cmd.resultType() != void.class) {
                    tests.add(DynamicTest.dynamicTest(iface + "." + cmd.name() + ".result", () -> roundTrip(result,
                            JSON.constructType(cmd.resultType()), json -> VALIDATOR.validateResult(iface, cmd.name(), json))));
                }
            }
            for (VarInfo var : descriptor.vars().values()) {
                JsonNode schema = def.vars().get(var.name());
                tests.add(DynamicTest.dynamicTest(iface + "." + var.name(), () -> roundTrip(schema,
                        JSON.constructType(var.type()), json -> VALIDATOR.validateVar(iface, var.name(), json))));
            }
        }
        return tests.stream();
    }

    @Test
    void everyInterfaceOfTheContractHasADescriptorWithAllItsCmdsAndVars() {
        assertEquals(CONTRACT.interfaces().keySet(), Interfaces.all().keySet());
        for (Map.Entry<String, InterfaceDescriptor<?, ?>> e : Interfaces.all().entrySet()) {
            InterfaceDef def = CONTRACT.requireInterface(e.getKey());
            assertEquals(List.copyOf(def.cmds().keySet()), List.copyOf(e.getValue().cmds().keySet()), e.getKey());
            assertEquals(List.copyOf(def.vars().keySet()), List.copyOf(e.getValue().vars().keySet()), e.getKey());
            assertEquals(def.errors(), e.getValue().errors(), e.getKey());
        }
    }

    /** JSON → schema-valid → Java → JSON (equal, still valid) → Java (equal). */
    private void roundTrip(JsonNode schema, JavaType javaType, Consumer<JsonNode> validate) throws Exception {
        JsonNode sample = normalise(samples.of(schema));
        validate.accept(sample);
        Object value = JSON.readerFor(javaType).readValue(sample);
        JsonNode back = normalise(JSON.valueToTree(value));
        assertEquals(sample, back, "JSON after the round trip through " + javaType);
        validate.accept(back);
        assertEquals(value, JSON.readerFor(javaType).readValue(back));
    }

    /** The same number written as int, long or double must compare equal, as it does on the wire. */
    private static JsonNode normalise(JsonNode node) throws Exception {
        return JSON.readTree(JSON.writeValueAsString(node));
    }
}
