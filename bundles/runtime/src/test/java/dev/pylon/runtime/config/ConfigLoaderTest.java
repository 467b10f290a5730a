package dev.pylon.runtime.config;

import static dev.pylon.runtime.config.Fixtures.CONFIG;
import static dev.pylon.runtime.config.Fixtures.configProblems;
import static dev.pylon.runtime.config.Fixtures.lineOf;
import static dev.pylon.runtime.config.Fixtures.onlyProblem;
import static dev.pylon.runtime.config.Fixtures.problemAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.pylon.api.ImplementationId;
import dev.pylon.contract.Problem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    /** A small valid config; each test below breaks one thing in it. */
    static final String BASE = """
            settings:
              validate_schema: false
            active_modules:
              connector_1:
                module: EvseManager
                config_module:
                  connector_id: 1
                  max_current_A: 16
                  charge_mode: AC
                connections:
                  bsp:
                    - module_id: powerpath
                      implementation_id: board_support
                  powermeter_grid_side:
                    - module_id: powerpath
                      implementation_id: powermeter
              powerpath:
                module: YetiSimulator
                config_module:
                  connector_id: 1
                  reset_powermeter_on_session_start: false
              token_provider:
                module: DummyTokenProvider
                config_implementation:
                  main:
                    token: CAFE
                    timeout: 30
                connections:
                  evse:
                    - module_id: connector_1
                      implementation_id: evse
            """;

    static String variant(String old, String replacement) {
        assertThat(BASE).contains(old);
        return BASE.replace(old, replacement);
    }

    /** The one problem of {@code text}, which must be on the line marked {@code # bad}. */
    static Problem onlyBad(String text) {
        return onlyProblem(configProblems(text), CONFIG, text, "# bad");
    }

    // ---------------------------------------------------------------- valid configs

    @Test
    void validConfigLoadsWithTypedValuesAndEveryDefaultFilledIn() {
        RuntimeConfig config = Fixtures.load(BASE);

        assertThat(config.source()).isEqualTo(CONFIG);
        assertThat(config.modules()).containsOnlyKeys("connector_1", "powerpath", "token_provider");
        assertThat(List.copyOf(config.modules().keySet()))
                .containsExactly("connector_1", "powerpath", "token_provider");
        assertThat(config.manifests()).containsOnlyKeys("EvseManager", "YetiSimulator", "DummyTokenProvider");
        assertThat(config.settings()).containsExactly(entry("validate_schema", false));
        assertThat(config.validateSchema()).isFalse();

        ModuleInstance connector = config.modules().get("connector_1");
        assertThat(connector.moduleId()).isEqualTo("connector_1");
        assertThat(connector.moduleName()).isEqualTo("EvseManager");
        Map<String, Object> values = connector.configModule();
        // every key of the manifest, in manifest order, typed by the manifest's type
        assertThat(List.copyOf(values.keySet())).containsExactlyElementsOf(
                config.manifestOf("connector_1").config().keySet());
        assertThat(values.get("connector_id")).isEqualTo(1L).isInstanceOf(Long.class);
        assertThat(values.get("max_current_A")).isEqualTo(16.0).isInstanceOf(Double.class);
        assertThat(values.get("charge_mode")).isEqualTo("AC");
        assertThat(values.get("evse_id")).isEqualTo("DE*PYL*E0000001*1");
        assertThat(values.get("ac_nominal_voltage")).isEqualTo(230.0).isInstanceOf(Double.class);
        assertThat(values.get("payment_enable_eim")).isEqualTo(true).isInstanceOf(Boolean.class);
        assertThat(values.get("switch_3ph1ph_delay_s")).isEqualTo(10L).isInstanceOf(Long.class);
        assertThat(values.get("session_id_secret")).isEqualTo("");
        assertThat(connector.configImplementation()).containsOnlyKeys("evse", "energy_grid", "token_provider");
        assertThat(connector.configImplementation().get("energy_grid")).containsExactly(entry("fallback_limit_A", 0.0));
        assertThat(connector.configImplementation().get("evse")).isEmpty();

        assertThat(connector.connections()).containsExactly(
                entry("bsp", List.of(new ImplementationId("powerpath", "board_support"))),
                entry("powermeter_grid_side", List.of(new ImplementationId("powerpath", "powermeter"))),
                entry("powermeter_car_side", List.of()),
                entry("connector_lock", List.of()),
                entry("hlc", List.of()));

        ModuleInstance powerpath = config.modules().get("powerpath");
        assertThat(powerpath.configModule()).containsExactly(entry("connector_id", 1L),
                entry("reset_powermeter_on_session_start", false));
        assertThat(powerpath.connections()).isEmpty();

        Map<String, Object> token = config.modules().get("token_provider").configImplementation().get("main");
        assertThat(token).containsExactly(entry("token", "CAFE"), entry("type", "RFID"), entry("timeout", 30.0),
                entry("connector_id", 0L));
        assertThat(config.modules().get("token_provider").configModule()).isEmpty();
    }

    @Test
    void modelIsImmutable() {
        RuntimeConfig config = Fixtures.load(BASE);
        ModuleInstance connector = config.modules().get("connector_1");

        assertThatThrownBy(() -> config.modules().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> connector.configModule().put("x", 1L))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> connector.connections().get("bsp").clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void validateSchemaIsOnWhenSettingsLeaveItOutAndEverestSettingsAreAccepted() {
        RuntimeConfig none = Fixtures.load(BASE.replace("settings:\n  validate_schema: false\n", ""));
        assertThat(none.settings()).containsExactly(entry("validate_schema", true));
        assertThat(none.validateSchema()).isTrue();

        RuntimeConfig everest = Fixtures.load(variant("  validate_schema: false\n", """
                  mqtt_broker_host: localhost
                  mqtt_broker_port: 1883
                  mqtt_everest_prefix: everest
                  telemetry_enabled: true
                  forward_exceptions: false
                  controller_port: 8849
                  run_as_user: charger
                """));
        assertThat(everest.settings()).containsEntry("mqtt_broker_host", "localhost")
                .containsEntry("mqtt_broker_port", 1883L).containsEntry("telemetry_enabled", true)
                .containsEntry("validate_schema", true);
        assertThat(everest.validateSchema()).isTrue();
    }

    @Test
    void everestKeysPylonDoesNotUseAreAcceptedAndIgnored() {
        RuntimeConfig config = Fixtures.load(variant("    module: YetiSimulator\n", """
                    module: YetiSimulator
                    standalone: false
                    capabilities:
                      - CAP_NET_RAW
                    telemetry:
                      id: 1
                    mapping:
                      module:
                        evse: 1
                        connector: 1
                      implementations:
                        board_support:
                          evse: 1
                    access:
                      config:
                        allow_global_read: true
                """) + """
                x-module-layout:
                  powerpath:
                    position: {x: 1, y: 2}
                """);

        assertThat(config.modules().get("powerpath").configModule()).containsEntry("connector_id", 1L);
    }

    // ---------------------------------------------------------------- one problem each

    @Test
    void unknownModuleTypeNamesTheKnownTypes() {
        Problem p = onlyBad(variant("module: YetiSimulator", "module: YetiSimulatr  # bad"));

        assertThat(p.message()).contains("unknown module type 'YetiSimulatr'")
                .contains("known module types: [Auth, DummyTokenProvider, DummyTokenValidator, EnergyNode, EvManager,"
                        + " EvseManager, YetiSimulator]");
    }

    @Test
    void unknownConfigKeyIsRejectedUnlikeInEverest() {
        Problem p = onlyBad(variant("max_current_A: 16", "max_curent_A: 16  # bad"));

        assertThat(p.message()).contains("unknown config key 'max_curent_A' for module type EvseManager")
                .contains("its config keys: [connector_id, evse_id, evse_id_din, charge_mode, max_current_A,")
                .contains("EVerest only logs unknown keys; Pylon rejects them");
    }

    @Test
    void missingMandatoryKeyIsReportedAtItsConfigMap() {
        Problem p = onlyBad(variant("""
                    config_module:
                      connector_id: 1
                      reset_powermeter_on_session_start: false
                """, """
                    config_module:  # bad
                      reset_powermeter_on_session_start: false
                """));

        assertThat(p.message()).contains("mandatory config key 'connector_id' of module type YetiSimulator is not set")
                .contains("expected integer");
    }

    @Test
    void missingMandatoryKeyWithoutAnyConfigMapIsReportedAtTheModule() {
        Problem p = onlyBad(variant("""
                  powerpath:
                    module: YetiSimulator
                    config_module:
                      connector_id: 1
                      reset_powermeter_on_session_start: false
                """, """
                  powerpath:  # bad
                    module: YetiSimulator
                """));

        assertThat(p.message()).contains("mandatory config key 'connector_id' of module type YetiSimulator");
    }

    @Test
    void wrongValueTypeSaysWhatWasExpected() {
        Problem p = onlyBad(variant("max_current_A: 16", "max_current_A: sixteen  # bad"));

        assertThat(p.message())
                .contains("config key 'max_current_A' of module type EvseManager: 'sixteen' is not valid")
                .contains("(rule: type)").contains("expected number (minimum 6, maximum 80)");

        Problem b = onlyBad(variant("reset_powermeter_on_session_start: false",
                "reset_powermeter_on_session_start: 'no'  # bad"));
        assertThat(b.message()).contains("'reset_powermeter_on_session_start'").contains("expected boolean");
    }

    @Test
    void integerKeyRejectsAFraction() {
        Problem p = onlyBad(variant("      connector_id: 1\n      max", "      connector_id: 1.5  # bad\n      max"));

        assertThat(p.message()).contains("'connector_id'").contains("1.5").contains("expected integer (minimum 1)");
    }

    @Test
    void valueOutOfRangeSaysTheRange() {
        Problem p = onlyBad(variant("max_current_A: 16", "max_current_A: 100  # bad"));

        assertThat(p.message()).contains("'max_current_A'").contains("100 is not valid").contains("(rule: maximum)")
                .contains("expected number (minimum 6, maximum 80)");
    }

    @Test
    void valueNotInEnumListsTheAllowedValues() {
        Problem p = onlyBad(variant("charge_mode: AC", "charge_mode: DCX  # bad"));

        assertThat(p.message()).contains("'charge_mode'").contains("'DCX' is not valid").contains("(rule: enum)")
                .contains("expected string (one of [AC, DC])");
    }

    @Test
    void valueNotMatchingPatternShowsThePattern() {
        Problem p = onlyBad(variant("charge_mode: AC", "charge_mode: AC\n      evse_id: DE-PYL-1  # bad"));

        assertThat(p.message()).contains("'evse_id'").contains("(rule: pattern)")
                .contains("expected string (pattern ^[A-Z]{2}\\*[A-Z0-9]{3}\\*E[A-Z0-9*]+$)");
    }

    @Test
    void configImplementationForAnImplementationTheManifestDoesNotProvide() {
        Problem p = onlyBad(variant("      main:\n", "      mian:  # bad\n"));

        assertThat(p.message()).contains("module type DummyTokenProvider provides no implementation 'mian'")
                .contains("it provides: main (auth_token_provider)");
    }

    @Test
    void configImplementationKeysAreCheckedAgainstThatImplementation() {
        Problem unknown = onlyBad(variant("token: CAFE", "tokn: CAFE  # bad"));
        assertThat(unknown.message()).contains("unknown config key 'tokn' for implementation 'main' of "
                + "DummyTokenProvider").contains("its config keys: [token, type, timeout, connector_id]");

        Problem tooLong = onlyBad(variant("token: CAFE", "token: CAFECAFECAFECAFECAFECAFE  # bad"));
        assertThat(tooLong.message()).contains("'token' of implementation 'main' of DummyTokenProvider")
                .contains("(rule: maxLength)").contains("expected string (minLength 1, maxLength 20)");

        Problem range = onlyBad(variant("timeout: 30", "timeout: 500  # bad"));
        assertThat(range.message()).contains("'timeout'").contains("expected number (minimum 0, maximum 120)");
    }

    @Test
    void connectionToAModuleIdThatDoesNotExist() {
        Problem p = onlyBad(variant("- module_id: connector_1", "- module_id: connector_2  # bad"));

        assertThat(p.message()).contains("connection to module 'connector_2', which is not in active_modules")
                .contains("module ids: [connector_1, powerpath, token_provider]");
    }

    @Test
    void connectionToAnImplementationTheModuleDoesNotProvide() {
        Problem p = onlyBad(variant("implementation_id: board_support", "implementation_id: board  # bad"));

        assertThat(p.message()).contains("module 'powerpath' (YetiSimulator) provides no implementation 'board'")
                .contains("it provides: board_support (evse_board_support), ev_board_support (ev_board_support), "
                        + "powermeter (powermeter), connector_lock (connector_lock)");
    }

    @Test
    void connectionToAnImplementationOfAnotherInterface() {
        Problem p = onlyBad(variant("implementation_id: board_support", "implementation_id: powermeter  # bad"));

        assertThat(p.message()).contains("'powerpath/powermeter' implements interface 'powermeter'")
                .contains("requirement 'bsp' of module type EvseManager needs interface 'evse_board_support'");
    }

    @Test
    void connectionForARequirementTheManifestDoesNotHave() {
        Problem p = onlyBad(variant("      powermeter_grid_side:", "      powermeter:  # bad"));

        assertThat(p.message()).contains("module type EvseManager has no requirement 'powermeter'")
                .contains("its requirements: [bsp, powermeter_grid_side, powermeter_car_side, connector_lock, hlc]");
    }

    @Test
    void fewerConnectionsThanMinConnections() {
        Problem p = onlyBad(variant("""
                      bsp:
                        - module_id: powerpath
                          implementation_id: board_support
                """, """
                      bsp: []  # bad
                """));

        assertThat(p.message()).contains("requirement 'bsp' of module type EvseManager (interface evse_board_support)")
                .contains("needs at least 1 connection, has 0");
    }

    @Test
    void mandatoryRequirementWithoutAConnectionsEntry() {
        Problem p = onlyBad(variant("""
                    connections:
                      bsp:
                        - module_id: powerpath
                          implementation_id: board_support
                """, """
                    connections:  # bad
                """));

        assertThat(p.message()).contains("requirement 'bsp' of module type EvseManager (interface evse_board_support)")
                .contains("needs at least 1 connection").contains("'connections' has no entry for it");
    }

    @Test
    void mandatoryRequirementOfAModuleWithoutConnections() {
        Problem p = onlyBad(variant("""
                  token_provider:
                    module: DummyTokenProvider
                """, """
                  token_provider:  # bad
                    module: DummyTokenProvider
                """).replaceAll("(?s)    connections:\n      evse:.*", ""));

        assertThat(p.message())
                .contains("requirement 'evse' of module type DummyTokenProvider (interface evse_manager)")
                .contains("module 'token_provider' has no 'connections'");
    }

    @Test
    void moreConnectionsThanMaxConnections() {
        String text = variant("""
                          implementation_id: powermeter
                """, """
                          implementation_id: powermeter
                        - module_id: powerpath_2
                          implementation_id: powermeter
                """) + """
                  powerpath_2:
                    module: YetiSimulator
                    config_module:
                      connector_id: 2
                """;
        Problem p = onlyProblem(configProblems(text), CONFIG, text, "powermeter_grid_side:");

        assertThat(p.message()).contains("requirement 'powermeter_grid_side' of module type EvseManager "
                + "(interface powermeter) allows at most 1 connection, has 2");
    }

    @Test
    void sameImplementationListedTwiceForOneRequirement() {
        String text = BASE + """
                  validator:
                    module: DummyTokenValidator
                  auth:
                    module: Auth
                    config_module:
                      connection_timeout: 30
                    connections:
                      token_provider:
                        - module_id: token_provider
                          implementation_id: main
                        - module_id: token_provider  # bad
                          implementation_id: main
                      token_validator:
                        - module_id: validator
                          implementation_id: main
                      evse_manager:
                        - module_id: connector_1
                          implementation_id: evse
                """;
        Problem p = onlyBad(text);

        assertThat(p.message()).contains("connection to 'token_provider/main' is listed twice for requirement "
                + "'token_provider'");
    }

    @Test
    void manifestWithAnInterfaceOutsideTheContractIsRejectedWhereItIsUsed() {
        Manifest kvs = ManifestLoader.load("Store", "modules/Store/manifest.yaml", """
                description: Keeps values across restarts.
                provides:
                  main:
                    interface: kvs
                    description: Key-value store
                metadata:
                  license: https://opensource.org/licenses/Apache-2.0
                  authors: [Pylon tests]
                """);
        Map<String, Manifest> manifests = new HashMap<>(Fixtures.manifests());
        manifests.put("Store", kvs);
        String text = BASE + """
                  store:
                    module: Store  # bad
                """;

        List<Problem> problems = org.assertj.core.api.Assertions.catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.load(CONFIG, text, manifests, Fixtures.contract())).problems();

        Problem p = onlyProblem(problems, CONFIG, text, "# bad");
        assertThat(p.message()).contains("module type Store (modules/Store/manifest.yaml) provides 'main' with "
                + "interface 'kvs', which is not in the contract").contains("known interfaces: [");
    }

    @Test
    void settingsAreCheckedAgainstEverestSettings() {
        Problem type = onlyBad(variant("validate_schema: false", "validate_schema: 'no'  # bad"));
        assertThat(type.message()).contains("(rule: type)").contains("boolean");

        Problem unknown = onlyBad(variant("validate_schema: false",
                "validate_schema: false\n  mqtt_brokr_host: x  # bad"));
        assertThat(unknown.message()).contains("mqtt_brokr_host").contains("(rule: additionalProperties)");
    }

    @Test
    void unknownKeyOfAModuleEntryIsReportedAtTheKey() {
        String text = variant("    connections:\n      bsp:", "    conections:  # bad\n      bsp:");
        List<Problem> problems = configProblems(text);

        // the misspelt key, and therefore the missing connection of the mandatory requirement 'bsp'
        assertThat(problems).hasSize(2);
        assertThat(problemAt(problems, CONFIG, text, "# bad").message()).contains("conections")
                .contains("(rule: additionalProperties)");
        assertThat(problemAt(problems, CONFIG, text, "  connector_1:").message())
                .contains("requirement 'bsp'").contains("has no 'connections'");
    }

    @Test
    void unknownTopLevelKeyIsRejectedButExtensionKeysAreNot() {
        String text = BASE + "modules_dir: /opt  # bad\n";
        assertThat(onlyBad(text).message()).contains("modules_dir").contains("(rule: additionalProperties)");

        Fixtures.load(BASE + "x-editor:\n  zoom: 2\n");
    }

    @Test
    void emptyOrMissingActiveModules() {
        String text = "settings:  # bad\n  validate_schema: true\n";
        assertThat(onlyBad(text).message()).contains("active_modules").contains("(rule: required)");

        assertThat(Fixtures.load("active_modules: {}\n").modules()).isEmpty();
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() {
        String text = variant("charge_mode: AC", "charge_mode: [AC  # bad");
        List<Problem> problems = configProblems(text);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).file()).isEqualTo(CONFIG);
        assertThat(problems.get(0).line()).isGreaterThanOrEqualTo(lineOf(text, "# bad"));
        assertThat(problems.get(0).message()).startsWith("not valid YAML");
    }

    @Test
    void duplicateKeyIsAProblem() {
        Problem p = onlyBad(variant("charge_mode: AC", "charge_mode: AC\n      charge_mode: DC  # bad"));

        assertThat(p.message()).contains("duplicate key 'charge_mode'");
    }

    // ---------------------------------------------------------------- every problem at once

    @Test
    void everyProblemOfAConfigIsReportedAtOnceInFileOrder() {
        String text = """
                settings:
                  validate_schema: maybe                  # P01
                  mqtt_brokr_host: localhost              # P02
                active_modules:
                  connector_1:
                    module: EvseManager
                    config_module:
                      connector_id: 0                     # P03
                      max_current_A: lots                 # P04
                      charge_mode: DCX                    # P05
                      evse_id: nope                       # P06
                      colour: blue                        # P07
                    config_implementation:
                      energy_grid:
                        fallback_limit_A: -1              # P08
                      energy: {}                          # P09
                    connections:                          # P10
                      powermeter_grid_side:
                        - module_id: powerpath
                          implementation_id: board_support  # P11
                        - module_id: powerpath
                          implementation_id: powermeter
                      connector_lock:
                        - module_id: powerpath
                          implementation_id: lock         # P12
                      hlc:
                        - module_id: iso15118_charger     # P13
                          implementation_id: charger
                      slac:                               # P14
                        - module_id: powerpath
                          implementation_id: board_support
                  powerpath:                              # P15
                    module: YetiSimulator
                  token_provider:
                    module: DummyTokenProvider
                    config_implementation:
                      main:
                        timeout: 121                      # P16
                    connections:
                      evse: []                            # P17
                  car:
                    module: CarSimulator                  # P18
                """;
        List<Problem> problems = configProblems(text);

        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("# P01", "(rule: type)");
        expected.put("# P02", "mqtt_brokr_host");
        expected.put("# P03", "expected integer (minimum 1)");
        expected.put("# P04", "expected number (minimum 6, maximum 80)");
        expected.put("# P05", "one of [AC, DC]");
        expected.put("# P06", "(rule: pattern)");
        expected.put("# P07", "unknown config key 'colour'");
        expected.put("# P08", "expected number (minimum 0)");
        expected.put("# P09", "provides no implementation 'energy'");
        expected.put("# P10", "requirement 'bsp'");
        expected.put("# P11", "needs interface 'powermeter'");
        expected.put("# P12", "provides no implementation 'lock'");
        expected.put("# P13", "module 'iso15118_charger', which is not in active_modules");
        expected.put("# P14", "has no requirement 'slac'");
        expected.put("# P15", "mandatory config key 'connector_id' of module type YetiSimulator");
        expected.put("# P16", "expected number (minimum 0, maximum 120)");
        expected.put("# P17", "needs at least 1 connection, has 0");
        expected.put("# P18", "unknown module type 'CarSimulator'");
        expected.forEach((marker, fragment) ->
                assertThat(problemAt(problems, CONFIG, text, marker).message()).as(marker).contains(fragment));
        // too many connections: powermeter_grid_side lists two (one of them wrong)
        assertThat(problemAt(problems, CONFIG, text, "powermeter_grid_side:").message())
                .contains("allows at most 1 connection, has 2");
        assertThat(problems).hasSize(expected.size() + 1);
        assertThat(problems).isSortedAccordingTo(java.util.Comparator.comparingInt(Problem::line));
    }
}
