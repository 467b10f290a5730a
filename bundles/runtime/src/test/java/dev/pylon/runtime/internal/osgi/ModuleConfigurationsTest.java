package dev.pylon.runtime.internal.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.config.ComponentProperties;
import dev.pylon.runtime.internal.bus.Fixture;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

class ModuleConfigurationsTest {
    /** PID ({@code factory~name}) to properties; null properties = created, never updated. */
    private final Map<String, Dictionary<String, Object>> store = new LinkedHashMap<>();
    private final List<String> log = new ArrayList<>();

    private Configuration configuration(String factoryPid, String name) {
        String pid = factoryPid + "~" + name;
        return Fakes.of(Configuration.class, Map.of(
                "getPid", a -> pid,
                "getFactoryPid", a -> factoryPid,
                "getProperties", a -> store.get(pid),
                "updateIfDifferent", a -> {
                    @SuppressWarnings("unchecked")
                    Dictionary<String, Object> props = (Dictionary<String, Object>) a[0];
                    store.put(pid, props);
                    log.add("write " + pid);
                    return true;
                },
                "delete", a -> {
                    store.remove(pid);
                    log.add("delete " + pid);
                    return null;
                }));
    }

    private final ConfigurationAdmin configAdmin = Fakes.of(ConfigurationAdmin.class, Map.of(
            "getFactoryConfiguration", a -> {
                assertThat(a[2]).isEqualTo(ModuleConfigurations.ANY_LOCATION);
                return configuration((String) a[0], (String) a[1]);
            },
            "listConfigurations", a -> store.keySet().stream()
                    .map(pid -> configuration(pid.substring(0, pid.indexOf('~')), pid.substring(pid.indexOf('~') + 1)))
                    .toArray(Configuration[]::new)));

    @Test
    void oneFactoryConfigurationPerModuleNamedByModuleIdAndStaleOnesGo() {
        Hashtable<String, Object> stale = new Hashtable<>(Map.of(ModuleBus.MODULE_ID, "gone"));
        store.put("BoardSim~gone", stale);
        ModuleConfigurations configurations = new ModuleConfigurations(configAdmin, Fixture.config());
        configurations.apply();
        assertThat(store.keySet()).containsExactly("BoardSim~board", "MeterSim~meter", "Manager~evse",
                "BoardSim~board2", "Manager~evse2", "Monitor~monitor");
        assertThat(log.get(0)).isEqualTo("delete BoardSim~gone");
        Dictionary<String, Object> evse = store.get("Manager~evse");
        assertThat(evse.get(ModuleBus.MODULE_ID)).isEqualTo("evse");
        assertThat(evse.get("bsp.target")).isEqualTo(ComponentProperties.of(Fixture.config(), "evse").get("bsp.target"));
    }

    @Test
    void aRestartDeletesAndRecreatesOnlyThatModule() {
        ModuleConfigurations configurations = new ModuleConfigurations(configAdmin, Fixture.config());
        configurations.apply();
        log.clear();
        configurations.recreate("meter");
        assertThat(log).containsExactly("delete MeterSim~meter", "write MeterSim~meter");
        configurations.deleteAll();
        assertThat(store).isEmpty();
    }
}
