package dev.pylon.evsemanager.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pylon.api.ErrorObject;
import dev.pylon.api.ErrorState;
import dev.pylon.api.ImplementationId;
import dev.pylon.api.Severity;
import dev.pylon.api.VarPublisher;
import dev.pylon.api.evseboardsupport.EvseBoardSupport;
import dev.pylon.api.evseboardsupport.EvseBoardSupportListener;
import dev.pylon.api.types.authorization.AuthorizationStatus;
import dev.pylon.api.types.authorization.AuthorizationType;
import dev.pylon.api.types.authorization.IdToken;
import dev.pylon.api.types.authorization.IdTokenType;
import dev.pylon.api.types.authorization.ProvidedIdToken;
import dev.pylon.api.types.authorization.ValidationResult;
import dev.pylon.api.types.boardsupportcommon.BspEvent;
import dev.pylon.api.types.energy.EnforcedLimits;
import dev.pylon.api.types.energy.LimitsRes;
import dev.pylon.api.types.energy.NumberWithSource;
import dev.pylon.api.types.evseboardsupport.PowerOnOff;
import dev.pylon.api.types.evsemanager.SessionEvent;
import dev.pylon.api.types.evsemanager.SessionEventEnum;
import dev.pylon.runtime.ErrorReporter;
import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.ModuleContext;
import dev.pylon.runtime.Subscription;
import dev.pylon.runtime.timers.SimulatedTimers;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The DS component without OSGi: fake bus, board and config; checks the wiring around the logic. */
class EvseManagerComponentTest {
    /** A board that records what it is told. */
    static class Board implements EvseBoardSupport {
        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile String threadName;

        private void call(String what) {
            calls.add(what);
            threadName = Thread.currentThread().getName();
        }

        @Override public void enable(boolean value) { call("enable " + value); }
        @Override public void pwmOn(double value) { call("pwm_on"); }
        @Override public void cpStateX1() { call("X1"); }
        @Override public void cpStateF() { call("F"); }
        @Override public void cpStateE() { call("E"); }
        @Override public void allowPowerOn(PowerOnOff value) { call("allow_power_on " + value.allowPowerOn()); }
        @Override public void acSwitchThreePhasesWhileCharging(boolean value) { call("switch"); }
        @Override public void acSetOvercurrentLimitA(double value) { call("overcurrent"); }
    }

    /** The parts of a module context the component uses. */
    static final class Context implements ModuleContext {
        final Map<String, Object> listeners = new ConcurrentHashMap<>();
        final Map<String, Consumer<ErrorObject>> errorListeners = new ConcurrentHashMap<>();
        final List<SessionEvent> events = new CopyOnWriteArrayList<>();
        final List<String> raised = new CopyOnWriteArrayList<>();
        volatile boolean ready;

        @Override public String moduleId() { return "connector_1"; }
        @Override public String moduleName() { return "EvseManager"; }

        @Override
        public VarPublisher publisher(String implId) {
            return (var, value) -> {
                if (value instanceof SessionEvent e) {
                    events.add(e);
                }
            };
        }

        @Override
        public ErrorReporter errors(String implId) {
            return new ErrorReporter() {
                @Override
                public ErrorObject raise(String type, String subType, String message, Severity severity) {
                    raised.add(type);
                    return null;
                }

                @Override
                public boolean clear(String type, String subType) {
                    return raised.remove(type);
                }

                @Override public int clearAll(String type) { return 0; }
                @Override public int clearAll() { return 0; }
                @Override public List<ErrorObject> active() { return List.of(); }
            };
        }

        @Override
        public Subscription subscribe(String requirementId, Object listener) {
            listeners.put(requirementId, listener);
            return () -> listeners.remove(requirementId);
        }

        @Override
        public Subscription subscribeErrors(String requirementId, Consumer<ErrorObject> listener) {
            errorListeners.put(requirementId, listener);
            return () -> errorListeners.remove(requirementId);
        }

        @Override public Subscription subscribeAllErrors(Consumer<ErrorObject> listener) { return () -> { }; }
        @Override public List<ImplementationId> connections(String requirementId) { return List.of(); }
        @Override public void ready() { ready = true; }
    }

    private static EvseManagerConfig defaults() {
        return (EvseManagerConfig) Proxy.newProxyInstance(EvseManagerConfig.class.getClassLoader(),
                new Class<?>[] {EvseManagerConfig.class}, (proxy, method, args) -> method.getDefaultValue());
    }

    @Test
    void wiresTheLogicToTheBusAndTheBoard() {
        Context context = new Context();
        ModuleBus bus = props -> context;
        Board board = new Board();
        EvseManagerComponent component = new EvseManagerComponent(bus, new SimulatedTimers(), board, defaults(),
                Map.of(ModuleBus.MODULE_ID, "connector_1"));
        try {
            assertThat(context.ready).isTrue();
            assertThat(context.listeners).containsKeys("bsp", "powermeter_grid_side", "hlc");
            assertThat(context.errorListeners).containsKeys("bsp", "powermeter_grid_side", "connector_lock");
            EvseBoardSupportListener bsp = (EvseBoardSupportListener) context.listeners.get("bsp");

            component.enforceLimits(EnforcedLimits.builder().uuid("connector_1").validFor(3600).schedule(List.of())
                    .limitsRootSide(LimitsRes.builder().acMaxCurrentA(new NumberWithSource(16, "t")).build()).build());
            bsp.onEvent(new BspEvent(BspEvent.Event.B));
            component.authorizeResponse(ProvidedIdToken.builder().idToken(new IdToken("T", IdTokenType.Local, null))
                    .authorizationType(AuthorizationType.RFID).build(), ValidationResult.builder()
                    .authorizationStatus(AuthorizationStatus.Accepted).tariffMessages(List.of()).build());
            bsp.onEvent(new BspEvent(BspEvent.Event.C));
            // A cmd queues behind the events before it: once it answers, they have been handled.
            assertThat(component.getEvse().id()).isEqualTo(1);
            assertThat(board.calls).contains("enable true", "pwm_on", "allow_power_on true");
            assertThat(board.threadName).isEqualTo("pylon-evse-manager-connector_1");
            assertThat(context.events.stream().map(SessionEvent::event)).containsSubsequence(
                    SessionEventEnum.Enabled, SessionEventEnum.SessionStarted, SessionEventEnum.Authorized,
                    SessionEventEnum.TransactionStarted, SessionEventEnum.ChargingStarted);

            context.errorListeners.get("bsp").accept(new ErrorObject("evse_board_support/MREC2GroundFailure", "",
                    null, null, Severity.High, new ImplementationId("board", "bsp"), null, "u", ErrorState.Active,
                    null));
            component.getEvse();
            assertThat(board.calls.get(board.calls.size() - 1)).isIn("X1", "F", "pwm_on");
            assertThat(board.calls).contains("allow_power_on false");
            assertThat(context.raised).contains("evse_manager/Inoperative");
        } finally {
            component.deactivate();
        }
        // Deactivation re-asserts power off; the CP already shows F after the emergency shutdown.
        assertThat(board.calls.get(board.calls.size() - 1)).isEqualTo("allow_power_on false");
        assertThat(board.calls).contains("F");
        assertThat(context.listeners).isEmpty();
    }

    @Test
    void aBoardThatWasNotThereYetGetsTheWholeStateWhenItReports() {
        Context context = new Context();
        ModuleBus bus = props -> context;
        java.util.concurrent.atomic.AtomicBoolean there = new java.util.concurrent.atomic.AtomicBoolean();
        Board board = new Board() {
            @Override
            public void enable(boolean value) {
                if (!there.get()) {
                    throw new dev.pylon.api.CmdException(dev.pylon.api.CmdException.Kind.NotReady,
                            "connector_1_powerpath/board_support.enable", "no provider is running", null);
                }
                super.enable(value);
            }

            @Override
            public void cpStateX1() {
                if (!there.get()) {
                    throw new dev.pylon.api.CmdException(dev.pylon.api.CmdException.Kind.NotReady,
                            "connector_1_powerpath/board_support.cp_state_X1", "no provider is running", null);
                }
                super.cpStateX1();
            }
        };
        EvseManagerComponent component = new EvseManagerComponent(bus, new SimulatedTimers(), board, defaults(),
                Map.of(ModuleBus.MODULE_ID, "connector_1"),
                new dev.pylon.evsemanager.internal.shell.DirectSerialContext());
        try {
            assertThat(board.calls).doesNotContain("enable true", "X1");
            there.set(true);
            // the board starts and reports: it is told everything again before its report is handled
            ((EvseBoardSupportListener) context.listeners.get("bsp")).onEvent(new BspEvent(BspEvent.Event.A));
            assertThat(board.calls).containsSubsequence("enable true", "allow_power_on false", "X1");
            int told = board.calls.size();
            ((EvseBoardSupportListener) context.listeners.get("bsp")).onEvent(new BspEvent(BspEvent.Event.A));
            assertThat(board.calls).hasSize(told); // once is enough
            assertThat(context.events.stream().map(SessionEvent::event)).containsExactly(SessionEventEnum.Enabled);
        } finally {
            component.deactivate();
        }
    }
}
