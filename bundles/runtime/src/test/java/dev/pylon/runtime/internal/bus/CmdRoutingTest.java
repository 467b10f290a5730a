package dev.pylon.runtime.internal.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pylon.api.CmdException;
import dev.pylon.api.CmdException.Kind;
import dev.pylon.api.errors.PylonErrors;
import dev.pylon.api.evseboardsupport.EvseBoardSupport;
import dev.pylon.api.powermeter.Powermeter;
import dev.pylon.api.types.powermeter.TransactionRequestStatus;
import dev.pylon.api.types.powermeter.TransactionStopResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CmdRoutingTest {
    private Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static void assertKind(ThrowingCallable call, Kind kind) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CmdException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    @Test
    void aCallReachesTheNewestProviderAndFallsBackWhenItGoes() {
        Fixture.Board v1 = new Fixture.Board();
        Fixture.Board v2 = new Fixture.Board();
        f.bus.providerAdded("board", "evse_board_support", 7, v1);
        f.boardClient("board").pwmOn(10);
        f.bus.providerAdded("board", "evse_board_support", 8, v2);
        f.boardClient("board").pwmOn(20);
        f.bus.providerRemoved("board", "evse_board_support", 8);
        f.boardClient("board").pwmOn(30);
        assertThat(v1.calls).containsExactly("pwm_on 10.0", "pwm_on 30.0");
        assertThat(v2.calls).containsExactly("pwm_on 20.0");
        assertThat(f.bus.stats().of("board").cmdCalls()).isEqualTo(3);
    }

    @Test
    void theEndpointIsTheGeneratedInterfaceAndStaysTheSameObject() {
        Object before = f.bus.endpoint("board", "bsp").client();
        f.bus.providerAdded("board", "evse_board_support", 1, new Fixture.Board());
        f.bus.providerRemoved("board", "evse_board_support", 1);
        assertThat(before).isInstanceOf(EvseBoardSupport.class).isSameAs(f.bus.endpoint("board", "bsp").client());
        assertThat(f.bus.endpoints()).hasSize(6);
    }

    @Test
    void withoutProviderACallIsNotReady() {
        assertKind(() -> f.boardClient("board").enable(true), Kind.NotReady);
        assertThatThrownBy(() -> f.boardClient("board").enable(true)).hasMessageContaining("board/bsp.enable");
    }

    @Test
    void anArgumentThatBreaksTheContractIsASchemaValidationError() {
        Fixture.Board board = new Fixture.Board();
        f.bus.providerAdded("board", "evse_board_support", 1, board);
        assertThatThrownBy(() -> f.boardClient("board").pwmOn(150))
                .isInstanceOfSatisfying(CmdException.class, e -> assertThat(e.kind()).isEqualTo(Kind.SchemaValidationError))
                .hasMessageContaining("evse_board_support.pwm_on.value").hasMessageContaining("maximum");
        assertThat(board.calls).isEmpty();
    }

    @Test
    void aResultThatBreaksTheContractIsASchemaValidationError() {
        Fixture.Meter meter = new Fixture.Meter();
        f.bus.providerAdded("meter", "powermeter", 1, meter);
        assertKind(() -> f.meterClient().stopTransaction("tx"), Kind.SchemaValidationError); // null result
        meter.onStop = id -> new TransactionStopResponse(TransactionRequestStatus.OK, null, null, null);
        assertThat(f.meterClient().stopTransaction("tx").status()).isEqualTo(TransactionRequestStatus.OK);
        assertThat(f.bus.stats().of("meter").schemaViolations()).isEqualTo(1);
    }

    @Test
    void withoutValidationValuesAreNotChecked() {
        f.close();
        f = new Fixture(BusSettings.defaults().withValidateSchema(false));
        Fixture.Board board = new Fixture.Board();
        f.bus.providerAdded("board", "evse_board_support", 1, board);
        f.boardClient("board").pwmOn(150);
        assertThat(board.calls).containsExactly("pwm_on 150.0");
    }

    @Test
    void aHandlerExceptionIsTypedKeepsItsCauseIsCountedAndRaisedUntilTheCmdWorksAgain() {
        Fixture.Board board = new Fixture.Board();
        IllegalStateException boom = new IllegalStateException("relay stuck");
        board.onPwm = v -> {
            if (v > 50) {
                throw boom;
            }
        };
        f.bus.providerAdded("board", "evse_board_support", 1, board);
        assertThatThrownBy(() -> f.boardClient("board").pwmOn(60))
                .isInstanceOfSatisfying(CmdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.HandlerException);
                    assertThat(e.getCause()).isSameAs(boom);
                    assertThat(e.target()).isEqualTo("board/bsp.pwm_on");
                });
        assertKind(() -> f.boardClient("board").pwmOn(70), Kind.HandlerException);
        assertThat(f.bus.stats().of("board").handlerExceptions()).isEqualTo(2);
        assertThat(f.bus.errors().active(Fixture.id("board", "bsp"))).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(PylonErrors.HANDLER_EXCEPTION);
            assertThat(e.subType()).isEqualTo("pwm_on");
        });
        f.boardClient("board").pwmOn(10);
        assertThat(f.bus.errors().active(Fixture.id("board", "bsp"))).isEmpty();
    }

    @Test
    void aHandlerThatDoesNotAnswerInTimeIsACmdTimeout() throws Exception {
        f.close();
        f = new Fixture(BusSettings.defaults().withCmdTimeoutMs(50));
        CountDownLatch release = new CountDownLatch(1);
        Fixture.Board board = new Fixture.Board();
        board.onEnable = v -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        f.bus.providerAdded("board", "evse_board_support", 1, board);
        try {
            assertThatThrownBy(() -> f.boardClient("board").enable(true))
                    .isInstanceOfSatisfying(CmdException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CmdTimeout))
                    .hasMessageContaining("50 ms");
            assertThat(f.bus.stats().of("board").cmdTimeouts()).isEqualTo(1);
            assertThat(f.bus.errors().isActive(Fixture.id("board", "bsp"), PylonErrors.HANDLER_EXCEPTION, "enable")).isTrue();
        } finally {
            release.countDown();
        }
    }

    @Test
    void modulesCallingEachOtherDoNotDeadlock() throws Exception {
        assertMutualCallsComplete(f);
    }

    @Test
    void modulesCallingEachOtherDoNotDeadlockInDirectMode() throws Exception {
        f.close();
        f = new Fixture(BusSettings.defaults().withCmdDirect(true));
        assertMutualCallsComplete(f);
    }

    /** board.pwm_on calls meter.stop_transaction, which calls board.enable, each through the bus. */
    private static void assertMutualCallsComplete(Fixture f) throws Exception {
        Fixture.Board board = new Fixture.Board();
        Fixture.Meter meter = new Fixture.Meter();
        Powermeter meterForBoard = f.meterClient();
        EvseBoardSupport boardForMeter = f.boardClient("board");
        board.onPwm = v -> meterForBoard.stopTransaction("from-board");
        meter.onStop = id -> {
            boardForMeter.enable(true);
            return new TransactionStopResponse(TransactionRequestStatus.OK, null, null, null);
        };
        f.bus.providerAdded("board", "evse_board_support", 1, board);
        f.bus.providerAdded("meter", "powermeter", 2, meter);
        CompletableFuture<Void> call = CompletableFuture.runAsync(() -> boardForMeter.pwmOn(16));
        call.get(10, TimeUnit.SECONDS);
        assertThat(board.calls).containsExactly("pwm_on 16.0", "enable true");
    }

    @Test
    void directModeRunsTheHandlerOnTheCallersThread() {
        f.close();
        f = new Fixture(BusSettings.defaults().withCmdDirect(true));
        AtomicReference<Thread> ran = new AtomicReference<>();
        Fixture.Board board = new Fixture.Board();
        board.onEnable = v -> ran.set(Thread.currentThread());
        f.bus.providerAdded("board", "evse_board_support", 1, board);
        f.boardClient("board").enable(false);
        assertThat(ran.get()).isSameAs(Thread.currentThread());
        board.onEnable = v -> {
            throw new IllegalStateException("no");
        };
        assertKind(() -> f.boardClient("board").enable(false), Kind.HandlerException);
    }

    @Test
    void poolModeRunsTheHandlerOnAPoolThread() {
        AtomicReference<Thread> ran = new AtomicReference<>();
        Fixture.Board board = new Fixture.Board();
        board.onEnable = v -> ran.set(Thread.currentThread());
        f.bus.providerAdded("board", "evse_board_support", 1, board);
        f.boardClient("board").enable(false);
        assertThat(ran.get()).isNotNull().isNotSameAs(Thread.currentThread());
    }

    @Test
    void afterCloseEveryCallIsShutdown() {
        f.bus.providerAdded("board", "evse_board_support", 1, new Fixture.Board());
        f.bus.close();
        assertKind(() -> f.boardClient("board").cpStateF(), Kind.Shutdown);
    }

    @Test
    void aProviderOfTheWrongTypeIsRefused() {
        assertThatThrownBy(() -> f.bus.providerAdded("board", "evse_board_support", 1, new Fixture.Meter()))
                .isInstanceOf(ClassCastException.class);
        assertThat(f.bus.providerAdded("board", "powermeter", 1, new Fixture.Meter())).isFalse();
    }
}
