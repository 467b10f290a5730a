package dev.pylon.runtime.timers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pylon.runtime.Timers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedTimersTest {
    private final SimulatedTimers timers = new SimulatedTimers(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<String> log = new ArrayList<>();

    private Runnable note(String what) {
        return () -> log.add(what + "@" + timers.now().getEpochSecond() % 3600);
    }

    @Test
    void tasksRunInDueOrderAtTheirOwnTimeAndTiesInSchedulingOrder() {
        timers.schedule(Duration.ofSeconds(5), note("b"));
        timers.schedule(Duration.ofSeconds(2), note("a"));
        timers.schedule(Duration.ofSeconds(5), note("c"));
        timers.advance(Duration.ofSeconds(4));
        assertThat(log).containsExactly("a@2");
        timers.advance(Duration.ofSeconds(10));
        assertThat(log).containsExactly("a@2", "b@5", "c@5");
        assertThat(timers.now()).isEqualTo(Instant.parse("2026-01-01T00:00:14Z"));
    }

    @Test
    void periodicTasksRepeatAndStopWhenCancelled() {
        Timers.Timer tick = timers.every(Duration.ofMillis(250), note("t"));
        timers.advance(Duration.ofSeconds(1));
        assertThat(log).hasSize(4);
        tick.cancel();
        timers.advance(Duration.ofSeconds(1));
        assertThat(log).hasSize(4);
        assertThat(timers.pending()).isZero();
    }

    @Test
    void aTaskCanScheduleAnotherThatFallsDueInTheSameAdvance() {
        timers.schedule(Duration.ofSeconds(1), () -> {
            log.add("first");
            timers.schedule(Duration.ofSeconds(1), note("second"));
        });
        timers.advance(Duration.ofSeconds(3));
        assertThat(log).containsExactly("first", "second@2");
    }

    @Test
    void thirtyMinutesOfQuarterSecondTicksRunEveryTick() {
        int[] ticks = {0};
        timers.every(Duration.ofMillis(250), () -> ticks[0]++);
        timers.advance(Duration.ofMinutes(30));
        assertThat(ticks[0]).isEqualTo(7200);
    }
}
