package dev.pylon.itests;

import static dev.pylon.itests.ItestSupport.await;
import static dev.pylon.itests.ItestSupport.service;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dev.pylon.api.CmdException;
import dev.pylon.api.carsimulator.CarSimulator;
import dev.pylon.api.connectorlock.ConnectorLock;
import dev.pylon.itests.modules.RequirerProbe;
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

/** Config → wiring → cmds and vars through the bus, in a real Felix with SCR and ConfigAdmin. */
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
            "");

    @Inject
    private BundleContext context;

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
        await("global ready", () -> {
            try {
                return ItestSupport.present(context, "(pylon.global.ready=true)");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    public void aCmdThroughTheRequirerReachesTheProviderAndItsVarComesBack() throws Exception {
        ConnectorLock lock = service(context, ConnectorLock.class, "(pylon.endpoint=true)(pylon.module.id=requirer)");
        RequirerProbe probe = service(context, RequirerProbe.class, "(pylon.module.id=requirer)");
        lock.lock();
        lock.unlock();
        await("the requirer saw enabled=true then false", () -> probe.enabledValues().size() >= 2);
        assertEquals(java.util.List.of(true, false), probe.enabledValues().subList(probe.enabledValues().size() - 2,
                probe.enabledValues().size()));
    }

    @Test
    public void aThrowingHandlerGivesTheCallerATypedError() throws Exception {
        CarSimulator sim = service(context, CarSimulator.class, "(pylon.endpoint=true)(pylon.module.id=simulator)");
        try {
            sim.executeChargingSession("fail");
            fail("the handler threw, the call must fail");
        } catch (CmdException e) {
            assertEquals(CmdException.Kind.HandlerException, e.kind());
            assertTrue(e.getMessage(), e.getMessage().contains("simulator/main"));
        }
        sim.executeChargingSession("sleep 1");
    }
}
