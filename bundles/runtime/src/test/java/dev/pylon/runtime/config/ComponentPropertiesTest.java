package dev.pylon.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.pylon.api.ImplementationId;
import dev.pylon.runtime.ModuleBus;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;

class ComponentPropertiesTest {
    /** The small config of the loader tests, plus Auth with two token providers. */
    static final String CONFIG = ConfigLoaderTest.BASE + """
              second_provider:
                module: DummyTokenProvider
                connections:
                  evse:
                    - module_id: connector_1
                      implementation_id: evse
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
                    - module_id: second_provider
                      implementation_id: main
                  token_validator:
                    - module_id: validator
                      implementation_id: main
                  evse_manager:
                    - module_id: connector_1
                      implementation_id: evse
            """;

    static Dictionary<String, Object> endpoint(String moduleId, String implId) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(ModuleBus.ENDPOINT, true);
        props.put(ModuleBus.MODULE_ID, moduleId);
        props.put(ModuleBus.IMPL_ID, implId);
        props.put(ModuleBus.INTERFACE, "evse_board_support");
        return props;
    }

    static Filter parse(String filter) throws InvalidSyntaxException {
        return FrameworkUtil.createFilter(filter);
    }

    @Test
    void singleConnectionsOptionalEmptyRequirementsAndConfigValues() {
        Map<String, Object> props = ComponentProperties.of(Fixtures.load(CONFIG), "connector_1");

        assertThat(props).contains(
                entry("pylon.module.id", "connector_1"),
                entry("pylon.module.name", "EvseManager"),
                entry("connector_id", 1L),
                entry("max_current_A", 16.0),
                entry("charge_mode", "AC"),
                entry("evse_id", "DE*PYL*E0000001*1"),
                entry("session_logging", false),
                entry("energy_grid.fallback_limit_A", 0.0));
        assertThat(List.copyOf(props.keySet()).subList(0, 2)).containsExactly("pylon.module.id", "pylon.module.name");

        assertThat(props.get("bsp.target"))
                .isEqualTo("(&(pylon.endpoint=true)(pylon.module.id=powerpath)(pylon.impl.id=board_support))");
        assertThat(props.get("bsp.cardinality.minimum")).isEqualTo(1);
        assertThat((String[]) props.get("pylon.connections.bsp")).containsExactly("powerpath/board_support");
        assertThat((String[]) props.get("pylon.connections.powermeter_grid_side"))
                .containsExactly("powerpath/powermeter");

        // an optional requirement without connections: a filter that matches nothing, and no minimum
        assertThat(props.get("powermeter_car_side.target")).isEqualTo(ComponentProperties.targetFilter(List.of()));
        assertThat(props.get("powermeter_car_side.cardinality.minimum")).isEqualTo(0);
        assertThat((String[]) props.get("pylon.connections.powermeter_car_side")).isEmpty();
        assertThat(props).containsKeys("connector_lock.target", "hlc.target");

        // every value is a type ConfigAdmin accepts
        assertThat(props.values()).allSatisfy(v -> assertThat(v).isInstanceOfAny(String.class, Long.class,
                Double.class, Boolean.class, Integer.class, String[].class));
        assertThatThrownBy(() -> props.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void multipleConnectionsGiveOneFilterForAll() throws InvalidSyntaxException {
        Map<String, Object> props = ComponentProperties.of(Fixtures.load(CONFIG), "auth");

        assertThat(props.get("token_provider.target")).isEqualTo("(&(pylon.endpoint=true)(|"
                + "(&(pylon.module.id=token_provider)(pylon.impl.id=main))"
                + "(&(pylon.module.id=second_provider)(pylon.impl.id=main))))");
        assertThat(props.get("token_provider.cardinality.minimum")).isEqualTo(2);
        assertThat((String[]) props.get("pylon.connections.token_provider"))
                .containsExactly("token_provider/main", "second_provider/main");
        assertThat(props).contains(entry("connection_timeout", 30L), entry("selection_algorithm", "FindFirst"),
                entry("prioritize_authorization_over_stopping_transaction", true));

        Filter filter = parse((String) props.get("token_provider.target"));
        assertThat(filter.match(endpoint("token_provider", "main"))).isTrue();
        assertThat(filter.match(endpoint("second_provider", "main"))).isTrue();
        assertThat(filter.match(endpoint("validator", "main"))).isFalse();
        assertThat(filter.match(endpoint("second_provider", "evse"))).isFalse();
    }

    @Test
    void configImplementationKeysArePrefixedWithTheImplementation() {
        Map<String, Object> given = ComponentProperties.of(Fixtures.load(CONFIG), "token_provider");
        assertThat(given).contains(entry("main.token", "CAFE"), entry("main.timeout", 30.0),
                entry("main.type", "RFID"), entry("main.connector_id", 0L));
        assertThat(given).doesNotContainKeys("token", "timeout");

        Map<String, Object> defaults = ComponentProperties.of(Fixtures.load(CONFIG), "validator");
        assertThat(defaults).containsExactly(entry("pylon.module.id", "validator"),
                entry("pylon.module.name", "DummyTokenValidator"), entry("main.validation_result", "Accepted"),
                entry("main.validation_reason", "Token valid"), entry("main.sleep", 0.5));
    }

    @Test
    void unknownModuleIdIsAnError() {
        RuntimeConfig config = Fixtures.load(CONFIG);

        assertThatThrownBy(() -> ComponentProperties.of(config, "nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope")
                .hasMessageContaining("connector_1");
    }

    @Test
    void singleFilterParsesAndMatchesOnlyThatEndpoint() throws InvalidSyntaxException {
        Filter filter = parse(ComponentProperties.targetFilter(List.of(new ImplementationId("powerpath", "board"))));

        assertThat(filter.match(endpoint("powerpath", "board"))).isTrue();
        assertThat(filter.match(endpoint("powerpath", "meter"))).isFalse();
        assertThat(filter.match(endpoint("other", "board"))).isFalse();
        Dictionary<String, Object> notEndpoint = endpoint("powerpath", "board");
        notEndpoint.put(ModuleBus.ENDPOINT, false);
        assertThat(filter.match(notEndpoint)).isFalse();
        Dictionary<String, Object> provider = endpoint("powerpath", "board");
        provider.remove(ModuleBus.ENDPOINT);
        assertThat(filter.match(provider)).as("the provider itself, not its endpoint").isFalse();
        Dictionary<String, Object> stringly = endpoint("powerpath", "board");
        stringly.put(ModuleBus.ENDPOINT, "true");
        assertThat(filter.match(stringly)).isTrue();
    }

    @Test
    void filterEscapesSpecialCharacters() throws InvalidSyntaxException {
        ImplementationId odd = new ImplementationId("a(b)*c\\d", "x*");
        String text = ComponentProperties.targetFilter(List.of(odd));

        assertThat(text).isEqualTo("(&(pylon.endpoint=true)(pylon.module.id=a\\(b\\)\\*c\\\\d)(pylon.impl.id=x\\*))");
        Filter filter = parse(text);
        assertThat(filter.match(endpoint("a(b)*c\\d", "x*"))).isTrue();
        // '*' is a literal, not a wildcard
        assertThat(filter.match(endpoint("a(b)Zc\\d", "x*"))).isFalse();
        assertThat(filter.match(endpoint("a(b)*c\\d", "xy"))).isFalse();

        Filter several = parse(ComponentProperties.targetFilter(List.of(odd, new ImplementationId("m)", "(i"))));
        assertThat(several.match(endpoint("m)", "(i"))).isTrue();
        assertThat(several.match(endpoint("a(b)*c\\d", "(i"))).isFalse();
    }

    @Test
    void emptyListGivesAValidFilterThatMatchesNothing() throws InvalidSyntaxException {
        Filter nothing = parse(ComponentProperties.targetFilter(List.of()));

        assertThat(nothing.match(endpoint("powerpath", "board"))).isFalse();
        assertThat(nothing.match(new Hashtable<String, Object>())).isFalse();
        Dictionary<String, Object> justEndpoint = new Hashtable<>();
        justEndpoint.put(ModuleBus.ENDPOINT, true);
        assertThat(nothing.match(justEndpoint)).isFalse();
    }
}
