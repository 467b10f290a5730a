package dev.pylon.evsemanager.internal;

import dev.pylon.api.types.evsemanager.ConnectorTypeEnum;
import dev.pylon.evsemanager.internal.session.ChargerConfig;
import java.time.Duration;

/** Maps the DS config of the module to the typed config of the logic. */
final class ConfigMapper {
    private static final System.Logger LOG = System.getLogger(ConfigMapper.class.getName());

    private ConfigMapper() {
    }

    /**
     * @param nodeUuid             the module id, which names this EVSE in the energy tree
     * @param powermeterConfigured the config connects a power meter
     */
    static ChargerConfig map(EvseManagerConfig c, String nodeUuid, boolean powermeterConfigured) {
        ConnectorTypeEnum type;
        try {
            type = ConnectorTypeEnum.fromWire(c.connector__type());
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, nodeUuid + ": " + e.getMessage() + "; using Unknown");
            type = ConnectorTypeEnum.Unknown;
        }
        return ChargerConfig.builder(c.connector__id(), nodeUuid)
                .connectorType(type)
                .evseId(c.evse__id())
                .nominalVoltage(c.ac__nominal__voltage())
                .threePhases(c.three__phases())
                .hasVentilation(c.has__ventilation())
                .maxCurrentImportA(c.max__current__import__A())
                .maxCurrentExportA(c.max__current__export__A())
                .acMode(!"DC".equals(c.charge__mode()))
                .hlcEnabled(c.ac__hlc__enabled())
                .hlcUse5Percent(c.ac__hlc__use__5percent())
                .enforceHlc(c.ac__enforce__hlc())
                .disableAuthentication(c.disable__authentication())
                .requestZeroPowerInIdle(c.request__zero__power__in__idle())
                .externalReadyRequired(c.external__ready__to__start__charging())
                .initialMeterTimeout(Duration.ofMillis(Math.max(0, c.initial__meter__value__timeout__ms())))
                .powermeterConfigured(powermeterConfigured)
                .lockInStateB(c.lock__connector__in__state__b())
                .stateFAfterFault(Duration.ofMillis(Math.max(0, c.state__F__after__fault__ms())))
                .failOnPowermeterErrors(c.fail__on__powermeter__errors())
                .raiseMrec9(c.raise__mrec9())
                .overCurrentTolerancePercent(c.soft__over__current__tolerance__percent())
                .overCurrentNoiseA(c.soft__over__current__measurement__noise__A())
                .overCurrentTimeout(Duration.ofMillis(Math.max(6000, c.soft__over__current__timeout__ms())))
                .build();
    }
}
