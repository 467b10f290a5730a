package dev.pylon.runtime.internal.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BusSettingsTest {
    @Test
    void absentSettingsTakeTheirDefaults() {
        assertThat(BusSettings.from(Map.of())).isEqualTo(BusSettings.defaults());
        assertThat(BusSettings.defaults()).isEqualTo(new BusSettings(true, 10_000, false, 1024, 1000));
    }

    @Test
    void settingsAreRead() {
        BusSettings s = BusSettings.from(Map.of("validate_schema", false, "cmd_timeout_ms", 250L,
                "cmd_direct", true, "var_queue_capacity", 16L, "mqtt_broker_host", "ignored"));
        assertThat(s).isEqualTo(new BusSettings(false, 250, true, 16, 1000));
    }

    @Test
    void wrongValuesAreNamed() {
        assertThatThrownBy(() -> BusSettings.from(Map.of("cmd_timeout_ms", 0L))).hasMessageContaining("cmd_timeout_ms");
        assertThatThrownBy(() -> BusSettings.from(Map.of("cmd_direct", "yes"))).hasMessageContaining("cmd_direct");
        assertThatThrownBy(() -> BusSettings.from(Map.of("var_queue_capacity", 1.5))).hasMessageContaining("var_queue_capacity");
    }
}
