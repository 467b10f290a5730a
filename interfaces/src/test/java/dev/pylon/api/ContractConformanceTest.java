package dev.pylon.api;

import static dev.pylon.api.ContractFixture.CONTRACT;
import static dev.pylon.api.ContractFixture.CONTRACT_DIR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.pylon.contract.Contract;
import dev.pylon.contract.ContractLoader;
import dev.pylon.contract.ContractSources;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract is EVerest's: every file passes the meta-schemas (loading checks that), and every name, type, enum
 * value, constraint and error of the EVerest files it mirrors is the same. The reference is a snapshot of EVerest's
 * files with the descriptions removed ({@code everest-structure.json}), so only our own wording may differ.
 */
class ContractConformanceTest {
    private static final Set<String> REQUIRED_INTERFACES = Set.of("evse_manager", "evse_board_support", "powermeter",
            "ISO15118_charger", "ISO15118_ev", "ev_board_support", "car_simulator", "auth_token_provider",
            "auth_token_validator", "energy", "external_energy_limits", "connector_lock", "matter_energy_evse");

    @Test
    void everyInterfaceTheProductNeedsIsInTheContract() {
        assertTrue(CONTRACT.interfaces().keySet().containsAll(REQUIRED_INTERFACES),
                "missing: " + missing(REQUIRED_INTERFACES, CONTRACT.interfaces().keySet()));
    }

    @Test
    void thePackagedContractIsTheSameAsTheSourceTree() {
        Contract packaged = ContractLoader.load(ContractSources.fromClassLoader(getClass().getClassLoader()));
        assertEquals(CONTRACT.interfaces().keySet(), packaged.interfaces().keySet());
        assertEquals(CONTRACT.typeFiles().keySet(), packaged.typeFiles().keySet());
        assertEquals(CONTRACT.errorFiles().keySet(), packaged.errorFiles().keySet());
    }

    @TestFactory
    Stream<DynamicTest> everyMirroredFileMatchesEVerestExceptForDescriptions() throws Exception {
        JsonNode reference;
        try (InputStream in = getClass().getResourceAsStream("/everest-structure.json")) {
            reference = new ObjectMapper().readTree(in).get("files");
        }
        YAMLMapper yaml = new YAMLMapper();
        return stream(reference.fields()).map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            JsonNode ours = withoutDescriptions(yaml.readTree(CONTRACT_DIR.resolve(e.getKey() + ".yaml").toFile()));
            String difference = firstDifference(e.getValue(), ours, e.getKey());
            if (difference != null) {
                fail(difference);
            }
        }));
    }

    private static JsonNode withoutDescriptions(JsonNode node) {
        if (node.isObject()) {
            ((ObjectNode) node).remove("description");
        }
        node.forEach(ContractConformanceTest::withoutDescriptions);
        return node;
    }

    /** Where two trees first differ, as a readable path, or null when they are equal (array order counts). */
    private static String firstDifference(JsonNode expected, JsonNode actual, String path) {
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!expected.has(name) || !actual.has(name)) {
                    return path + "/" + name + ": " + (expected.has(name) ? "missing in Pylon's file" : "not in EVerest's file");
                }
                String d = firstDifference(expected.get(name), actual.get(name), path + "/" + name);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                String d = firstDifference(expected.get(i), actual.get(i), path + "/" + i);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        boolean same = expected.isNumber() && actual.isNumber()
                ? expected.decimalValue().compareTo(actual.decimalValue()) == 0 : expected.equals(actual);
        return same ? null : path + ": EVerest has " + expected + ", Pylon has " + actual;
    }

    private static Set<String> missing(Set<String> wanted, Set<String> present) {
        Set<String> out = new TreeSet<>(wanted);
        out.removeAll(present);
        return out;
    }

    private static <T> Stream<Map.Entry<String, T>> stream(Iterator<Map.Entry<String, T>> it) {
        Iterable<Map.Entry<String, T>> iterable = () -> it;
        return java.util.stream.StreamSupport.stream(iterable.spliterator(), false);
    }
}
