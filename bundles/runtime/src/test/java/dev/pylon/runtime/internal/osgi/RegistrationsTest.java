package dev.pylon.runtime.internal.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pylon.api.evseboardsupport.EvseBoardSupport;
import dev.pylon.contract.Problem;
import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.internal.bus.Fixture;
import dev.pylon.runtime.internal.bus.ReadyTracker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

class RegistrationsTest {
    record Registered(String objectClass, Object service, Map<String, Object> properties) {
    }

    private final Fixture f = new Fixture();
    private final List<Registered> registered = new ArrayList<>();
    private final BundleContext context = Fakes.of(BundleContext.class, Map.of("registerService", a -> {
        String objectClass = a[0] instanceof Class<?> c ? c.getName() : (String) a[0];
        @SuppressWarnings("unchecked")
        Dictionary<String, Object> props = (Dictionary<String, Object>) a[2];
        Map<String, Object> copy = new java.util.HashMap<>();
        Collections.list(props.keys()).forEach(k -> copy.put(k, props.get(k)));
        Registered r = new Registered(objectClass, a[1], copy);
        registered.add(r);
        return Fakes.of(ServiceRegistration.class, Map.of("unregister", x -> registered.remove(r)));
    }));

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void oneEndpointPerImplementationUnderItsGeneratedInterface() {
        Registrations registrations = new Registrations(context);
        registrations.registerModuleBus(f.bus);
        registrations.registerEndpoints(f.bus);
        assertThat(registered).hasSize(7);
        assertThat(registered.get(0).objectClass()).isEqualTo(ModuleBus.class.getName());
        Registered board = registered.stream()
                .filter(r -> "board".equals(r.properties().get(ModuleBus.MODULE_ID))).findFirst().orElseThrow();
        assertThat(board.objectClass()).isEqualTo(EvseBoardSupport.class.getName());
        assertThat(board.service()).isInstanceOf(EvseBoardSupport.class).isSameAs(f.bus.endpoint("board", "bsp").client());
        assertThat(board.properties()).containsEntry(ModuleBus.ENDPOINT, true).containsEntry(ModuleBus.IMPL_ID, "bsp")
                .containsEntry(ModuleBus.INTERFACE, "evse_board_support");

        registrations.registerGlobalReady(new ReadyTracker.GlobalReady(6, 420));
        assertThat(registered.get(7).objectClass()).isEqualTo(Object.class.getName());
        assertThat(registered.get(7).properties()).containsEntry(ModuleBus.GLOBAL_READY, true);

        registrations.close();
        assertThat(registered).isEmpty();
        registrations.registerGlobalReady(new ReadyTracker.GlobalReady(6, 420)); // too late: ignored
        assertThat(registered).isEmpty();
    }

    @Test
    void aRejectedConfigGetsOnlyAMarkerListingItsProblems() {
        Registrations registrations = new Registrations(context);
        registrations.registerRejected("/etc/pylon/config.yaml", List.of(
                new Problem("/etc/pylon/config.yaml", 3, 13, "unknown module type 'X'"),
                new Problem("/etc/pylon/config.yaml", 0, 0, "cannot be read")));
        assertThat(registered).hasSize(1);
        assertThat(registered.get(0).objectClass()).isEqualTo(Object.class.getName());
        assertThat(registered.get(0).properties()).containsEntry(ModuleBus.CONFIG_PROPERTY, "/etc/pylon/config.yaml");
        assertThat((String[]) registered.get(0).properties().get(ModuleBus.CONFIG_PROBLEMS)).containsExactly(
                "/etc/pylon/config.yaml:3:13: unknown module type 'X'", "/etc/pylon/config.yaml: cannot be read");
        registrations.close();
        assertThat(registered).isEmpty();
    }
}
