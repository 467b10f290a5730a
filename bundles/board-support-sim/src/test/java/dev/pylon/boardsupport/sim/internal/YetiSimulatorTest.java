package dev.pylon.boardsupport.sim.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pylon.api.ErrorObject;
import dev.pylon.api.ImplementationId;
import dev.pylon.api.Severity;
import dev.pylon.api.VarPublisher;
import dev.pylon.api.connectorlock.ConnectorLock;
import dev.pylon.api.errors.EvseBoardSupportErrors;
import dev.pylon.api.evboardsupport.EvBoardSupport;
import dev.pylon.api.evseboardsupport.EvseBoardSupport;
import dev.pylon.api.powermeter.Powermeter;
import dev.pylon.api.types.evboardsupport.EvCpState;
import dev.pylon.api.types.evseboardsupport.PowerOnOff;
import dev.pylon.api.types.powermeter.OCMFIdentificationType;
import dev.pylon.api.types.powermeter.OCMFUserIdentificationStatus;
import dev.pylon.api.types.powermeter.TransactionReq;
import dev.pylon.api.types.powermeter.TransactionRequestStatus;
import dev.pylon.api.types.powermeter.TransactionStopResponse;
import dev.pylon.boardsupport.sim.internal.sim.Recorder;
import dev.pylon.runtime.ErrorReporter;
import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.ModuleContext;
import dev.pylon.runtime.Subscription;
import dev.pylon.runtime.timers.SimulatedTimers;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** The OSGi shell without OSGi: a fake bus, a recording BundleContext, simulated time. */
class YetiSimulatorTest {
    record Registered(String type, Object service, Dictionary<String, Object> properties) {
    }

    final SimulatedTimers timers = new SimulatedTimers();
    final Recorder bus = new Recorder();
    final List<Registered> registered = new ArrayList<>();
    final List<String> unregistered = new ArrayList<>();
    boolean ready;
    final Map<String, Object> properties = Map.of(ModuleBus.MODULE_ID, "connector_1_powerpath",
            ModuleBus.MODULE_NAME, "YetiSimulator", "connector_id", 1);
    final YetiSimulator module = new YetiSimulator(fakeBus(), timers, recordingBundleContext(), properties);

    @Test
    void registersEachImplementationUnderItsInterfaceWithItsIds() {
        assertThat(registered).extracting(Registered::type).containsExactly(EvseBoardSupport.class.getName(),
                EvBoardSupport.class.getName(), Powermeter.class.getName(), ConnectorLock.class.getName());
        assertThat(registered).extracting(r -> r.properties().get(ModuleBus.IMPL_ID))
                .containsExactly("board_support", "ev_board_support", "powermeter", "connector_lock");
        assertThat(registered).extracting(r -> r.properties().get(ModuleBus.INTERFACE))
                .containsExactly("evse_board_support", "ev_board_support", "powermeter", "connector_lock");
        assertThat(registered).allSatisfy(
                r -> assertThat(r.properties().get(ModuleBus.MODULE_ID)).isEqualTo("connector_1_powerpath"));
        assertThat(ready).isTrue();
    }

    @Test
    void cmdsRunOnTheTimersThreadNotOnTheCallersThread() {
        timers.runDue();
        EvBoardSupport car = service(EvBoardSupport.class);
        EvseBoardSupport board = service(EvseBoardSupport.class);
        car.enable(true);
        car.setCpState(EvCpState.B);
        assertThat(bus.boardEvents()).as("handed over, not yet run").containsExactly("A");
        timers.runDue();
        assertThat(bus.boardEvents()).containsExactly("A", "B");
        board.pwmOn(16 / 0.6);
        board.allowPowerOn(new PowerOnOff(true, PowerOnOff.Reason.FullPowerCharging));
        car.setCpState(EvCpState.C);
        timers.advance(Duration.ofMillis(250));
        assertThat(bus.boardEvents()).containsExactly("A", "B", "C", "PowerOn");
        assertThat(module.status().powerW()).isEqualTo(230 * 16 * 3, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void theMeterAnswersTransactionsWithoutSignatures() {
        timers.runDue();
        Powermeter meter = service(Powermeter.class);
        TransactionReq req = TransactionReq.builder().evseId("DE*PYL*E1").transactionId("tx-1")
                .identificationStatus(OCMFUserIdentificationStatus.ASSIGNED)
                .identificationType(OCMFIdentificationType.ISO14443).identificationFlags(List.of()).build();
        assertThat(meter.startTransaction(req).status()).isEqualTo(TransactionRequestStatus.OK);
        TransactionStopResponse stop = meter.stopTransaction("tx-1");
        assertThat(stop.status()).isEqualTo(TransactionRequestStatus.OK);
        assertThat(stop.signedMeterValue().signedMeterData()).isEmpty();
        assertThat(stop.signedMeterValue().signingMethod()).isEmpty();
        assertThat(stop.signedMeterValue().encodingMethod()).isEmpty();
        int before = bus.values("powermeter", "powermeter", Object.class).size();
        timers.runDue();
        assertThat(bus.values("powermeter", "powermeter", Object.class)).hasSize(before + 2);
    }

    @Test
    void errorInjectionResolvesAtOnceAndRaisesOnTheSimulationThread() {
        module.raiseError("MREC2GroundFailure");
        assertThat(bus.errors).isEmpty();
        timers.runDue();
        assertThat(bus.errors).containsExactly(new Recorder.ErrorCall("board_support", true,
                EvseBoardSupportErrors.MREC2_GROUND_FAILURE, Severity.High, "injected through SimulatorControl"));
        module.clearError("evse_board_support/MREC2GroundFailure");
        timers.runDue();
        assertThat(bus.errors).extracting(Recorder.ErrorCall::raised).containsExactly(true, false);
        assertThatThrownBy(() -> module.raiseError("NoSuchError")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'NoSuchError'");
        assertThat(module.errorTypes()).contains("evse_board_support/DiodeFault", "ac_rcd/DC",
                "connector_lock/ConnectorLockFailedUnlock");
    }

    @Test
    void deactivationUnregistersAndStopsTheTick() {
        timers.runDue();
        module.deactivate();
        assertThat(unregistered).hasSize(4);
        timers.runDue();
        bus.clear();
        service(EvBoardSupport.class).enable(true);
        timers.advance(Duration.ofMinutes(1));
        assertThat(bus.vars).isEmpty();
    }

    private <S> S service(Class<S> type) {
        return registered.stream().filter(r -> r.type().equals(type.getName())).map(r -> type.cast(r.service()))
                .findFirst().orElseThrow();
    }

    private ModuleBus fakeBus() {
        return props -> new ModuleContext() {
            @Override
            public String moduleId() {
                return (String) props.get(ModuleBus.MODULE_ID);
            }

            @Override
            public String moduleName() {
                return "YetiSimulator";
            }

            @Override
            public VarPublisher publisher(String implId) {
                return bus.publisher(implId);
            }

            @Override
            public ErrorReporter errors(String implId) {
                return bus.reporter(implId);
            }

            @Override
            public Subscription subscribe(String requirementId, Object listener) {
                throw new IllegalArgumentException("YetiSimulator requires nothing");
            }

            @Override
            public Subscription subscribeErrors(String requirementId, Consumer<ErrorObject> listener) {
                throw new IllegalArgumentException("YetiSimulator requires nothing");
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

    /** A BundleContext that only records service registrations (every other method fails). */
    private BundleContext recordingBundleContext() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("registerService") || !(args[0] instanceof Class<?> type)) {
                        throw new UnsupportedOperationException(method.toString());
                    }
                    @SuppressWarnings("unchecked")
                    Dictionary<String, Object> props = (Dictionary<String, Object>) args[2];
                    registered.add(new Registered(type.getName(), args[1], props));
                    return Proxy.newProxyInstance(getClass().getClassLoader(),
                            new Class<?>[] {ServiceRegistration.class}, (p, m, a) -> {
                                if (m.getName().equals("unregister")) {
                                    unregistered.add(type.getName());
                                    return null;
                                }
                                throw new UnsupportedOperationException(m.toString());
                            });
                });
    }
}
