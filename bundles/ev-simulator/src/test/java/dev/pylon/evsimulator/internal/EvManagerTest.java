package dev.pylon.evsimulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pylon.api.ErrorObject;
import dev.pylon.api.ImplementationId;
import dev.pylon.api.VarPublisher;
import dev.pylon.api.evboardsupport.EvBoardSupport;
import dev.pylon.api.evboardsupport.EvBoardSupportDescriptor;
import dev.pylon.api.evboardsupport.EvBoardSupportListener;
import dev.pylon.api.types.boardsupportcommon.BspMeasurement;
import dev.pylon.api.types.boardsupportcommon.ProximityPilot;
import dev.pylon.evsimulator.internal.sim.ScriptException;
import dev.pylon.runtime.ErrorReporter;
import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.ModuleContext;
import dev.pylon.runtime.Subscription;
import dev.pylon.runtime.timers.SimulatedTimers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The OSGi shell without OSGi: a fake bus, a recording ev_board_support, simulated time. */
class EvManagerTest {
    final SimulatedTimers timers = new SimulatedTimers();
    final List<String> calls = new ArrayList<>();
    final List<Object> enabledVar = new ArrayList<>();
    final EvBoardSupport bsp = EvBoardSupportDescriptor.INSTANCE.client((cmd, args) -> {
        calls.add(cmd + (args.length == 0 ? "" : " " + args[0]));
        return null;
    });
    EvBoardSupportListener carSide;
    boolean ready;

    EvManager module(Map<String, Object> config) {
        Map<String, Object> properties = new HashMap<>(config);
        properties.put(ModuleBus.MODULE_ID, "ev_manager");
        properties.put("connector_id", 1);
        return new EvManager(fakeBus(), timers, bsp, properties);
    }

    @Test
    void aBadScriptFailsTheCmdAndNothingRuns() {
        EvManager module = module(Map.of("auto_enable", true));
        timers.advance(Duration.ofSeconds(1));
        calls.clear();
        assertThatThrownBy(() -> module.executeChargingSession("plugin;sleep 1;teleport 5"))
                .isInstanceOf(ScriptException.class).hasMessageContaining("command 3 'teleport 5': unknown command");
        timers.advance(Duration.ofSeconds(10));
        assertThat(calls).isEmpty();
        module.executeChargingSession("plugin");
        timers.advance(Duration.ofSeconds(1));
        assertThat(calls).containsExactly("set_cp_state B");
    }

    @Test
    void scriptsNeedTheSimulationSwitchedOn() {
        EvManager module = module(Map.of());
        timers.runDue();
        assertThat(enabledVar).containsExactly(false);
        assertThatThrownBy(() -> module.executeChargingSession("plugin"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("enable(true)");
        module.enable(true);
        module.executeChargingSession("plugin");
        timers.advance(Duration.ofSeconds(1));
        assertThat(enabledVar).containsExactly(false, true);
        assertThat(calls).containsExactly("enable true", "set_ac_max_current 16.0", "set_three_phases true",
                "set_cp_state A", "set_cp_state B");
        assertThat(ready).isTrue();
    }

    @Test
    void autoExecRunsTheConfiguredScriptAndABadOneStopsActivation() {
        module(Map.of("auto_exec", true, "auto_exec_commands",
                "sleep 1;iec_wait_pwr_ready;draw_power_regulated 16,3", "max_current", 32.0));
        timers.advance(Duration.ofSeconds(2));
        assertThat(calls).containsExactly("enable true", "set_ac_max_current 32.0", "set_three_phases true",
                "set_cp_state A", "set_cp_state B");
        carSide.onBspMeasurement(new BspMeasurement(new ProximityPilot(ProximityPilot.Ampacity.A_32), null, 26.67));
        timers.advance(Duration.ofSeconds(1));
        assertThat(calls).endsWith("set_ac_max_current 16.0", "set_three_phases true", "set_cp_state C");

        assertThatThrownBy(() -> module(Map.of("auto_exec", true, "auto_exec_commands", "sleep x")))
                .isInstanceOf(ScriptException.class).hasMessageContaining("command 1 'sleep x'");
    }

    private ModuleBus fakeBus() {
        return props -> new ModuleContext() {
            @Override
            public String moduleId() {
                return "ev_manager";
            }

            @Override
            public String moduleName() {
                return "EvManager";
            }

            @Override
            public VarPublisher publisher(String implId) {
                assertThat(implId).isEqualTo("main");
                return (var, value) -> enabledVar.add(value);
            }

            @Override
            public ErrorReporter errors(String implId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Subscription subscribe(String requirementId, Object listener) {
                assertThat(requirementId).isEqualTo("ev_board_support");
                carSide = (EvBoardSupportListener) listener;
                return () -> carSide = null;
            }

            @Override
            public Subscription subscribeErrors(String requirementId, Consumer<ErrorObject> listener) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Subscription subscribeAllErrors(Consumer<ErrorObject> listener) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<ImplementationId> connections(String requirementId) {
                return List.of();
            }

            @Override
            public void ready() {
                ready = true;
            }
        };
    }
}
