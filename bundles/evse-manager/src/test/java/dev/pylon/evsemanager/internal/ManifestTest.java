package dev.pylon.evsemanager.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pylon.contract.Contract;
import dev.pylon.contract.ContractLoader;
import dev.pylon.contract.ContractSources;
import dev.pylon.runtime.config.ConfigEntry;
import dev.pylon.runtime.config.Manifest;
import dev.pylon.runtime.config.ManifestLoader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The manifest is valid, names what EVerest names, and agrees with the component's config type. */
class ManifestTest {
    private static final String PATH = String.format(ManifestLoader.BUNDLE_PATH_PATTERN, "EvseManager");

    private static Manifest manifest() throws IOException {
        try (InputStream in = ManifestTest.class.getClassLoader().getResourceAsStream(PATH)) {
            assertThat(in).as(PATH).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Contract contract = ContractLoader.load(ContractSources.fromClassLoader(ManifestTest.class.getClassLoader()));
            return ManifestLoader.load("EvseManager", PATH, text, contract);
        }
    }

    @Test
    void providesAndRequiresWhatEVerestsEvseManagerDoes() throws IOException {
        Manifest m = manifest();
        assertThat(m.provides()).containsOnlyKeys("evse", "energy_grid");
        assertThat(m.provides().get("evse").interfaceName()).isEqualTo("evse_manager");
        assertThat(m.provides().get("energy_grid").interfaceName()).isEqualTo("energy");
        assertThat(m.requires()).containsOnlyKeys("bsp", "powermeter_grid_side", "hlc", "connector_lock");
        assertThat(m.requires().get("bsp").interfaceName()).isEqualTo("evse_board_support");
        assertThat(m.requires().get("bsp").minConnections()).isEqualTo(1);
        assertThat(m.requires().get("powermeter_grid_side").interfaceName()).isEqualTo("powermeter");
        assertThat(m.requires().get("hlc").interfaceName()).isEqualTo("ISO15118_charger");
        assertThat(m.requires().get("connector_lock").interfaceName()).isEqualTo("connector_lock");
        for (String optional : List.of("powermeter_grid_side", "hlc", "connector_lock")) {
            assertThat(m.requires().get(optional).minConnections()).isZero();
            assertThat(m.requires().get(optional).maxConnections()).isEqualTo(1);
        }
    }

    @Test
    void hasEVerestsAcConfigKeys() throws IOException {
        Manifest m = manifest();
        assertThat(m.config()).containsKeys("connector_id", "evse_id", "charge_mode", "ac_nominal_voltage",
                "max_current_import_A", "max_current_export_A", "three_phases", "has_ventilation", "session_logging",
                "ac_hlc_enabled", "ac_enforce_hlc", "fail_on_powermeter_errors", "lock_connector_in_state_b",
                "raise_mrec9", "state_F_after_fault_ms", "disable_authentication", "request_zero_power_in_idle");
        assertThat(m.config().get("connector_id").mandatory()).isTrue();
        assertThat(m.config().get("max_current_import_A").type()).isEqualTo("number");
        assertThat(m.config().get("max_current_import_A").defaultValue().asDouble()).isEqualTo(32.0);
        assertThat(m.config().get("charge_mode").defaultValue().asText()).isEqualTo("AC");
    }

    /** Every key the component reads exists in the manifest with the same type and default. */
    @Test
    void componentConfigTypeMatchesTheManifest() throws IOException {
        Manifest m = manifest();
        for (Method method : EvseManagerConfig.class.getDeclaredMethods()) {
            String key = method.getName().replace("__", "_");
            ConfigEntry entry = m.config().get(key);
            assertThat(entry).as("manifest key " + key).isNotNull();
            Class<?> type = method.getReturnType();
            String expected = type == boolean.class ? "boolean" : type == int.class ? "integer"
                    : type == double.class ? "number" : "string";
            assertThat(entry.type()).as(key).isEqualTo(expected);
            JsonNode def = entry.defaultValue();
            if (def == null) {
                continue;
            }
            Object annotationDefault = method.getDefaultValue();
            switch (expected) {
                case "boolean" -> assertThat(def.asBoolean()).as(key).isEqualTo(annotationDefault);
                case "integer" -> assertThat(def.asInt()).as(key).isEqualTo(annotationDefault);
                case "number" -> assertThat(def.asDouble()).as(key).isEqualTo(annotationDefault);
                default -> assertThat(def.asText()).as(key).isEqualTo(annotationDefault);
            }
        }
    }
}
