package dev.pylon.runtime.internal.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class SubscriberQueueTest {
    private final ManualExecutor executor = new ManualExecutor();
    private final List<Integer> got = new ArrayList<>();
    private final List<Integer> failedOn = new ArrayList<>();

    private SubscriberQueue<Integer> queue(int capacity) {
        return new SubscriberQueue<>("m", "req", capacity, executor, got::add, (item, t) -> failedOn.add(item));
    }

    @Test
    void oneDrainTaskAtATimeDeliversInOrderAndYieldsAfterABatch() {
        SubscriberQueue<Integer> q = queue(1000);
        for (int i = 0; i < 150; i++) {
            q.offer(i);
        }
        assertThat(executor.pending()).isEqualTo(1);
        executor.runOne();
        assertThat(got).hasSize(SubscriberQueue.BATCH);
        assertThat(executor.pending()).isEqualTo(1); // went to the back of the line
        executor.runAll();
        assertThat(got).hasSize(150).isSorted();
        assertThat(q.stats().delivered()).isEqualTo(150);
    }

    @Test
    void whenFullTheOldestIsDroppedAndCounted() {
        SubscriberQueue<Integer> q = queue(3);
        for (int i = 1; i <= 5; i++) {
            q.offer(i);
        }
        assertThat(q.stats().dropped()).isEqualTo(2);
        assertThat(q.stats().queued()).isEqualTo(3);
        executor.runAll();
        assertThat(got).containsExactly(3, 4, 5);
    }

    @Test
    void aThrowingSubscriberIsCountedAndTheRestIsDelivered() {
        SubscriberQueue<Integer> q = new SubscriberQueue<>("m", "req", 10, executor, i -> {
            if (i == 2) {
                throw new IllegalStateException();
            }
            got.add(i);
        }, (item, t) -> failedOn.add(item));
        q.offer(1);
        q.offer(2);
        q.offer(3);
        executor.runAll();
        assertThat(got).containsExactly(1, 3);
        assertThat(failedOn).containsExactly(2);
        assertThat(q.stats().failed()).isEqualTo(1);
    }

    @Test
    void aClosedQueueDeliversNothing() {
        SubscriberQueue<Integer> q = queue(10);
        q.offer(1);
        q.close();
        q.offer(2);
        executor.runAll();
        assertThat(got).isEmpty();
        assertThat(q.isClosed()).isTrue();
    }

    @Test
    void aRejectingExecutorDropsInsteadOfFailingThePublisher() {
        SubscriberQueue<Integer> q = new SubscriberQueue<>("m", "req", 10, r -> {
            throw new RejectedExecutionException();
        }, got::add, (i, t) -> { });
        q.offer(1);
        q.offer(2);
        assertThat(q.stats().dropped()).isEqualTo(2);
    }
}
