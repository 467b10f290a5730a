package dev.pylon.evsemanager.internal.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pylon.api.ErrorObject;
import dev.pylon.api.ErrorState;
import dev.pylon.api.ImplementationId;
import dev.pylon.api.Severity;
import dev.pylon.api.errors.EvseBoardSupportErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorPolicyTest {
    @ParameterizedTest(name = "{0}: fatal {1}")
    @CsvSource({
        "evse_manager/Inoperative, false",
        "evse_board_support/MREC3HighTemperature, false",
        "evse_board_support/MREC18CableOverTempDerate, false",
        "evse_board_support/VendorWarning, false",
        "connector_lock/VendorWarning, false",
        "ac_rcd/VendorWarning, false",
        "generic/VendorWarning, false",
        "evse_board_support/MREC2GroundFailure, true",
        "evse_board_support/MREC19CableOverTempStop, true",
        "evse_board_support/VendorError, true",
        "connector_lock/ConnectorLockFailedLock, true",
        "generic/CommunicationFault, true",
        "evse_manager/MREC4OverCurrentFailure, true",
        "evse_manager/PowermeterTransactionStartFailed, true",
        "pylon/ProviderMissing, true",
        "some_future_file/SomethingNew, true"
    })
    void fatalUnlessListed(String type, boolean fatal) {
        assertThat(ErrorPolicy.isFatal(type)).isEqualTo(fatal);
    }

    private static ErrorObject error(String type, String origin, Severity severity, boolean active) {
        return new ErrorObject(type, "", null, null, severity, new ImplementationId(origin, "x"), null, "u",
                active ? ErrorState.Active : ErrorState.ClearedByModule, null);
    }

    @Test
    void shutdownFollowsTheWorstFatalError() {
        ErrorTracker t = new ErrorTracker();
        assertThat(t.shutdown()).isEqualTo(ErrorTracker.Shutdown.NONE);
        t.onRequired(error(EvseBoardSupportErrors.MREC3_HIGH_TEMPERATURE, "bsp", Severity.High, true));
        assertThat(t.fatal()).isFalse();
        t.onRequired(error(EvseBoardSupportErrors.MREC17_EVSE_CONTACTOR_FAULT, "bsp", Severity.Medium, true));
        assertThat(t.shutdown()).isEqualTo(ErrorTracker.Shutdown.ERROR);
        t.raisedOwn("evse_manager/MREC4OverCurrentFailure", Severity.High);
        assertThat(t.shutdown()).isEqualTo(ErrorTracker.Shutdown.EMERGENCY);
        t.clearedOwn("evse_manager/MREC4OverCurrentFailure");
        t.onRequired(error(EvseBoardSupportErrors.MREC17_EVSE_CONTACTOR_FAULT, "bsp", Severity.Medium, false));
        assertThat(t.shutdown()).isEqualTo(ErrorTracker.Shutdown.NONE);
    }

    @Test
    void sameTypeFromTwoOriginsNeedsTwoClears() {
        ErrorTracker t = new ErrorTracker();
        t.onRequired(error("generic/CommunicationFault", "bsp", Severity.Low, true));
        t.onRequired(error("generic/CommunicationFault", "meter", Severity.Low, true));
        t.onRequired(error("generic/CommunicationFault", "bsp", Severity.Low, false));
        assertThat(t.fatal()).isTrue();
        assertThat(t.fatalCauses()).containsExactly("generic/CommunicationFault (meter/x)");
        t.onRequired(error("generic/CommunicationFault", "meter", Severity.Low, false));
        assertThat(t.fatal()).isFalse();
    }

    @Test
    void anErrorWithoutSeverityCountsAsHigh() {
        ErrorTracker t = new ErrorTracker();
        t.onRequired(error(EvseBoardSupportErrors.MREC2_GROUND_FAILURE, "bsp", null, true));
        assertThat(t.shutdown()).isEqualTo(ErrorTracker.Shutdown.EMERGENCY);
    }
}
