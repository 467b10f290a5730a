package dev.pylon.runtime.config;

import static dev.pylon.runtime.config.Fixtures.manifestProblems;
import static dev.pylon.runtime.config.Fixtures.onlyProblem;
import static dev.pylon.runtime.config.Fixtures.problemAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pylon.contract.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestLoaderTest {
    static final String FILE = "modules/Probe/manifest.yaml";

    /** A small valid manifest; tests break one thing in it. */
    static final String PROBE = """
            description: Measures things for the tests.
            config:
              interval_ms:
                description: Time between two measurements
                type: integer
                minimum: 10
                default: 1000
              label:
                description: Name shown in logs
                type: string
                mutability: ReadWrite
              gain:
                description: Factor applied to every reading
                type: number
                default: 1.5
              verbose:
                description: Log every reading
                type: boolean
                default: false
            provides:
              meter:
                interface: powermeter
                description: The readings as a power meter
                config:
                  phases:
                    description: Phases measured
                    type: integer
                    enum: [1, 3]
                    default: 3
              lock:
                interface: connector_lock
                description: A lock, for good measure
            requires:
              board:
                interface: evse_board_support
              sinks:
                interface: energy
                min_connections: 0
                max_connections: 1000
            enable_external_mqtt: false
            enable_global_errors: true
            metadata:
              license: https://opensource.org/licenses/Apache-2.0
              authors:
                - Pylon tests
            """;

    static String variant(String old, String replacement) {
        assertThat(PROBE).contains(old);
        return PROBE.replace(old, replacement);
    }

    static Problem onlyBad(String text) {
        return onlyProblem(manifestProblems(FILE, text), FILE, text, "# bad");
    }

    @Test
    void validManifestLoadsWithDefaults() {
        Manifest m = ManifestLoader.load("Probe", FILE, PROBE, Fixtures.contract());

        assertThat(m.moduleName()).isEqualTo("Probe");
        assertThat(m.source()).isEqualTo(FILE);
        assertThat(m.description()).isEqualTo("Measures things for the tests.");
        assertThat(m.enableGlobalErrors()).isTrue();
        assertThat(List.copyOf(m.config().keySet())).containsExactly("interval_ms", "label", "gain", "verbose");

        ConfigEntry interval = m.config().get("interval_ms");
        assertThat(interval.key()).isEqualTo("interval_ms");
        assertThat(interval.type()).isEqualTo("integer");
        assertThat(interval.description()).isEqualTo("Time between two measurements");
        assertThat(interval.defaultValue().asInt()).isEqualTo(1000);
        assertThat(interval.mandatory()).isFalse();
        assertThat(interval.mutability()).isEqualTo("ReadOnly");
        assertThat(interval.schema().get("minimum").asInt()).isEqualTo(10);
        ConfigEntry label = m.config().get("label");
        assertThat(label.mandatory()).isTrue();
        assertThat(label.defaultValue()).isNull();
        assertThat(label.mutability()).isEqualTo("ReadWrite");

        assertThat(List.copyOf(m.provides().keySet())).containsExactly("meter", "lock");
        ProvidedImpl meter = m.provides().get("meter");
        assertThat(meter.implId()).isEqualTo("meter");
        assertThat(meter.interfaceName()).isEqualTo("powermeter");
        assertThat(meter.description()).isEqualTo("The readings as a power meter");
        assertThat(meter.config().get("phases").defaultValue().asInt()).isEqualTo(3);
        assertThat(m.provides().get("lock").config()).isEmpty();

        Requirement board = m.requires().get("board");
        assertThat(board).isEqualTo(new Requirement("board", "evse_board_support", 1, 1));
        assertThat(board.optional()).isFalse();
        Requirement sinks = m.requires().get("sinks");
        assertThat(sinks).isEqualTo(new Requirement("sinks", "energy", 0, 1000));
        assertThat(sinks.optional()).isTrue();
    }

    @Test
    void minimalManifestAndEverestExtrasAreAccepted() {
        Manifest m = ManifestLoader.load("Tiny", "Tiny.yaml", """
                description: Smallest manifest there is.
                provides:
                  main:
                    interface: connector_lock
                    description: A lock
                    vendor_tag: abc
                requires:
                  board:
                    interface: evse_board_support
                    max_connections: 4294967296
                    ignore:
                      vars: [event]
                      errors: true
                enable_telemetry: true
                metadata:
                  license: https://opensource.org/licenses/Apache-2.0
                  authors: [Pylon tests]
                  base_license: https://opensource.org/licenses/Apache-2.0
                  homepage: https://example.org
                """);

        assertThat(m.config()).isEmpty();
        assertThat(m.enableGlobalErrors()).isFalse();
        assertThat(m.requires().get("board").maxConnections()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void descriptionAndMetadataAreRequired() {
        String text = """
                provides:
                  main:
                    interface: connector_lock
                    description: A lock
                """;
        List<Problem> problems = manifestProblems(FILE, text);

        assertThat(problems).hasSize(2).allSatisfy(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).contains("(rule: required)");
        });
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("description"));
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("metadata"));
    }

    @Test
    void configTypeMustBeAScalarType() {
        Problem p = onlyBad(variant("type: number\n", "type: float  # bad\n"));

        assertThat(p.message()).contains("(rule: enum)").contains("boolean").contains("integer").contains("number")
                .contains("string");
    }

    @Test
    void configEntryNeedsDescriptionAndValidMutability() {
        Problem description = onlyBad(variant("""
                  verbose:
                    description: Log every reading
                """, """
                  verbose:  # bad
                """));
        assertThat(description.message()).contains("description").contains("(rule: required)");

        Problem mutability = onlyBad(variant("mutability: ReadWrite", "mutability: Sometimes  # bad"));
        assertThat(mutability.message()).contains("(rule: enum)")
                .contains("[\"ReadOnly\", \"ReadWrite\", \"WriteOnly\"]");
    }

    @Test
    void defaultMustSatisfyItsOwnEntry() {
        Problem range = onlyBad(variant("default: 1000", "default: 5  # bad"));
        assertThat(range.message()).contains("default 5 of config key 'interval_ms' does not satisfy its own entry")
                .contains("(rule: minimum)").contains("expected integer (minimum 10)");

        Problem type = onlyBad(variant("default: 1.5", "default: high  # bad"));
        assertThat(type.message()).contains("default 'high' of config key 'gain'").contains("(rule: type)")
                .contains("expected number");

        Problem implEnum = onlyBad(variant("default: 3", "default: 2  # bad"));
        assertThat(implEnum.message()).contains("config key 'phases'").contains("expected integer (one of [1, 3])");
    }

    @Test
    void providesNeedsAtLeastOneImplementationWithInterfaceAndDescription() {
        String none = PROBE.replaceAll("(?s)provides:\n.*?requires:", "provides: {}  # bad\nrequires:");
        assertThat(onlyBad(none).message()).contains("(rule: minProperties)");

        Problem noInterface = onlyBad(variant("""
                  lock:
                    interface: connector_lock
                """, """
                  lock:  # bad
                """));
        assertThat(noInterface.message()).contains("interface").contains("(rule: required)");
    }

    @Test
    void requirementNeedsInterfaceAndSaneConnectionCounts() {
        Problem negative = onlyBad(variant("min_connections: 0", "min_connections: -1  # bad"));
        assertThat(negative.message()).contains("(rule: minimum)");

        Problem unknownKey = onlyBad(variant("max_connections: 1000",
                "max_connections: 1000\n    optional: true  # bad"));
        assertThat(unknownKey.message()).contains("optional").contains("(rule: additionalProperties)");
    }

    @Test
    void minConnectionsMustNotExceedMaxConnections() {
        Problem p = onlyBad(variant("min_connections: 0", "min_connections: 2000  # bad"));
        assertThat(p.message()).contains("min_connections 2000 is greater than max_connections 1000")
                .contains("expected min_connections <= max_connections");

        Problem implicit = onlyBad(variant("""
                    interface: evse_board_support
                """, """
                    interface: evse_board_support
                    min_connections: 2  # bad
                """));
        assertThat(implicit.message()).contains("min_connections 2 is greater than max_connections 1 (the default");
    }

    @Test
    void secondImplementationOfTheSameInterfaceIsRejected() {
        Problem p = onlyBad(variant("interface: connector_lock", "interface: powermeter  # bad"));

        assertThat(p.message()).contains("implementation 'lock' provides interface 'powermeter', which "
                + "implementation 'meter' already provides")
                .contains("Pylon supports each interface at most once per module for now");
    }

    @Test
    void interfacesMustBeInTheContract() {
        Problem provided = onlyBad(variant("interface: connector_lock", "interface: connector_lok  # bad"));
        assertThat(provided.message()).contains("interface 'connector_lok' is not in the contract")
                .contains("known interfaces: [").contains("connector_lock");

        Problem required = onlyBad(variant("interface: energy", "interface: kvs  # bad"));
        assertThat(required.message()).contains("interface 'kvs' is not in the contract");

        // without a contract only the format is checked
        ManifestLoader.load("Probe", FILE, variant("interface: energy", "interface: kvs"));
    }

    @Test
    void unknownTopLevelKeyIsReportedAtTheKey() {
        Problem p = onlyBad(PROBE + "enable_everything: true  # bad\n");

        assertThat(p.message()).contains("enable_everything").contains("(rule: additionalProperties)");
    }

    @Test
    void configKeysMustNotClashWithComponentProperties() {
        Problem reserved = onlyBad(variant("  verbose:\n", "  pylon.module.id:  # bad\n"));
        assertThat(reserved.message()).contains("'pylon.module.id'").contains("reserve");

        Problem impl = onlyBad(variant("  verbose:\n", "  meter.phases:  # bad\n"));
        assertThat(impl.message()).contains("'meter.phases'").contains("implementation 'meter'");

        Problem req = onlyBad(variant("  verbose:\n", "  board.target:  # bad\n"));
        assertThat(req.message()).contains("'board.target'").contains("requirement 'board'");
    }

    @Test
    void everyProblemOfAManifestIsReportedAtOnce() {
        String text = """
                description: X                                   # P1
                config:
                  rate:
                    description: Sampling rate
                    type: decimal                                # P2
                  mode:
                    description: Operating mode
                    type: string
                    enum: [fast, slow]
                    default: medium                              # P3
                provides:
                  a:
                    interface: powermeter
                    description: First meter
                  b:
                    interface: powermeter                        # P4
                    description: Second meter
                  c:
                    interface: no_such_interface                 # P5
                    description: Something
                requires:
                  up:
                    interface: energy
                    min_connections: 3                           # P6
                    max_connections: 2
                  side:                                          # P7
                    min_connections: 0
                metadata:                                        # P8
                  license: https://opensource.org/licenses/Apache-2.0
                """;
        List<Problem> problems = manifestProblems(FILE, text);

        String[][] expected = {
            {"# P1", "(rule: minLength)"},
            {"# P2", "(rule: enum)"},
            {"# P3", "default 'medium' of config key 'mode'"},
            {"# P4", "at most once per module"},
            {"# P5", "'no_such_interface' is not in the contract"},
            {"# P6", "min_connections 3 is greater than max_connections 2"},
            {"# P7", "interface"},
            {"# P8", "authors"},
        };
        for (String[] e : expected) {
            assertThat(problemAt(problems, FILE, text, e[0]).message()).as(e[0]).contains(e[1]);
        }
        assertThat(problems).hasSize(expected.length);
    }

    @Test
    void everyFixtureManifestLoads() {
        assertThat(Fixtures.manifests()).containsOnlyKeys(Fixtures.MODULES);
        Manifest evse = Fixtures.manifests().get("EvseManager");
        assertThat(evse.requires().get("bsp")).isEqualTo(new Requirement("bsp", "evse_board_support", 1, 1));
        assertThat(evse.requires().get("powermeter_grid_side").optional()).isTrue();
        assertThat(evse.requires().get("powermeter_grid_side").maxConnections()).isEqualTo(1);
        assertThat(Fixtures.manifests().get("Auth").requires().get("token_provider").maxConnections()).isEqualTo(128);
    }
}
