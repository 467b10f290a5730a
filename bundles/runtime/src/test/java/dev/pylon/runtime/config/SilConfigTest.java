package dev.pylon.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.pylon.api.ImplementationId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

/** The AC part of EVerest's SIL config, in EVerest's own shape, with manifests shaped like EVerest's modules. */
class SilConfigTest {
    static final String FILE = "fixture/config-sil-ac.yaml";

    static RuntimeConfig load() {
        return ConfigLoader.load(FILE, Fixtures.resource(FILE), Fixtures.manifests(), Fixtures.contract());
    }

    @Test
    void loadsWithEveryModuleAndType() {
        RuntimeConfig config = load();

        assertThat(config.modules()).containsOnlyKeys("connector_1", "connector_1_powerpath", "ev_manager", "auth",
                "token_provider", "token_validator", "grid_connection_point");
        assertThat(config.modules().get("connector_1").moduleName()).isEqualTo("EvseManager");
        assertThat(config.modules().get("connector_1_powerpath").moduleName()).isEqualTo("YetiSimulator");
        assertThat(config.modules().get("ev_manager").moduleName()).isEqualTo("EvManager");
        assertThat(config.modules().get("auth").moduleName()).isEqualTo("Auth");
        assertThat(config.modules().get("token_provider").moduleName()).isEqualTo("DummyTokenProvider");
        assertThat(config.modules().get("token_validator").moduleName()).isEqualTo("DummyTokenValidator");
        assertThat(config.modules().get("grid_connection_point").moduleName()).isEqualTo("EnergyNode");
        assertThat(config.manifests()).containsOnlyKeys(Fixtures.MODULES);
        assertThat(config.settings()).containsExactly(entry("telemetry_enabled", true),
                entry("validate_schema", true));
    }

    @Test
    void valuesAreTypedAndDefaultsFilledIn() {
        RuntimeConfig config = load();

        Map<String, Object> connector = config.modules().get("connector_1").configModule();
        assertThat(connector).contains(entry("connector_id", 1L), entry("evse_id", "DE*PNX*E12345*1"),
                entry("ac_nominal_voltage", 230.0), entry("charge_mode", "AC"), entry("ac_hlc_enabled", true),
                entry("switch_3ph1ph_delay_s", 5L), entry("session_logging_path", "/tmp/everest-logs"),
                // not in the file: defaults
                entry("evse_id_din", "49A80737A45678"), entry("max_current_A", 32.0));
        assertThat(connector).hasSameSizeAs(config.manifestOf("connector_1").config());

        assertThat(config.modules().get("ev_manager").configModule()).contains(entry("auto_enable", true),
                entry("auto_exec_commands",
                        "sleep 1;iec_wait_pwr_ready;sleep 1;draw_power_regulated 16,3;sleep 30;unplug"),
                entry("max_current", 16.0));
        assertThat(config.modules().get("grid_connection_point").configModule()).containsExactly(
                entry("fuse_limit_A", 40.0), entry("phase_count", 3L), entry("nominal_voltage_V", 230.0));
        assertThat(config.modules().get("token_validator").configImplementation().get("main")).containsExactly(
                entry("validation_result", "Accepted"), entry("validation_reason", "Token seems valid"),
                entry("sleep", 0.25));
        assertThat(config.modules().get("token_provider").configImplementation().get("main"))
                .contains(entry("token", "DEADBEEF"), entry("timeout", 10.0), entry("type", "RFID"));
    }

    @Test
    void connectionsAreResolvedInConfigOrder() {
        RuntimeConfig config = load();

        assertThat(config.modules().get("connector_1").connections()).contains(
                entry("bsp", List.of(new ImplementationId("connector_1_powerpath", "board_support"))),
                entry("powermeter_grid_side", List.of(new ImplementationId("connector_1_powerpath", "powermeter"))),
                entry("connector_lock", List.of(new ImplementationId("connector_1_powerpath", "connector_lock"))),
                entry("powermeter_car_side", List.of()), entry("hlc", List.of()));
        assertThat(config.modules().get("auth").connections()).containsExactly(
                entry("token_provider", List.of(new ImplementationId("token_provider", "main"))),
                entry("token_validator", List.of(new ImplementationId("token_validator", "main"))),
                entry("evse_manager", List.of(new ImplementationId("connector_1", "evse"))));
        assertThat(config.modules().get("grid_connection_point").connections().get("energy_consumer"))
                .containsExactly(new ImplementationId("connector_1", "energy_grid"));
    }

    @Test
    void everyModuleGetsComponentPropertiesWithValidFilters() throws Exception {
        RuntimeConfig config = load();

        for (String moduleId : config.modules().keySet()) {
            Map<String, Object> props = ComponentProperties.of(config, moduleId);
            assertThat(props).containsEntry("pylon.module.id", moduleId);
            for (String req : config.manifestOf(moduleId).requires().keySet()) {
                FrameworkUtil.createFilter((String) props.get(req + ".target"));
            }
        }
        assertThat(ComponentProperties.of(config, "connector_1").get("bsp.target")).isEqualTo(
                "(&(pylon.endpoint=true)(pylon.module.id=connector_1_powerpath)(pylon.impl.id=board_support))");
    }
}
