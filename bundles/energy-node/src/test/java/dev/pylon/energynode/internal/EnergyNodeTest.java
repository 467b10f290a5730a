package dev.pylon.energynode.internal;

import dev.pylon.runtime.testing.FakeBus;
import static dev.pylon.energynode.internal.EnergyNodeLogicTest.importAt;
import static dev.pylon.runtime.testing.FakeBus.map;
import static dev.pylon.runtime.testing.FakeBus.properties;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pylon.api.ImplementationId;
import dev.pylon.api.types.energy.EnergyFlowRequest;
import dev.pylon.api.types.energy.ExternalLimits;
import dev.pylon.api.types.energy.NodeType;
import dev.pylon.runtime.timers.SimulatedTimers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The module on simulated time, with a consumer that lets an expired limit fall to 0 A as an EVSE manager does. */
class EnergyNodeTest {
    private static final ImplementationId CONSUMER = new ImplementationId("connector_1", "energy_grid");
    private static final ImplementationId GRID = new ImplementationId("grid_connection_point", "energy_grid");

    private final SimulatedTimers timers = new SimulatedTimers();
    private final FakeBus bus = new FakeBus();
    private final FakeConsumer consumer = new FakeConsumer(timers);

    /** As config-sil.yaml: fuse_limit_A 40, phase_count 3, connector_1 as the only consumer. */
    private EnergyNode start() {
        Map<String, List<ImplementationId>> connections = Map.of("energy_consumer", List.of(CONSUMER));
        EnergyNode node = new EnergyNode(bus.bus(connections), timers, properties("EnergyNode", "grid_connection_point",
                map("fuse_limit_A", 40.0, "phase_count", 3L)));
        node.bindEnergyConsumer(consumer, map("pylon.module.id", "connector_1", "pylon.impl.id", "energy_grid"));
        timers.runDue();
        return node;
    }

    @Test
    void theConsumerGetsTheFuseLimitAtOnceAndNeverSeesItExpireWhileTheNodeRuns() {
        start();
        assertThat(bus.ready).containsExactly("grid_connection_point");
        assertThat(consumer.currentA()).isEqualTo(40);
        assertThat(consumer.received.get(0).uuid()).isEqualTo("connector_1");
        for (int step = 0; step < 36_000; step++) { // one hour in 100 ms steps
            timers.advance(Duration.ofMillis(100));
            assertThat(consumer.validUntil()).isAfter(timers.now());
        }
        assertThat(consumer.currentA()).isEqualTo(40);
    }

    @Test
    void anExternalLimitOfZeroStopsPowerAtOnceAndRestoringItGivesTheFuseLimitBack() {
        EnergyNode node = start();
        node.setExternalLimits(importAt(timers.now(), 0));
        timers.runDue();
        assertThat(consumer.currentA()).isZero();
        assertThat(node.limit().currentA()).isZero();
        timers.advance(Duration.ofSeconds(30));
        assertThat(consumer.currentA()).isZero();

        node.setExternalLimits(new ExternalLimits(List.of(), List.of(), List.of()));
        timers.runDue();
        assertThat(consumer.currentA()).isEqualTo(40);
        node.setExternalLimits(importAt(timers.now(), 16));
        timers.runDue();
        assertThat(consumer.currentA()).isEqualTo(16);
    }

    @Test
    void aStoppedNodeLetsTheLimitsExpire() {
        EnergyNode node = start();
        timers.advance(Duration.ofSeconds(10));
        int calls = consumer.received.size();
        node.stop();
        timers.advance(Duration.ofSeconds(2));
        assertThat(consumer.currentA()).isEqualTo(40);
        timers.advance(Duration.ofSeconds(1));
        assertThat(consumer.currentA()).isZero();
        timers.advance(Duration.ofMinutes(5));
        assertThat(consumer.received).hasSize(calls);
        assertThat(timers.pending()).isZero();
    }

    @Test
    void aLateConsumerGetsLimitsAsSoonAsItIsBound() {
        Map<String, List<ImplementationId>> connections = Map.of("energy_consumer", List.of(CONSUMER));
        EnergyNode node = new EnergyNode(bus.bus(connections), timers, properties("EnergyNode", "grid_connection_point",
                map("fuse_limit_A", 32.0, "phase_count", 1L)));
        timers.advance(Duration.ofSeconds(5));
        node.bindEnergyConsumer(consumer, map("pylon.module.id", "connector_1", "pylon.impl.id", "energy_grid"));
        timers.runDue();
        assertThat(consumer.currentA()).isEqualTo(32);
    }

    @Test
    void theNodePublishesItsRequestWithItsConsumersAsChildrenWhenItChanges() {
        EnergyNode node = start();
        EnergyFlowRequest child = EnergyFlowRequest.builder().uuid("connector_1").nodeType(NodeType.Evse)
                .children(List.of()).scheduleImport(List.of()).scheduleExport(List.of()).scheduleSetpoints(List.of())
                .build();
        bus.publish(CONSUMER, "energy_flow_request", child);
        timers.advance(Duration.ofSeconds(10));
        List<EnergyFlowRequest> published = bus.values(GRID, "energy_flow_request", EnergyFlowRequest.class);
        assertThat(published).hasSize(2);
        assertThat(published.get(1).uuid()).isEqualTo("grid_connection_point");
        assertThat(published.get(1).children()).containsExactly(child);
        assertThat(published.get(1).scheduleImport().get(0).limitsToRoot().acMaxCurrentA().value()).isEqualTo(40);

        node.setExternalLimits(importAt(timers.now(), 10));
        timers.runDue();
        assertThat(bus.values(GRID, "energy_flow_request", EnergyFlowRequest.class)).hasSize(3);
    }
}
