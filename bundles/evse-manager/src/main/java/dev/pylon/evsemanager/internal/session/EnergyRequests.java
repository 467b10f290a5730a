package dev.pylon.evsemanager.internal.session;

import dev.pylon.api.types.energy.EnergyFlowRequest;
import dev.pylon.api.types.energy.IntegerWithSource;
import dev.pylon.api.types.energy.LimitsReq;
import dev.pylon.api.types.energy.NodeType;
import dev.pylon.api.types.energy.NumberWithSource;
import dev.pylon.api.types.energy.ScheduleReqEntry;
import dev.pylon.api.types.evseboardsupport.HardwareCapabilities;
import java.time.Instant;
import java.util.List;

/**
 * Builds this EVSE's {@code energy_flow_request}: one import and one export entry valid from now, bounded by the config
 * and the hardware on the root side; with {@code request_zero_power_in_idle}, 0 A on the leaves side while no EV needs
 * power.
 */
final class EnergyRequests {
    private EnergyRequests() {
    }

    static EnergyFlowRequest build(ChargerConfig cfg, Session s, HardwareCapabilities caps, boolean priority,
            Instant now) {
        String source = cfg.nodeUuid() + "/config";
        boolean idle = cfg.requestZeroPowerInIdle() && !s.state.needsEnergy();
        int phases = s.phasesAvailable != null ? Math.min(cfg.phases(), s.phasesAvailable) : cfg.phases();
        double maxImport = cfg.maxCurrentImportA();
        double maxExport = cfg.maxCurrentExportA();
        double minImport = 6.0;
        double minExport = 0.0;
        int minPhases = 1;
        boolean switching = false;
        if (caps != null) {
            maxImport = Math.min(maxImport, caps.maxCurrentAImport());
            maxExport = Math.min(maxExport, caps.maxCurrentAExport());
            minImport = caps.minCurrentAImport();
            minExport = caps.minCurrentAExport();
            phases = Math.min(phases, caps.maxPhaseCountImport());
            minPhases = caps.minPhaseCountImport();
            switching = caps.supportsChangingPhasesDuringCharging();
            source = cfg.nodeUuid() + "/evse_board_support_caps";
        }
        ScheduleReqEntry imports = entry(now, maxImport, minImport, phases, minPhases, switching, source, idle);
        ScheduleReqEntry exports = entry(now, maxExport, minExport, phases, minPhases, switching, source, idle);
        return EnergyFlowRequest.builder()
                .uuid(cfg.nodeUuid())
                .children(List.of())
                .nodeType(NodeType.Evse)
                .priorityRequest(priority)
                .evseState(s.state.toEnergy())
                .energyUsageRoot(s.lastMeter)
                .scheduleImport(List.of(imports))
                .scheduleExport(List.of(exports))
                .scheduleSetpoints(List.of())
                .build();
    }

    private static ScheduleReqEntry entry(Instant now, double maxA, double minA, int phases, int minPhases,
            boolean switching, String source, boolean idle) {
        LimitsReq root = LimitsReq.builder()
                .acMaxCurrentA(new NumberWithSource(maxA, source))
                .acMinCurrentA(new NumberWithSource(minA, source))
                .acMaxPhaseCount(new IntegerWithSource(phases, source))
                .acMinPhaseCount(new IntegerWithSource(minPhases, source))
                .acSupportsChangingPhasesDuringCharging(switching)
                .acNumberOfActivePhases(phases)
                .build();
        LimitsReq leaves = idle
                ? LimitsReq.builder().acMaxCurrentA(new NumberWithSource(0.0, "Idle")).build()
                : LimitsReq.builder().build();
        return ScheduleReqEntry.builder()
                .timestamp(SessionEvents.timestamp(now))
                .limitsToRoot(root)
                .limitsToLeaves(leaves)
                .build();
    }
}
