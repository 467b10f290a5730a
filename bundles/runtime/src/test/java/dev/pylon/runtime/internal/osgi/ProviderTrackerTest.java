package dev.pylon.runtime.internal.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pylon.api.evseboardsupport.EvseBoardSupport;
import dev.pylon.api.powermeter.Powermeter;
import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.internal.bus.Fixture;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

class ProviderTrackerTest {
    private final Fixture f = new Fixture();
    private final Map<ServiceReference<?>, Object> services = new HashMap<>();
    private final BundleContext context = Fakes.of(BundleContext.class, Map.of(
            "createFilter", a -> {
                try {
                    return FrameworkUtil.createFilter((String) a[0]);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            },
            "getService", a -> services.get(a[0]),
            "ungetService", a -> true));
    private final ProviderTracker tracker = new ProviderTracker(context, f.bus);

    @AfterEach
    void close() {
        f.close();
    }

    @SuppressWarnings("unchecked")
    private ServiceReference<Object> reference(long id, String moduleId, Object service, String... objectClass) {
        Map<String, Object> props = Map.of(Constants.SERVICE_ID, id, Constants.OBJECTCLASS, objectClass,
                ModuleBus.MODULE_ID, moduleId);
        ServiceReference<Object> ref = Fakes.of(ServiceReference.class, Map.of("getProperty", a -> props.get(a[0])));
        services.put(ref, service);
        return ref;
    }

    @Test
    void rawProvidersTheConfigExpectsServeTheirEndpoint() {
        Fixture.Board board = new Fixture.Board();
        ServiceReference<Object> ref = reference(5, "board", board, EvseBoardSupport.class.getName(), "other.Type");
        ProviderTracker.Tracked tracked = tracker.addingService(ref);
        assertThat(tracked.interfaces()).containsExactly("evse_board_support");
        assertThat(f.bus.endpoint("board", "bsp").current()).isSameAs(board);
        tracker.removedService(ref, tracked);
        assertThat(f.bus.endpoint("board", "bsp").current()).isNull();
    }

    @Test
    void servicesTheConfigDoesNotExpectAreNotTracked() {
        assertThat(tracker.addingService(reference(1, "board", new Fixture.Meter(), Powermeter.class.getName())))
                .isNull(); // board does not provide powermeter
        assertThat(tracker.addingService(reference(2, "unknown", new Fixture.Board(), EvseBoardSupport.class.getName())))
                .isNull();
        assertThat(tracker.addingService(reference(3, "board", null, EvseBoardSupport.class.getName())))
                .isNull(); // activation failed
        assertThat(ProviderTracker.FILTER).isEqualTo("(&(pylon.module.id=*)(!(pylon.endpoint=true)))");
    }
}
