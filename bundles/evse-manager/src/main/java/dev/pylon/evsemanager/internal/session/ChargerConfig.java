package dev.pylon.evsemanager.internal.session;

import dev.pylon.api.types.evsemanager.ConnectorTypeEnum;
import dev.pylon.evsemanager.internal.iec.IecConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * What the logic needs of the module config (already typed and checked), plus facts about the wiring.
 *
 * @param nodeUuid             this EVSE's id in the energy tree (the module id), matched against enforce_limits
 * @param powermeterConfigured a power meter is connected in the config, so sessions wait for its first value
 */
public record ChargerConfig(int connectorId, ConnectorTypeEnum connectorType, String evseId, String nodeUuid,
        double nominalVoltage, boolean threePhases, boolean hasVentilation, double maxCurrentImportA,
        double maxCurrentExportA, boolean acMode, boolean hlcEnabled, boolean hlcUse5Percent, boolean enforceHlc,
        boolean disableAuthentication, boolean requestZeroPowerInIdle, boolean externalReadyRequired,
        Duration initialMeterTimeout, boolean powermeterConfigured, boolean lockInStateB, Duration stateFAfterFault,
        boolean failOnPowermeterErrors, boolean raiseMrec9, double overCurrentTolerancePercent,
        double overCurrentNoiseA, Duration overCurrentTimeout) {

    public ChargerConfig {
        Objects.requireNonNull(connectorType, "connectorType");
        Objects.requireNonNull(evseId, "evseId");
        Objects.requireNonNull(nodeUuid, "nodeUuid");
        Objects.requireNonNull(initialMeterTimeout, "initialMeterTimeout");
        Objects.requireNonNull(stateFAfterFault, "stateFAfterFault");
        Objects.requireNonNull(overCurrentTimeout, "overCurrentTimeout");
    }

    public IecConfig iec() {
        return new IecConfig(hasVentilation, lockInStateB);
    }

    public int phases() {
        return threePhases ? 3 : 1;
    }

    /** EVerest's defaults for connector {@code connectorId} of node {@code nodeUuid}. */
    public static Builder builder(int connectorId, String nodeUuid) {
        return new Builder(connectorId, nodeUuid);
    }

    /** Builds a config from EVerest's defaults. */
    public static final class Builder {
        private final int connectorId;
        private final String nodeUuid;
        private ConnectorTypeEnum connectorType = ConnectorTypeEnum.Unknown;
        private String evseId = "DE*PNX*E1234567*1";
        private double nominalVoltage = 230;
        private boolean threePhases = true;
        private boolean hasVentilation = true;
        private double maxCurrentImportA = 32;
        private double maxCurrentExportA = 32;
        private boolean acMode = true;
        private boolean hlcEnabled;
        private boolean hlcUse5Percent = true;
        private boolean enforceHlc;
        private boolean disableAuthentication;
        private boolean requestZeroPowerInIdle;
        private boolean externalReadyRequired;
        private Duration initialMeterTimeout = Duration.ofMillis(5000);
        private boolean powermeterConfigured;
        private boolean lockInStateB = true;
        private Duration stateFAfterFault = Duration.ofMillis(300);
        private boolean failOnPowermeterErrors = true;
        private boolean raiseMrec9;
        private double overCurrentTolerancePercent = 10.0;
        private double overCurrentNoiseA = 0.5;
        private Duration overCurrentTimeout = Duration.ofMillis(7000);

        private Builder(int connectorId, String nodeUuid) {
            this.connectorId = connectorId;
            this.nodeUuid = nodeUuid;
        }

        public Builder connectorType(ConnectorTypeEnum v) { connectorType = v; return this; }
        public Builder evseId(String v) { evseId = v; return this; }
        public Builder nominalVoltage(double v) { nominalVoltage = v; return this; }
        public Builder threePhases(boolean v) { threePhases = v; return this; }
        public Builder hasVentilation(boolean v) { hasVentilation = v; return this; }
        public Builder maxCurrentImportA(double v) { maxCurrentImportA = v; return this; }
        public Builder maxCurrentExportA(double v) { maxCurrentExportA = v; return this; }
        public Builder acMode(boolean v) { acMode = v; return this; }
        public Builder hlcEnabled(boolean v) { hlcEnabled = v; return this; }
        public Builder hlcUse5Percent(boolean v) { hlcUse5Percent = v; return this; }
        public Builder enforceHlc(boolean v) { enforceHlc = v; return this; }
        public Builder disableAuthentication(boolean v) { disableAuthentication = v; return this; }
        public Builder requestZeroPowerInIdle(boolean v) { requestZeroPowerInIdle = v; return this; }
        public Builder externalReadyRequired(boolean v) { externalReadyRequired = v; return this; }
        public Builder initialMeterTimeout(Duration v) { initialMeterTimeout = v; return this; }
        public Builder powermeterConfigured(boolean v) { powermeterConfigured = v; return this; }
        public Builder lockInStateB(boolean v) { lockInStateB = v; return this; }
        public Builder stateFAfterFault(Duration v) { stateFAfterFault = v; return this; }
        public Builder failOnPowermeterErrors(boolean v) { failOnPowermeterErrors = v; return this; }
        public Builder raiseMrec9(boolean v) { raiseMrec9 = v; return this; }
        public Builder overCurrentTolerancePercent(double v) { overCurrentTolerancePercent = v; return this; }
        public Builder overCurrentNoiseA(double v) { overCurrentNoiseA = v; return this; }
        public Builder overCurrentTimeout(Duration v) { overCurrentTimeout = v; return this; }

        public ChargerConfig build() {
            return new ChargerConfig(connectorId, connectorType, evseId, nodeUuid, nominalVoltage, threePhases,
                    hasVentilation, maxCurrentImportA, maxCurrentExportA, acMode, hlcEnabled, hlcUse5Percent,
                    enforceHlc, disableAuthentication, requestZeroPowerInIdle, externalReadyRequired,
                    initialMeterTimeout, powermeterConfigured, lockInStateB, stateFAfterFault, failOnPowermeterErrors,
                    raiseMrec9, overCurrentTolerancePercent, overCurrentNoiseA, overCurrentTimeout);
        }
    }
}
