package dev.pylon.itests;

import static dev.pylon.itests.ItestSupport.TIMEOUT;
import static dev.pylon.itests.ItestSupport.await;
import static dev.pylon.itests.ItestSupport.component;
import static dev.pylon.itests.ItestSupport.endpoint;
import static dev.pylon.itests.ItestSupport.events;
import static dev.pylon.itests.ItestSupport.installedBundle;
import static dev.pylon.itests.ItestSupport.present;
import static dev.pylon.itests.ItestSupport.service;
import static dev.pylon.itests.ItestSupport.serviceId;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dev.pylon.api.CmdException;
import dev.pylon.api.ErrorObject;
import dev.pylon.api.ErrorState;
import dev.pylon.api.Severity;
import dev.pylon.api.carsimulator.CarSimulator;
import dev.pylon.api.connectorlock.ConnectorLock;
import dev.pylon.api.errors.ConnectorLockErrors;
import dev.pylon.api.errors.PylonErrors;
import dev.pylon.itests.probes.ErrorProbe;
import dev.pylon.itests.probes.RequirerProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Config → wiring → cmds, vars and errors through the bus, in a real Felix with SCR and ConfigAdmin: replay of the last
 * values to a late requirer, errors routed by origin, a provider stopped and started under a running requirer, and two
 * modules calling each other. Every test leaves the modules running as it found them.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModuleWiringIT {
    static final String CONFIG = String.join("\n",
            "active_modules:",
            "  simulator:",
            "    module: TestProvider",
            "  requirer:",
            "    module: TestRequirer",
            "    connections:",
            "      sim:",
            "        - module_id: simulator",
            "          implementation_id: main",
            "  lock_1:",
            "    module: TestLock",
            "  lock_2:",
            "    module: TestLock",
            "  user_1:",
            "    module: TestLockUser",
            "    connections:",
            "      lock:",
            "        - module_id: lock_1",
            "          implementation_id: main",
            "  user_2:",
            "    module: TestLockUser",
            "    connections:",
            "      lock:",
            "        - module_id: lock_2",
            "          implementation_id: main",
            "  monitor:",
            "    module: TestMonitor",
            "  relay_a:",
            "    module: TestRelay",
            "    connections:",
            "      peer:",
            "        - module_id: relay_b",
            "          implementation_id: main",
            "  relay_b:",
            "    module: TestRelay",
            "    connections:",
            "      peer:",
            "        - module_id: relay_a",
            "          implementation_id: main",
            "");
    static final String PROVIDERS_BUNDLE = "dev.pylon.itests.providers";

    @Inject
    private BundleContext context;

    @Inject
    private ServiceComponentRuntime scr;

    @Configuration
    public Option[] config() {
        return ItestSupport.container("ModuleWiringIT", CONFIG);
    }

    @Test
    public void everyBundleResolvesAndTheRuntimeSignalsGlobalReady() throws Exception {
        for (Bundle bundle : context.getBundles()) {
            boolean fragment = bundle.getHeaders().get("Fragment-Host") != null;
            assertTrue(bundle.getSymbolicName() + " is " + bundle.getState(),
                    bundle.getState() == (fragment ? Bundle.RESOLVED : Bundle.ACTIVE));
        }
        await("global ready", () -> present(context, "(pylon.global.ready=true)"));
        assertTrue(present(context, "(&(pylon.global.ready=true)(pylon.ready.modules=9))"));
    }

    @Test
    public void aCmdThroughTheRequirerReachesTheProviderAndItsVarComesBack() throws Exception {
        ConnectorLock lock = endpoint(context, ConnectorLock.class, "requirer", "lock");
        RequirerProbe probe = service(context, RequirerProbe.class, "(pylon.module.id=requirer)");
        int before = probe.enabledValues().size(); // other tests of this class may have run first
        lock.lock();
        lock.unlock();
        await("the requirer saw enabled=true then false", () -> probe.enabledValues().size() >= before + 2);
        assertEquals(List.of(true, false), probe.enabledValues().subList(before, probe.enabledValues().size()));
    }

    @Test
    public void aThrowingHandlerGivesTheCallerATypedError() throws Exception {
        CarSimulator sim = endpoint(context, CarSimulator.class, "simulator", "main");
        try {
            sim.executeChargingSession("fail");
            fail("the handler threw, the call must fail");
        } catch (CmdException e) {
            assertEquals(CmdException.Kind.HandlerException, e.kind());
            assertTrue(e.getMessage(), e.getMessage().contains("simulator/main"));
        }
        sim.executeChargingSession("sleep 1");
    }

    /** Item 1: a requirer (re)started after its provider published gets the last value of each var first. */
    @Test
    public void aRequirerStartedLaterGetsTheLastValueFirstThenLiveValues() throws Exception {
        CarSimulator sim = endpoint(context, CarSimulator.class, "simulator", "main");
        RequirerProbe before = service(context, RequirerProbe.class, "(pylon.module.id=requirer)");
        int seen = before.enabledValues().size();
        sim.enable(false);
        sim.enable(true); // the last value: a late requirer must get this one, and only this one
        await("the running requirer saw both", () -> before.enabledValues().size() >= seen + 2);
        assertEquals(List.of(false, true), before.enabledValues().subList(seen, before.enabledValues().size()));
        long oldProbe = serviceId(context, "(&(objectClass=" + RequirerProbe.class.getName()
                + ")(pylon.module.id=requirer))");

        // An operator stops and starts the TestRequirer module (as a console's scr:disable / scr:enable does).
        ComponentDescriptionDTO requirer = scr.getComponentDescriptionDTO(
                installedBundle(context, "dev.pylon.itests.requirers"), "TestRequirer");
        scr.disableComponent(requirer).getValue();
        await("the requirer stopped", () -> !present(context, "(&(objectClass=" + RequirerProbe.class.getName()
                + ")(pylon.module.id=requirer))"));
        scr.enableComponent(requirer).getValue();
        RequirerProbe after = service(context, RequirerProbe.class, "(pylon.module.id=requirer)");
        assertNotEquals("a new instance", oldProbe, serviceId(context, "(&(objectClass="
                + RequirerProbe.class.getName() + ")(pylon.module.id=requirer))"));

        await("the new requirer got the last value", () -> !after.enabledValues().isEmpty());
        assertEquals("replay gives the last value, not the history", List.of(true), after.enabledValues());
        sim.enable(false);
        await("a live value follows the replayed one", () -> after.enabledValues().size() == 2);
        assertEquals(List.of(true, false), after.enabledValues());
    }

    /**
     * Item 2: an error raised by a provider reaches the modules connected to it and the global subscribers, and no
     * module connected elsewhere.
     */
    @Test
    public void anErrorReachesTheRequirersOfItsOriginAndTheGlobalSubscribersOnly() throws Exception {
        ConnectorLock lock1 = endpoint(context, ConnectorLock.class, "lock_1", "main");
        ConnectorLock lock2 = endpoint(context, ConnectorLock.class, "lock_2", "main");
        ErrorProbe user1 = service(context, ErrorProbe.class, "(pylon.module.id=user_1)");
        ErrorProbe user2 = service(context, ErrorProbe.class, "(pylon.module.id=user_2)");
        ErrorProbe monitor = service(context, ErrorProbe.class, "(pylon.module.id=monitor)");
        RequirerProbe requirer = service(context, RequirerProbe.class, "(pylon.module.id=requirer)");
        String type = ConnectorLockErrors.CONNECTOR_LOCK_FAILED_LOCK;

        lock1.lock(); // the jammed lock raises the error...
        lock1.unlock(); // ...and clears it
        // The same at lock_2, after: user_2's queue is in order, so had lock_1's events reached user_2 they would
        // come before these.
        lock2.lock();
        lock2.unlock();

        await("user_2 got lock_2's raise and clear", () -> failedLock(user2.errors()).size() >= 2);
        List<ErrorObject> atUser2 = failedLock(user2.errors());
        assertEquals("user_2 is connected to lock_2 only", 2, atUser2.size());
        assertRaiseThenClear(atUser2, "lock_2");

        await("user_1 got lock_1's raise and clear", () -> failedLock(user1.errors()).size() >= 2);
        List<ErrorObject> atUser1 = failedLock(user1.errors());
        assertRaiseThenClear(atUser1.subList(0, 2), "lock_1");
        ErrorObject raised = atUser1.get(0);
        assertEquals(Severity.High, raised.severity());
        assertEquals("lock feedback still reports open", raised.message());
        assertEquals("A lock attempt did not succeed; feedback still reports open.", raised.description());

        await("the monitor got all four", () -> failedLock(monitor.errors()).size() >= 4);
        List<ErrorObject> atMonitor = failedLock(monitor.errors());
        assertEquals(4, atMonitor.size());
        assertRaiseThenClear(atMonitor.subList(0, 2), "lock_1");
        assertRaiseThenClear(atMonitor.subList(2, 4), "lock_2");
        assertEquals("the same error object", raised.uuid(), atMonitor.get(0).uuid());

        assertTrue("the requirer of the simulator got no lock error: " + requirer.errors(),
                requirer.errors().stream().noneMatch(e -> e.type().equals(type)));
    }

    /**
     * Item 3: a provider's bundle stopped makes calls fail with NotReady and raises pylon/ProviderMissing at the
     * requirer, which keeps running; once the bundle is back the error clears and calls work again.
     */
    @Test
    public void aStoppedProviderFailsCallsUntilItIsBackWhileItsRequirerKeepsRunning() throws Exception {
        CarSimulator sim = endpoint(context, CarSimulator.class, "simulator", "main");
        ConnectorLock requirerLock = endpoint(context, ConnectorLock.class, "requirer", "lock");
        RequirerProbe probe = service(context, RequirerProbe.class, "(pylon.module.id=requirer)");
        long requirerComponent = component(scr, "TestRequirer", "requirer", ComponentConfigurationDTO.ACTIVE).id;
        int valuesBefore = probe.enabledValues().size();
        int errorsBefore = events(probe.errors(), PylonErrors.PROVIDER_MISSING, "simulator", "main").size();
        Bundle providers = installedBundle(context, PROVIDERS_BUNDLE);

        providers.stop();
        try {
            CmdException direct = assertThrows(CmdException.class, () -> sim.enable(true));
            assertEquals(CmdException.Kind.NotReady, direct.kind());
            assertEquals("simulator/main.enable", direct.target());
            // Through the requirer: its handler's call fails, and the caller learns why.
            CmdException through = assertThrows(CmdException.class, requirerLock::lock);
            assertEquals(CmdException.Kind.HandlerException, through.kind());
            assertEquals(CmdException.Kind.NotReady, ((CmdException) through.getCause()).kind());

            await("the requirer got ProviderMissing", () -> events(probe.errors(), PylonErrors.PROVIDER_MISSING,
                    "simulator", "main").size() > errorsBefore);
            ErrorObject missing = events(probe.errors(), PylonErrors.PROVIDER_MISSING, "simulator", "main")
                    .get(errorsBefore);
            assertEquals(ErrorState.Active, missing.state());
            assertEquals(Severity.High, missing.severity());

            assertEquals("the requirer's component was never deactivated", requirerComponent,
                    component(scr, "TestRequirer", "requirer", ComponentConfigurationDTO.ACTIVE).id);
            assertTrue("the requirer still serves", present(context,
                    "(&(objectClass=" + RequirerProbe.class.getName() + ")(pylon.module.id=requirer))"));
        } finally {
            providers.start();
        }

        await("the requirer got ProviderMissing cleared", () -> events(probe.errors(), PylonErrors.PROVIDER_MISSING,
                "simulator", "main").size() > errorsBefore + 1);
        List<ErrorObject> missing = events(probe.errors(), PylonErrors.PROVIDER_MISSING, "simulator", "main");
        assertEquals(ErrorState.ClearedByModule, missing.get(errorsBefore + 1).state());
        assertEquals(missing.get(errorsBefore).uuid(), missing.get(errorsBefore + 1).uuid());

        sim.enable(false);
        requirerLock.lock(); // through the requirer again: works, and clears its pylon/HandlerException
        await("the requirer saw the new provider's values", () -> probe.enabledValues().size() >= valuesBefore + 2);
        assertEquals("nothing was published while the provider was away, then the new provider's values",
                List.of(false, true), probe.enabledValues().subList(valuesBefore, probe.enabledValues().size()));
        assertEquals(requirerComponent, component(scr, "TestRequirer", "requirer",
                ComponentConfigurationDTO.ACTIVE).id);
    }

    /** Item 6: A's cmd handler calls B, whose handler calls A's other cmd; many at once, from both sides. */
    @Test
    public void twoModulesCallingEachOtherCompleteWithoutDeadlock() throws Exception {
        CarSimulator a = endpoint(context, CarSimulator.class, "relay_a", "main");
        CarSimulator b = endpoint(context, CarSimulator.class, "relay_b", "main");
        RequirerProbe seenByA = service(context, RequirerProbe.class, "(pylon.module.id=relay_a)");
        RequirerProbe seenByB = service(context, RequirerProbe.class, "(pylon.module.id=relay_b)");

        a.executeChargingSession("bounce"); // relay_a → relay_b → relay_a.enable(true)
        await("relay_a published enabled=true from inside its own call", () -> seenByB.enabledValues().contains(true));

        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                CarSimulator from = i % 2 == 0 ? a : b;
                calls.add(callers.submit(() -> from.executeChargingSession("bounce")));
            }
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            for (Future<?> call : calls) {
                call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS); // throws if one failed
            }
        } finally {
            callers.shutdownNow();
        }
        await("relay_b published from inside its calls too", () -> seenByA.enabledValues().contains(true));
    }

    private static List<ErrorObject> failedLock(List<ErrorObject> errors) {
        return errors.stream().filter(e -> e.type().equals(ConnectorLockErrors.CONNECTOR_LOCK_FAILED_LOCK)).toList();
    }

    private static void assertRaiseThenClear(List<ErrorObject> pair, String moduleId) {
        assertEquals(pair.toString(), 2, pair.size());
        for (ErrorObject e : pair) {
            assertEquals(pair.toString(), moduleId + "/main", e.origin().toString());
        }
        assertEquals(ErrorState.Active, pair.get(0).state());
        assertEquals(ErrorState.ClearedByModule, pair.get(1).state());
        assertEquals("a clear names the error it clears", pair.get(0).uuid(), pair.get(1).uuid());
    }
}
