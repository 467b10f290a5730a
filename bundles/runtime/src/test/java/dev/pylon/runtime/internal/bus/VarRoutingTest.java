package dev.pylon.runtime.internal.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pylon.api.VarPublisher;
import dev.pylon.api.evseboardsupport.EvseBoardSupportListener;
import dev.pylon.api.powermeter.PowermeterListener;
import dev.pylon.api.types.boardsupportcommon.BspEvent;
import dev.pylon.contract.SchemaViolation;
import dev.pylon.runtime.ModuleContext;
import dev.pylon.runtime.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VarRoutingTest {
    private final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    /** Records every var as "name=value". */
    static final class Recorder implements EvseBoardSupportListener {
        final List<String> seen = new ArrayList<>();

        @Override
        public void onEvent(BspEvent value) {
            seen.add("event=" + value.event());
        }

        @Override
        public void onAcNrOfPhasesAvailable(Integer value) {
            seen.add("phases=" + value);
        }
    }

    @Test
    void eachSubscriberGetsTheValuesInPublishOrder() {
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        f.context("evse").subscribe("bsp", first);
        f.context("meter").subscribe("bsp", second);
        VarPublisher board = f.context("board").publisher("bsp");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) { // more than one drain batch
            int phases = 1 + i % 3;
            board.publish("ac_nr_of_phases_available", phases);
            expected.add("phases=" + phases);
            if (i % 50 == 0) {
                board.publish("event", new BspEvent(BspEvent.Event.B));
                expected.add("event=B");
            }
        }
        f.delivery.runAll();
        assertThat(first.seen).containsExactlyElementsOf(expected);
        assertThat(second.seen).containsExactlyElementsOf(expected);
    }

    @Test
    void aNewSubscriberGetsTheLastValueOfEveryVarFirst() {
        VarPublisher board = f.context("board").publisher("bsp");
        board.publish("ac_nr_of_phases_available", 1);
        board.publish("event", new BspEvent(BspEvent.Event.A));
        board.publish("ac_nr_of_phases_available", 3);
        Recorder late = new Recorder();
        f.context("evse").subscribe("bsp", late);
        board.publish("event", new BspEvent(BspEvent.Event.B));
        f.delivery.runAll();
        assertThat(late.seen).containsExactly("phases=3", "event=A", "event=B");
    }

    @Test
    void subscriptionsAndLastValuesOutliveAProviderSwap() {
        Recorder requirer = new Recorder();
        f.context("evse").subscribe("bsp", requirer);
        Fixture.Board v1 = new Fixture.Board();
        f.bus.providerAdded("board", "evse_board_support", 10, v1);
        ModuleContext oldInstance = f.context("board", 100);
        oldInstance.publisher("bsp").publish("ac_nr_of_phases_available", 1);
        // side-by-side update: the new instance registers, then the old one goes
        Fixture.Board v2 = new Fixture.Board();
        f.bus.providerAdded("board", "evse_board_support", 11, v2);
        f.bus.providerRemoved("board", "evse_board_support", 10);
        ModuleContext newInstance = f.context("board", 101);
        Recorder restartedRequirer = new Recorder(); // e.g. a requirer that restarted meanwhile
        f.context("meter").subscribe("bsp", restartedRequirer);
        newInstance.publisher("bsp").publish("ac_nr_of_phases_available", 2);
        f.delivery.runAll();
        assertThat(requirer.seen).containsExactly("phases=1", "phases=2");
        assertThat(restartedRequirer.seen).containsExactly("phases=1", "phases=2");
        assertThat(f.bus.vars().lastValues(Fixture.id("board", "bsp"))).containsEntry("ac_nr_of_phases_available", 2);
    }

    @Test
    void aSlowSubscriberDoesNotBlockThePublisherNorOthersAndLosesItsOldestValues() throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        Bus bus = Bus.builder(Fixture.config(), Fixture.CONTRACT)
                .settings(BusSettings.defaults().withVarQueueCapacity(4))
                .validator(Fixture.VALIDATOR).delivery(pool).scheduler(new ManualScheduler()).build();
        try {
            CountDownLatch slowEntered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            BlockingQueue<String> slowGot = new LinkedBlockingQueue<>();
            BlockingQueue<String> fastGot = new LinkedBlockingQueue<>();
            bus.context(java.util.Map.of("pylon.module.id", "evse")).subscribe("meter", new PowermeterListener() {
                @Override
                public void onPublicKeyOcmf(String value) {
                    slowGot.add(value);
                    slowEntered.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            bus.context(java.util.Map.of("pylon.module.id", "evse2")).subscribe("meter", new PowermeterListener() {
                @Override
                public void onPublicKeyOcmf(String value) {
                    fastGot.add(value);
                }
            });
            VarPublisher meter = bus.context(java.util.Map.of("pylon.module.id", "meter")).publisher("meter");
            meter.publish("public_key_ocmf", "k1");
            assertThat(slowEntered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(fastGot.poll(10, TimeUnit.SECONDS)).isEqualTo("k1");
            for (int i = 2; i <= 20; i++) {
                meter.publish("public_key_ocmf", "k" + i); // returns although the slow subscriber is stuck
                assertThat(fastGot.poll(10, TimeUnit.SECONDS)).isEqualTo("k" + i);
            }
            assertThat(bus.stats().subscribers()).filteredOn(s -> s.owner().equals("evse"))
                    .singleElement().satisfies(s -> {
                        assertThat(s.dropped()).isEqualTo(15);
                        assertThat(s.queued()).isEqualTo(4);
                    });
            release.countDown();
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                rest.add(slowGot.poll(10, TimeUnit.SECONDS));
            }
            assertThat(rest).containsExactly("k1", "k17", "k18", "k19", "k20");
            assertThat(bus.stats().subscribers()).filteredOn(s -> s.owner().equals("evse2"))
                    .singleElement().satisfies(s -> assertThat(s.dropped()).isZero());
        } finally {
            bus.close();
            pool.shutdownNow();
        }
    }

    @Test
    void aListenerThatThrowsIsCountedAndKeepsReceiving() {
        List<Integer> got = new ArrayList<>();
        f.context("evse").subscribe("bsp", new EvseBoardSupportListener() {
            @Override
            public void onAcNrOfPhasesAvailable(Integer value) {
                got.add(value);
                if (value == 2) {
                    throw new IllegalStateException("listener bug");
                }
            }
        });
        VarPublisher board = f.context("board").publisher("bsp");
        board.publish("ac_nr_of_phases_available", 1);
        board.publish("ac_nr_of_phases_available", 2); // does not throw at the publisher
        board.publish("ac_nr_of_phases_available", 3);
        f.delivery.runAll();
        assertThat(got).containsExactly(1, 2, 3);
        assertThat(f.bus.stats().of("evse").listenerFailures()).isEqualTo(1);
        assertThat(f.bus.stats().subscribers()).filteredOn(s -> s.owner().equals("evse"))
                .singleElement().satisfies(s -> assertThat(s.failed()).isEqualTo(1));
    }

    @Test
    void aClosedSubscriptionGetsNothingMore() {
        Recorder r = new Recorder();
        Subscription s = f.context("evse").subscribe("bsp", r);
        VarPublisher board = f.context("board").publisher("bsp");
        board.publish("ac_nr_of_phases_available", 1);
        f.delivery.runAll();
        s.close();
        s.close();
        board.publish("ac_nr_of_phases_available", 2);
        f.delivery.runAll();
        assertThat(r.seen).containsExactly("phases=1");
        assertThat(f.bus.stats().subscribers()).isEmpty();
    }

    @Test
    void theListenerMustBeOfTheRequiredInterface() {
        assertThatThrownBy(() -> f.context("evse").subscribe("bsp", new PowermeterListener() { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EvseBoardSupportListener");
        assertThatThrownBy(() -> f.context("evse").subscribe("nope", new Recorder()))
                .hasMessageContaining("no requirement 'nope'");
    }

    @Test
    void aValueThatBreaksTheContractIsRejectedAtThePublisher() {
        Recorder r = new Recorder();
        f.context("evse").subscribe("bsp", r);
        VarPublisher board = f.context("board").publisher("bsp");
        assertThatThrownBy(() -> board.publish("ac_nr_of_phases_available", 5))
                .isInstanceOf(SchemaViolation.class)
                .hasMessageContaining("evse_board_support.ac_nr_of_phases_available")
                .hasMessageContaining("maximum");
        assertThatThrownBy(() -> board.publish("no_such_var", 1)).isInstanceOf(IllegalArgumentException.class);
        f.delivery.runAll();
        assertThat(r.seen).isEmpty();
        assertThat(f.bus.stats().of("board").schemaViolations()).isEqualTo(1);
    }

    @Test
    void withoutValidationAnyValueGoesThrough() {
        try (Fixture off = new Fixture(BusSettings.defaults().withValidateSchema(false))) {
            Recorder r = new Recorder();
            off.context("evse").subscribe("bsp", r);
            off.context("board").publisher("bsp").publish("ac_nr_of_phases_available", 5);
            off.delivery.runAll();
            assertThat(r.seen).containsExactly("phases=5");
        }
    }

    @Test
    void aRequirerWithoutConnectionsSubscribesToNothing() {
        Recorder r = new Recorder();
        ModuleContext board2 = f.context("board2");
        assertThat(board2.connections("meter")).isEmpty();
        board2.subscribe("meter", new PowermeterListener() { }).close();
        assertThat(f.context("evse").connections("bsp")).containsExactly(Fixture.id("board", "bsp"));
        assertThat(r.seen).isEmpty();
    }
}
