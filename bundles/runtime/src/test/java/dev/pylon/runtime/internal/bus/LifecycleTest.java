package dev.pylon.runtime.internal.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pylon.api.ErrorObject;
import dev.pylon.api.errors.PylonErrors;
import dev.pylon.api.evseboardsupport.EvseBoardSupportListener;
import dev.pylon.runtime.ModuleContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ready, restart with backoff, and the life of module contexts. */
class LifecycleTest {
    private static final List<String> ALL = List.of("board", "meter", "evse", "board2", "evse2", "monitor");
    private final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void globalReadyComesOnceEveryModuleIsReady() {
        CompletableFuture<ReadyTracker.GlobalReady> ready = f.bus.globalReady();
        for (String module : ALL.subList(0, ALL.size() - 1)) {
            f.context(module).ready();
            f.clock.advance(Duration.ofMillis(40));
        }
        f.context("board").ready(); // twice changes nothing
        assertThat(ready).isNotDone();
        assertThat(f.bus.readiness().waitingFor()).containsExactly("monitor");
        f.context("monitor").ready();
        assertThat(ready).isCompletedWithValue(new ReadyTracker.GlobalReady(6, 200));
    }

    @Test
    void aConfigWithoutModulesIsReadyAtOnce() {
        ReadyTracker tracker = new ReadyTracker(List.of(), f.clock);
        assertThat(tracker.globalReady()).isCompletedWithValue(new ReadyTracker.GlobalReady(0, 0));
        assertThatThrownBy(() -> tracker.ready("x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRestartDelayStartsAtOneSecondAndDoublesUpToAMinute() {
        List<Long> seconds = new ArrayList<>();
        for (int attempt = 1; attempt <= 9; attempt++) {
            seconds.add(Restarter.delay(attempt).toSeconds());
        }
        assertThat(seconds).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
        assertThat(Restarter.delay(1000)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aFailedModuleIsReportedAndRestartedAloneWithBackoff() {
        List<String> errors = new ArrayList<>();
        f.context("evse").subscribeErrors("meter", e -> errors.add(e.type() + " " + e.state()));
        long componentId = 100;
        for (int i = 0; i < 8; i++) {
            f.bus.moduleFailed("meter", componentId, "NullPointerException in activate");
            f.bus.moduleFailed("meter", componentId, "seen again by the next poll"); // ignored
            assertThat(f.scheduler.runNext()).isTrue();
            componentId++; // the restart made a new component configuration
        }
        assertThat(f.scheduler.delays()).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L);
        assertThat(f.restarted).hasSize(8).containsOnly("meter");
        f.delivery.runAll();
        assertThat(errors).containsExactly(PylonErrors.MODULE_FAILED + " Active");

        f.bus.moduleActive("meter");
        f.delivery.runAll();
        assertThat(errors).containsExactly(PylonErrors.MODULE_FAILED + " Active", PylonErrors.MODULE_FAILED + " ClearedByModule");
        f.bus.moduleFailed("meter", componentId, "again");
        assertThat(f.scheduler.delays().get(8)).isEqualTo(Duration.ofSeconds(1)); // backoff reset
    }

    @Test
    void aFailedModuleIsNotReadyAfterItsRestartAndLosesItsSubscriptions() {
        ModuleContext meter = f.context("meter", 7);
        meter.ready();
        List<Integer> got = new ArrayList<>();
        meter.subscribe("bsp", new EvseBoardSupportListener() {
            @Override
            public void onAcNrOfPhasesAvailable(Integer value) {
                got.add(value);
            }
        });
        f.bus.moduleFailed("meter", 7, "boom");
        assertThat(f.bus.restarter().isPending("meter")).isTrue();
        f.scheduler.runNext();
        assertThat(f.bus.readiness().isReady("meter")).isFalse();
        f.context("board").publisher("bsp").publish("ac_nr_of_phases_available", 1);
        f.delivery.runAll();
        assertThat(got).isEmpty();
    }

    @Test
    void contextsOfComponentsThatAreGoneAreClosed() {
        List<String> got = new ArrayList<>();
        f.context("evse", 1).subscribe("bsp", listener(got, "first"));
        long mark = f.bus.contextMark();
        f.context("evse", 2).subscribe("bsp", listener(got, "second")); // after the mark: kept
        f.context("evse2", 3).subscribe("bsp", listener(got, "third"));
        f.bus.retainComponents(Set.of(3L), mark);
        f.context("board").publisher("bsp").publish("ac_nr_of_phases_available", 2);
        f.context("board2").publisher("bsp").publish("ac_nr_of_phases_available", 3);
        f.delivery.runAll();
        assertThat(got).containsExactly("second 2", "third 3");
    }

    @Test
    void oneComponentConfigurationHasOneContext() {
        assertThat(f.context("evse", 5)).isSameAs(f.context("evse", 5));
        assertThat(f.context("evse", 5)).isNotSameAs(f.context("evse", 6));
        assertThat(f.context("evse")).isNotSameAs(f.context("evse"));
    }

    @Test
    void aContextNeedsAModuleOfTheConfig() {
        assertThatThrownBy(() -> f.bus.context(Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pylon.module.id");
        assertThatThrownBy(() -> f.context("nope")).hasMessageContaining("modules: [board, meter");
        ModuleContext evse = f.context("evse");
        assertThat(evse.moduleName()).isEqualTo("Manager");
        assertThatThrownBy(() -> evse.publisher("bsp")).hasMessageContaining("provides no implementation 'bsp'");
    }

    @Test
    void closingTheBusEndsEverySubscription() {
        List<String> got = new ArrayList<>();
        f.context("evse").subscribe("bsp", listener(got, "x"));
        List<ErrorObject> errors = new ArrayList<>();
        f.context("monitor").subscribeAllErrors(errors::add);
        f.bus.close();
        assertThat(f.bus.stats().subscribers()).isEmpty();
    }

    private static EvseBoardSupportListener listener(List<String> got, String name) {
        return new EvseBoardSupportListener() {
            @Override
            public void onAcNrOfPhasesAvailable(Integer value) {
                got.add(name + " " + value);
            }
        };
    }
}
