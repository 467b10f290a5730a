package dev.pylon.energynode.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pylon.api.types.energy.EnforcedLimits;
import dev.pylon.api.types.energy.ExternalLimits;
import dev.pylon.api.types.energy.IntegerWithSource;
import dev.pylon.api.types.energy.LimitsReq;
import dev.pylon.api.types.energy.LimitsRes;
import dev.pylon.api.types.energy.NumberWithSource;
import dev.pylon.api.types.energy.ScheduleReqEntry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The limit arithmetic alone. */
class EnergyNodeLogicTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final EnergyNodeLogic node = new EnergyNodeLogic(EnergyNodeConfig.fuse(40, 3), "grid");

    @Test
    void withoutExternalLimitsTheFuseApplies() {
        EnforcedLimits l = node.limitsFor("connector_1", 1, T0);
        assertThat(l.uuid()).isEqualTo("connector_1");
        assertThat(l.validFor()).isEqualTo(3);
        assertThat(l.limitsRootSide().acMaxCurrentA().value()).isEqualTo(40);
        assertThat(l.limitsRootSide().acMaxCurrentA().source()).isEqualTo("grid/fuse_limit_A");
        assertThat(l.limitsRootSide().acMaxPhaseCount().value()).isEqualTo(3);
        assertThat(l.schedule()).singleElement().satisfies(e -> assertThat(e.timestamp()).isEqualTo(T0.toString()));
    }

    @Test
    void theLimitIsTheSmallerOfFuseAndExternal() {
        node.setExternalLimits(importAt(T0, 16.0));
        assertThat(node.limit(T0).currentA()).isEqualTo(16);
        assertThat(node.limit(T0).source()).isEqualTo("grid/external_limits");
        node.setExternalLimits(importAt(T0, 63.0));
        assertThat(node.limit(T0).currentA()).isEqualTo(40);
        node.setExternalLimits(importAt(T0, 0.0));
        assertThat(node.limitsFor("c", 1, T0).limitsRootSide().acMaxCurrentA().value()).isZero();
        node.setExternalLimits(new ExternalLimits(List.of(), List.of(), List.of()));
        assertThat(node.limit(T0).currentA()).isEqualTo(40);
    }

    @Test
    void theScheduleEntryInForceIsTheLastThatBeganOrElseTheFirst() {
        node.setExternalLimits(new ExternalLimits(List.of(entry(T0.plusSeconds(60), 10.0), entry(T0.plusSeconds(120),
                20.0)), List.of(), List.of()));
        assertThat(node.limit(T0).currentA()).isEqualTo(10);
        assertThat(node.limit(T0.plusSeconds(119)).currentA()).isEqualTo(10);
        assertThat(node.limit(T0.plusSeconds(120)).currentA()).isEqualTo(20);
        assertThat(node.limit(T0.plusSeconds(99_999)).currentA()).isEqualTo(20);
    }

    @Test
    void consumersShareTheLimitEqually() {
        assertThat(node.limitsFor("a", 2, T0).limitsRootSide().acMaxCurrentA().value()).isEqualTo(20);
    }

    @Test
    void aPowerOnlyExternalLimitBecomesACurrentWhenEnhanced() {
        ExternalLimits power = new ExternalLimits(List.of(new ScheduleReqEntry(T0.toString(),
                LimitsReq.builder().totalPowerW(new NumberWithSource(6900, "ocpp")).build(), LimitsReq.builder().build(),
                null, null)), List.of(), List.of());
        node.setExternalLimits(power);
        assertThat(node.limit(T0).currentA()).isEqualTo(40);
        assertThat(node.limit(T0).totalPowerW()).isEqualTo(6900);

        EnergyNodeLogic enhanced = new EnergyNodeLogic(new EnergyNodeConfig(40, 3, true, 230), "grid");
        enhanced.setExternalLimits(power);
        assertThat(enhanced.limit(T0).currentA()).isEqualTo(10);
    }

    @Test
    void aParentsLimitTightensUntilItExpiresThenItMeansNoPower() {
        node.setUpstreamLimits(EnforcedLimits.builder().uuid("grid").validFor(5)
                .limitsRootSide(LimitsRes.builder().acMaxCurrentA(new NumberWithSource(25, "manager"))
                        .acMaxPhaseCount(new IntegerWithSource(1, "manager")).build())
                .schedule(List.of()).build(), T0);
        assertThat(node.limit(T0.plusSeconds(4)).currentA()).isEqualTo(25);
        assertThat(node.limit(T0.plusSeconds(4)).phases()).isEqualTo(1);
        assertThat(node.limit(T0.plusSeconds(5)).currentA()).isZero();
    }

    @Test
    void aTimestampThatIsNotRfc3339IsRejected() {
        assertThatThrownBy(() -> node.setExternalLimits(new ExternalLimits(List.of(new ScheduleReqEntry("yesterday",
                LimitsReq.builder().build(), LimitsReq.builder().build(), null, null)), List.of(), List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("yesterday");
    }

    static ExternalLimits importAt(Instant from, double currentA) {
        return new ExternalLimits(List.of(entry(from, currentA)), List.of(), List.of());
    }

    static ScheduleReqEntry entry(Instant from, double currentA) {
        return new ScheduleReqEntry(from.toString(),
                LimitsReq.builder().acMaxCurrentA(new NumberWithSource(currentA, "test")).build(),
                LimitsReq.builder().build(), null, null);
    }
}
