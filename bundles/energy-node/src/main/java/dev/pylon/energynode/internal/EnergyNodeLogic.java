package dev.pylon.energynode.internal;

import dev.pylon.api.types.energy.EnergyFlowRequest;
import dev.pylon.api.types.energy.EnforcedLimits;
import dev.pylon.api.types.energy.ExternalLimits;
import dev.pylon.api.types.energy.IntegerWithSource;
import dev.pylon.api.types.energy.LimitsReq;
import dev.pylon.api.types.energy.LimitsRes;
import dev.pylon.api.types.energy.NodeType;
import dev.pylon.api.types.energy.NumberWithSource;
import dev.pylon.api.types.energy.ScheduleReqEntry;
import dev.pylon.api.types.energy.ScheduleResEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * EnergyNode's arithmetic, without threads or the bus: the limit in force at a time is the smallest of the fuse, the
 * external schedule's active entry, and any limit a parent in the energy tree set with enforce_limits (which, once
 * expired, counts as 0 A: a stale limit means no power). Consumers share it equally. Not thread-safe.
 */
public final class EnergyNodeLogic {
    /** How long the limits handed out stay valid; the module renews them well before. */
    public static final Duration VALID_FOR = Duration.ofSeconds(3);

    private final EnergyNodeConfig config;
    private final String uuid;
    private List<Entry> external = List.of();
    private final Map<String, Upstream> upstream = new HashMap<>();

    /** One entry of the external import schedule. */
    private record Entry(Instant from, LimitsReq limits) {
    }

    /** A limit from a parent for node {@code uuid}, in force until {@code until}. */
    private record Upstream(LimitsRes limits, Instant until) {
    }

    /** The limit in force: per-phase current, total power (null: none), phases (0: not limited), and why. */
    public record Limit(double currentA, Double totalPowerW, int phases, String source) {
    }

    /** @param uuid this node's id in the energy tree (its module id) */
    public EnergyNodeLogic(EnergyNodeConfig config, String uuid) {
        this.config = config;
        this.uuid = uuid;
    }

    public String uuid() {
        return uuid;
    }

    /**
     * Replaces the external limits. Only {@code schedule_import} limits the node: its entry in force is the last one
     * that has begun, or the first if none has (export and setpoint schedules are not used by this node).
     *
     * @throws IllegalArgumentException for a timestamp that is not RFC 3339
     */
    public void setExternalLimits(ExternalLimits limits) {
        List<Entry> entries = new ArrayList<>();
        for (ScheduleReqEntry e : limits.scheduleImport()) {
            try {
                entries.add(new Entry(OffsetDateTime.parse(e.timestamp()).toInstant(), e.limitsToRoot()));
            } catch (DateTimeParseException ex) {
                throw new IllegalArgumentException("schedule_import timestamp is not RFC 3339: " + e.timestamp(), ex);
            }
        }
        external = List.copyOf(entries);
    }

    /** A parent set limits for this node or for a consumer ({@code limits.uuid}), valid for their valid_for. */
    public void setUpstreamLimits(EnforcedLimits limits, Instant now) {
        upstream.put(limits.uuid(), new Upstream(limits.limitsRootSide(), now.plusSeconds(limits.validFor())));
    }

    /** The node's own limit at {@code now}. */
    public Limit limit(Instant now) {
        Limit limit = new Limit(config.fuseLimitA(), null, config.phaseCount(), uuid + "/fuse_limit_A");
        LimitsReq active = activeExternal(now);
        if (active != null) {
            Double current = active.acMaxCurrentA() != null ? Double.valueOf(active.acMaxCurrentA().value()) : null;
            Double power = active.totalPowerW() != null ? Double.valueOf(active.totalPowerW().value()) : null;
            int phases = active.acMaxPhaseCount() != null ? active.acMaxPhaseCount().value() : 0;
            if (current == null && power != null && config.enhanceExternalSchedule()) {
                int n = phases > 0 ? phases : config.phaseCount() > 0 ? config.phaseCount() : 3;
                current = power / (config.nominalVoltageV() * n);
            }
            limit = tighter(limit, current, power, phases, uuid + "/external_limits");
        }
        return withUpstream(limit, uuid, now);
    }

    /** What consumer {@code consumer} gets at {@code now}: its share of the node's limit, within its own upstream. */
    public EnforcedLimits limitsFor(String consumer, int consumerCount, Instant now) {
        Limit node = limit(now);
        int share = Math.max(1, consumerCount);
        Limit mine = new Limit(node.currentA() / share, node.totalPowerW() == null ? null : node.totalPowerW() / share,
                node.phases(), node.source());
        mine = withUpstream(mine, consumer, now);
        LimitsRes res = LimitsRes.builder()
                .acMaxCurrentA(new NumberWithSource(mine.currentA(), mine.source()))
                .totalPowerW(mine.totalPowerW() == null ? null : new NumberWithSource(mine.totalPowerW(), mine.source()))
                .acMaxPhaseCount(mine.phases() > 0 ? new IntegerWithSource(mine.phases(), mine.source()) : null)
                .build();
        return EnforcedLimits.builder().uuid(consumer).validFor((int) VALID_FOR.toSeconds()).limitsRootSide(res)
                .schedule(List.of(new ScheduleResEntry(now.toString(), res, null))).build();
    }

    /** This node's request to its parent: its limit now, with its consumers' requests as children. */
    public EnergyFlowRequest request(List<EnergyFlowRequest> children, Instant now) {
        Limit limit = limit(now);
        LimitsReq req = LimitsReq.builder()
                .acMaxCurrentA(new NumberWithSource(limit.currentA(), limit.source()))
                .totalPowerW(limit.totalPowerW() == null ? null : new NumberWithSource(limit.totalPowerW(), limit.source()))
                .acMaxPhaseCount(limit.phases() > 0 ? new IntegerWithSource(limit.phases(), limit.source()) : null)
                .build();
        return EnergyFlowRequest.builder().uuid(uuid).nodeType(NodeType.Generic).children(List.copyOf(children))
                .scheduleImport(List.of(new ScheduleReqEntry(now.toString(), req, req, null, null)))
                .scheduleExport(List.of()).scheduleSetpoints(List.of()).build();
    }

    private LimitsReq activeExternal(Instant now) {
        LimitsReq active = null;
        for (Entry e : external) {
            if (active == null || !e.from().isAfter(now)) {
                active = e.limits();
            }
        }
        return active;
    }

    private Limit withUpstream(Limit limit, String node, Instant now) {
        Upstream up = upstream.get(node);
        if (up == null) {
            return limit;
        }
        if (!now.isBefore(up.until())) {
            return new Limit(0, limit.totalPowerW() == null ? null : 0.0, limit.phases(), node + "/upstream expired");
        }
        LimitsRes l = up.limits();
        return tighter(limit, l.acMaxCurrentA() == null ? null : l.acMaxCurrentA().value(),
                l.totalPowerW() == null ? null : l.totalPowerW().value(),
                l.acMaxPhaseCount() == null ? 0 : l.acMaxPhaseCount().value(), node + "/upstream");
    }

    private static Limit tighter(Limit limit, Double currentA, Double powerW, int phases, String source) {
        double current = limit.currentA();
        String why = limit.source();
        if (currentA != null && Math.max(0, currentA) < current) {
            current = Math.max(0, currentA);
            why = source;
        }
        Double power = limit.totalPowerW();
        if (powerW != null && (power == null || powerW < power)) {
            power = Math.max(0, powerW);
        }
        int p = limit.phases();
        if (phases > 0 && (p == 0 || phases < p)) {
            p = phases;
        }
        return new Limit(current, power, p, why);
    }
}
