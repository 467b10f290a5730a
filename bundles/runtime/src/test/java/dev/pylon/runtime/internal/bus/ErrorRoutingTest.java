package dev.pylon.runtime.internal.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pylon.api.ErrorObject;
import dev.pylon.api.ErrorState;
import dev.pylon.api.Severity;
import dev.pylon.api.errors.EvseBoardSupportErrors;
import dev.pylon.api.errors.GenericErrors;
import dev.pylon.api.errors.PylonErrors;
import dev.pylon.runtime.ErrorReporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ErrorRoutingTest {
    private final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static String describe(ErrorObject e) {
        return e.origin() + " " + e.type() + (e.subType().isEmpty() ? "" : "/" + e.subType()) + " " + e.state();
    }

    @Test
    void errorsReachTheRequirersOfTheOriginAndGlobalSubscribersOnly() {
        List<String> evse = new ArrayList<>();
        List<String> evse2 = new ArrayList<>();
        List<String> meter = new ArrayList<>();
        List<String> monitor = new ArrayList<>();
        f.context("evse").subscribeErrors("bsp", e -> evse.add(describe(e)));
        f.context("evse2").subscribeErrors("bsp", e -> evse2.add(describe(e)));
        f.context("meter").subscribeErrors("bsp", e -> meter.add(describe(e)));
        f.context("monitor").subscribeAllErrors(e -> monitor.add(describe(e)));

        ErrorReporter board = f.context("board").errors("bsp");
        ErrorReporter board2 = f.context("board2").errors("bsp");
        ErrorObject raised = board.raise(EvseBoardSupportErrors.MREC2_GROUND_FAILURE, "", "RCD tripped", Severity.High);
        board2.raise(EvseBoardSupportErrors.BROWN_OUT, "L1", "supply low", Severity.Medium);
        assertThat(board.clear(EvseBoardSupportErrors.MREC2_GROUND_FAILURE, "")).isTrue();
        f.delivery.runAll();

        String raise = "board/bsp evse_board_support/MREC2GroundFailure Active";
        String clear = "board/bsp evse_board_support/MREC2GroundFailure ClearedByModule";
        String other = "board2/bsp evse_board_support/BrownOut/L1 Active";
        assertThat(evse).containsExactly(raise, clear);
        assertThat(meter).containsExactly(raise, clear);
        assertThat(evse2).containsExactly(other);
        assertThat(monitor).containsExactly(raise, other, clear);
        assertThat(raised.severity()).isEqualTo(Severity.High);
        assertThat(raised.message()).isEqualTo("RCD tripped");
        assertThat(raised.timestamp()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(raised.description()).isNotBlank();
        assertThat(raised.uuid()).isNotBlank();
    }

    @Test
    void raisingAnActiveErrorAgainChangesNothingAndClearAllClearsByType() {
        ErrorReporter board = f.context("board").errors("bsp");
        ErrorObject first = board.raise(EvseBoardSupportErrors.BROWN_OUT, "L1", "low", Severity.Medium);
        assertThat(board.raise(EvseBoardSupportErrors.BROWN_OUT, "L1", "again", Severity.Medium)).isEqualTo(first);
        board.raise(EvseBoardSupportErrors.BROWN_OUT, "L2", "low", Severity.Medium);
        board.raise(EvseBoardSupportErrors.ENCLOSURE_OPEN, null, "lid", Severity.Low);
        assertThat(board.active()).hasSize(3);
        assertThat(board.clear(EvseBoardSupportErrors.BROWN_OUT, "L3")).isFalse();
        assertThat(board.clearAll(EvseBoardSupportErrors.BROWN_OUT)).isEqualTo(2);
        assertThat(board.active()).extracting(ErrorObject::type).containsExactly(EvseBoardSupportErrors.ENCLOSURE_OPEN);
        assertThat(board.clearAll()).isEqualTo(1);
        assertThat(board.active()).isEmpty();
    }

    @Test
    void onlyErrorsOfTheInterfaceOrOfTheRuntimeMayBeRaised() {
        ErrorReporter board = f.context("board").errors("bsp");
        assertThatThrownBy(() -> board.raise(GenericErrors.VENDOR_ERROR, "", "x", Severity.Low))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declares no error");
        board.raise(PylonErrors.MODULE_FAILED, "", "own words", Severity.High);
        assertThatThrownBy(() -> f.context("board").errors("nope")).hasMessageContaining("no implementation 'nope'");
    }

    @Test
    void aNewSubscriberGetsTheActiveErrorsFirst() {
        ErrorReporter board = f.context("board").errors("bsp");
        board.raise(EvseBoardSupportErrors.BROWN_OUT, "", "low", Severity.Medium);
        board.raise(EvseBoardSupportErrors.ENCLOSURE_OPEN, "", "lid", Severity.Low);
        board.clear(EvseBoardSupportErrors.BROWN_OUT, "");
        List<String> late = new ArrayList<>();
        List<String> all = new ArrayList<>();
        f.context("evse").subscribeErrors("bsp", e -> late.add(describe(e)));
        f.context("monitor").subscribeAllErrors(e -> all.add(describe(e)));
        f.delivery.runAll();
        assertThat(late).containsExactly("board/bsp evse_board_support/EnclosureOpen Active");
        assertThat(all).containsExactly("board/bsp evse_board_support/EnclosureOpen Active");
    }

    @Test
    void theHistoryKeepsTheLastEventsAndTheActiveSetIsQueryable() {
        ErrorReporter board = f.context("board").errors("bsp");
        for (int i = 0; i < 600; i++) {
            f.clock.advance(Duration.ofSeconds(1));
            board.raise(EvseBoardSupportErrors.BROWN_OUT, "n" + i, "low", Severity.Medium);
            board.clear(EvseBoardSupportErrors.BROWN_OUT, "n" + i);
        }
        board.raise(EvseBoardSupportErrors.ENCLOSURE_OPEN, "", "lid", Severity.Low);
        List<ErrorObject> history = f.bus.errors().history();
        assertThat(history).hasSize(BusSettings.DEFAULT_ERROR_HISTORY_CAPACITY);
        assertThat(history.get(history.size() - 1).type()).isEqualTo(EvseBoardSupportErrors.ENCLOSURE_OPEN);
        assertThat(history.get(history.size() - 2).state()).isEqualTo(ErrorState.ClearedByModule);
        assertThat(history.get(0).subType()).isEqualTo("n100");
        assertThat(f.bus.errors().activeAll()).containsOnlyKeys(Fixture.id("board", "bsp"));
    }

    @Test
    void aMissingProviderIsRaisedWhenTheLastGoesAndClearedWhenOneIsBack() {
        List<String> evse = new ArrayList<>();
        List<String> evse2 = new ArrayList<>();
        f.context("evse").subscribeErrors("bsp", e -> evse.add(describe(e)));
        f.context("evse2").subscribeErrors("bsp", e -> evse2.add(describe(e)));
        f.bus.providerAdded("board", "evse_board_support", 1, new Fixture.Board());
        f.bus.providerAdded("board", "evse_board_support", 2, new Fixture.Board());
        f.bus.providerRemoved("board", "evse_board_support", 2); // one is left: nothing missing
        f.delivery.runAll();
        assertThat(evse).isEmpty();
        f.bus.providerRemoved("board", "evse_board_support", 1);
        f.delivery.runAll();
        assertThat(evse).containsExactly("board/bsp pylon/ProviderMissing Active");
        assertThat(f.bus.errors().active(Fixture.id("board", "bsp"))).singleElement()
                .satisfies(e -> assertThat(e.severity()).isEqualTo(Severity.High));
        f.bus.providerAdded("board", "evse_board_support", 3, new Fixture.Board());
        f.delivery.runAll();
        assertThat(evse).containsExactly("board/bsp pylon/ProviderMissing Active",
                "board/bsp pylon/ProviderMissing ClearedByModule");
        assertThat(evse2).isEmpty();
    }

    @Test
    void providersStoppingWithTheFrameworkAreNotReportedMissing() {
        f.bus.providerAdded("board", "evse_board_support", 1, new Fixture.Board());
        f.bus.frameworkStopping();
        f.bus.providerRemoved("board", "evse_board_support", 1);
        assertThat(f.bus.errors().activeAll()).isEmpty();
        f.bus.moduleFailed("meter", 1, "stopping");
        assertThat(f.scheduler.pending()).isZero();
    }

    @Test
    void aProviderThatNeverCameIsNotReportedMissing() {
        assertThat(f.bus.errors().activeAll()).isEmpty();
    }
}
