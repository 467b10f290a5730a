package dev.pylon.runtime.internal.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pylon.api.errors.PylonErrors;
import dev.pylon.api.evseboardsupport.EvseBoardSupportListener;
import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.internal.bus.Fixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

class ScrWatcherTest {
    private final Fixture f = new Fixture();
    private final List<ComponentDescriptionDTO> descriptions = new ArrayList<>();
    private final Map<String, List<ComponentConfigurationDTO>> configurations = new java.util.HashMap<>();
    private final ServiceComponentRuntime scr = Fakes.of(ServiceComponentRuntime.class, Map.of(
            "getComponentDescriptionDTOs", args -> List.copyOf(descriptions),
            "getComponentConfigurationDTOs",
            args -> configurations.getOrDefault(((ComponentDescriptionDTO) args[0]).name, List.of())));
    private final ScrWatcher watcher = new ScrWatcher(scr, f.bus, f.scheduler, Duration.ofMillis(500));

    @AfterEach
    void close() {
        f.close();
    }

    private void component(String name, long id, String moduleId, int state, String failure) {
        if (descriptions.stream().noneMatch(d -> d.name.equals(name))) {
            ComponentDescriptionDTO d = new ComponentDescriptionDTO();
            d.name = name;
            descriptions.add(d);
        }
        ComponentConfigurationDTO c = new ComponentConfigurationDTO();
        c.id = id;
        c.state = state;
        c.failure = failure;
        c.properties = moduleId == null ? Map.of() : Map.of(ModuleBus.MODULE_ID, moduleId);
        configurations.put(name, new ArrayList<>(List.of(c)));
    }

    @Test
    void aFailedActivationIsReportedAndOnlyThatModuleIsRestartedThenClearedWhenActive() {
        component("MeterSim", 100, "meter", ComponentConfigurationDTO.FAILED_ACTIVATION,
                "java.lang.IllegalStateException: no port\n\tat x.Meter.<init>(Meter.java:1)");
        component("Manager", 200, "evse", ComponentConfigurationDTO.ACTIVE, null);
        watcher.start();
        f.scheduler.runNext(); // poll
        assertThat(f.bus.errors().active(Fixture.id("meter", "meter"))).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(PylonErrors.MODULE_FAILED);
            assertThat(e.message()).endsWith("java.lang.IllegalStateException: no port");
        });
        assertThat(f.scheduler.delays()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofMillis(500));
        f.scheduler.runNext(); // the restart
        assertThat(f.restarted).containsExactly("meter");

        component("MeterSim", 101, "meter", ComponentConfigurationDTO.ACTIVE, null);
        f.scheduler.runNext(); // poll
        assertThat(f.bus.errors().active(Fixture.id("meter", "meter"))).isEmpty();
        watcher.stop();
        assertThat(f.scheduler.runNext()).isFalse();
    }

    @Test
    void theReasonIsTheRootCauseOfScrsFailureText() {
        assertThat(ScrWatcher.reason("java.lang.reflect.InvocationTargetException\n\tat a.B.c(B.java:1)\n"
                + "Caused by: java.lang.IllegalStateException: no port\n\tat x.Y.z(Y.java:2)\n"))
                .isEqualTo("java.lang.IllegalStateException: no port");
        assertThat(ScrWatcher.reason(null)).isEqualTo("activation failed");
    }

    @Test
    void componentsThatAreNotModulesOfTheConfigAreLeftAlone() {
        component("SomethingElse", 1, "meter", ComponentConfigurationDTO.FAILED_ACTIVATION, "x");
        component("MeterSim", 2, "not-in-config", ComponentConfigurationDTO.FAILED_ACTIVATION, "x");
        watcher.poll();
        assertThat(f.bus.errors().activeAll()).isEmpty();
        assertThat(f.scheduler.pending()).isZero();
    }

    @Test
    void theSubscriptionsOfAComponentThatIsGoneAreClosed() {
        component("Manager", 7, "evse", ComponentConfigurationDTO.ACTIVE, null);
        f.context("evse", 7).subscribe("bsp", new EvseBoardSupportListener() { });
        f.context("evse2", 8).subscribe("bsp", new EvseBoardSupportListener() { });
        watcher.poll();
        assertThat(f.bus.stats().subscribers()).extracting(s -> s.owner()).containsExactly("evse");
    }
}
