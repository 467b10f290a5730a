package dev.pylon.itests;

import static dev.pylon.itests.ItestSupport.await;
import static dev.pylon.itests.ItestSupport.component;
import static dev.pylon.itests.ItestSupport.components;
import static dev.pylon.itests.ItestSupport.endpoint;
import static dev.pylon.itests.ItestSupport.events;
import static dev.pylon.itests.ItestSupport.present;
import static dev.pylon.itests.ItestSupport.service;
import static dev.pylon.itests.ItestSupport.serviceId;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.pylon.api.ErrorObject;
import dev.pylon.api.ErrorState;
import dev.pylon.api.Severity;
import dev.pylon.api.carsimulator.CarSimulator;
import dev.pylon.api.connectorlock.ConnectorLock;
import dev.pylon.api.errors.PylonErrors;
import dev.pylon.itests.probes.ErrorProbe;
import dev.pylon.itests.probes.RequirerProbe;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;

/**
 * Item 4: a module whose component fails to activate is reported as {@code pylon/ModuleFailed} and restarted with
 * backoff, and nothing else restarts: the other modules keep their component and their services, and keep working.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModuleRestartIT {
    static final String CONFIG = String.join("\n",
            "active_modules:",
            "  broken:",
            "    module: TestProvider",
            "    config_module:",
            "      fail_activation: true",
            "  simulator:",
            "    module: TestProvider",
            "  requirer:",
            "    module: TestRequirer",
            "    connections:",
            "      sim:",
            "        - module_id: simulator",
            "          implementation_id: main",
            "  monitor:",
            "    module: TestMonitor",
            "");

    /** The modules that work, with their module type and the filter of a service each registers. */
    static final Map<String, String[]> HEALTHY = new LinkedHashMap<>();

    static {
        HEALTHY.put("simulator", new String[] {"TestProvider",
                "(&(objectClass=" + CarSimulator.class.getName() + ")(pylon.module.id=simulator)(!(pylon.endpoint=true)))"});
        HEALTHY.put("requirer", new String[] {"TestRequirer",
                "(&(objectClass=" + RequirerProbe.class.getName() + ")(pylon.module.id=requirer))"});
        HEALTHY.put("monitor", new String[] {"TestMonitor",
                "(&(objectClass=" + ErrorProbe.class.getName() + ")(pylon.module.id=monitor))"});
    }

    @Inject
    private BundleContext context;

    @Inject
    private ServiceComponentRuntime scr;

    @Configuration
    public Option[] config() {
        return ItestSupport.container("ModuleRestartIT", CONFIG);
    }

    @Test
    public void aModuleThatFailsToStartIsReportedToGlobalSubscribersAndHoldsBackGlobalReady() throws Exception {
        ErrorProbe monitor = service(context, ErrorProbe.class, "(pylon.module.id=monitor)");
        await("the monitor got ModuleFailed for broken", () -> !events(monitor.errors(), PylonErrors.MODULE_FAILED,
                "broken", "main").isEmpty());
        ErrorObject failed = events(monitor.errors(), PylonErrors.MODULE_FAILED, "broken", "main").get(0);
        assertEquals(ErrorState.Active, failed.state());
        assertEquals(Severity.High, failed.severity());
        assertTrue(failed.message(), failed.message().startsWith("module broken failed to start: "));
        assertTrue(failed.message(), failed.message().contains("TestProvider configured to fail its activation"));

        // active means constructed, and each test module calls ready() in its constructor
        await("every other module is active", () -> HEALTHY.entrySet().stream().allMatch(m ->
                components(scr, m.getValue()[0], m.getKey()).stream()
                        .anyMatch(c -> c.state == ComponentConfigurationDTO.ACTIVE)));
        assertTrue("no other module failed: " + monitor.errors(), monitor.errors().stream()
                .filter(e -> e.type().equals(PylonErrors.MODULE_FAILED))
                .allMatch(e -> e.origin().moduleId().equals("broken")));
        assertFalse("global ready waits for every module, broken included",
                present(context, "(pylon.global.ready=true)"));
    }

    @Test
    public void theFailedModuleIsRetriedAloneWhileTheOthersKeepRunningAndWorking() throws Exception {
        ConnectorLock requirerLock = endpoint(context, ConnectorLock.class, "requirer", "lock");
        RequirerProbe probe = service(context, RequirerProbe.class, "(pylon.module.id=requirer)");
        ErrorProbe monitor = service(context, ErrorProbe.class, "(pylon.module.id=monitor)");
        await("broken failed to activate", () -> components(scr, "TestProvider", "broken").stream()
                .anyMatch(c -> c.state == ComponentConfigurationDTO.FAILED_ACTIVATION));
        long firstFailure = components(scr, "TestProvider", "broken").stream()
                .filter(c -> c.state == ComponentConfigurationDTO.FAILED_ACTIVATION).findFirst().orElseThrow().id;

        requirerLock.lock();
        await("the requirer works", () -> probe.enabledValues().equals(List.of(true)));
        Map<String, Long> componentIds = new LinkedHashMap<>();
        Map<String, Long> serviceIds = new LinkedHashMap<>();
        HEALTHY.forEach((id, typeAndFilter) -> {
            componentIds.put(id, component(scr, typeAndFilter[0], id, ComponentConfigurationDTO.ACTIVE).id);
            serviceIds.put(id, serviceId(context, typeAndFilter[1]));
        });

        // The runtime deletes and recreates broken's configuration after 1 s (then 2, 4 ... s): a new component
        // configuration, which fails again.
        await("broken was restarted and failed again", () -> components(scr, "TestProvider", "broken").stream()
                .anyMatch(c -> c.id != firstFailure && c.state == ComponentConfigurationDTO.FAILED_ACTIVATION));

        HEALTHY.forEach((id, typeAndFilter) -> {
            assertEquals(id + " kept its component configuration", componentIds.get(id),
                    (Long) component(scr, typeAndFilter[0], id, ComponentConfigurationDTO.ACTIVE).id);
            assertEquals(id + " kept its service registration", serviceIds.get(id),
                    (Long) serviceId(context, typeAndFilter[1]));
        });
        requirerLock.unlock();
        await("the requirer still works, with its history", () -> probe.enabledValues().equals(List.of(true, false)));
        assertEquals("ModuleFailed is raised once and stays active across retries", 1,
                events(monitor.errors(), PylonErrors.MODULE_FAILED, "broken", "main").size());
    }
}
