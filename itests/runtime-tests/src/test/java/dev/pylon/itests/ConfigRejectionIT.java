package dev.pylon.itests;

import static dev.pylon.itests.ItestSupport.await;
import static dev.pylon.itests.ItestSupport.components;
import static dev.pylon.itests.ItestSupport.present;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dev.pylon.runtime.ModuleBus;
import java.util.Arrays;
import java.util.List;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * Item 5: a config with several problems starts nothing, and the runtime lists every problem, each at its line, on
 * the marker service it registers instead ({@link ModuleBus#CONFIG_PROBLEMS}).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConfigRejectionIT {
    static final String NAME = "ConfigRejectionIT";
    static final String CONFIG = String.join("\n",
            "active_modules:",
            "  ghost:",
            "    module: NoSuchModule",
            "  requirer:",
            "    module: TestRequirer",
            "  simulator:",
            "    module: TestProvider",
            "    config_module:",
            "      fail_activation: \"yes\"",
            "  user:",
            "    module: TestLockUser",
            "    connections:",
            "      lock:",
            "        - module_id: lock_9",
            "          implementation_id: main",
            "");
    static final String REJECTED = "(" + ModuleBus.CONFIG_PROBLEMS + "=*)";

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Inject
    private ServiceComponentRuntime scr;

    @Configuration
    public Option[] config() {
        return ItestSupport.container(NAME, CONFIG);
    }

    @Test
    public void everyProblemIsListedWithItsLine() throws Exception {
        await("the runtime rejected the config", () -> present(context, REJECTED));
        ServiceReference<?> marker = context.getServiceReferences((String) null, REJECTED)[0];
        String file = ItestSupport.configPath(NAME).toString();
        assertEquals(file, marker.getProperty(ModuleBus.CONFIG_PROPERTY));
        List<String> problems = Arrays.asList((String[]) marker.getProperty(ModuleBus.CONFIG_PROBLEMS));
        assertEquals(problems.toString(), 4, problems.size());
        // the type names its line, and the known types (which depend on the installed bundles) follow
        assertTrue(problems.get(0), problems.get(0).startsWith(file + ":3:5: unknown module type 'NoSuchModule'; "
                + "known module types: ["));
        assertTrue(problems.get(0), problems.get(0).contains("TestRequirer"));
        assertEquals(file + ":4:3: requirement 'sim' of module type TestRequirer (interface car_simulator) needs at "
                + "least 1 connection, but module 'requirer' has no 'connections'", problems.get(1));
        assertEquals(file + ":9:7: config key 'fail_activation' of module type TestProvider: 'yes' is not valid: "
                + "string found, boolean expected (rule: type); expected boolean", problems.get(2));
        assertEquals(file + ":14:11: connection to module 'lock_9', which is not in active_modules; module ids: "
                + "[ghost, requirer, simulator, user]", problems.get(3));
    }

    @Test
    public void aRejectedConfigStartsNothing() throws Exception {
        await("the runtime rejected the config", () -> present(context, REJECTED));
        // The marker is registered once the runtime has given up, so nothing can still be on its way.
        assertFalse("no endpoint", present(context, "(" + ModuleBus.ENDPOINT + "=true)"));
        assertFalse("no ModuleBus", present(context, "(objectClass=" + ModuleBus.class.getName() + ")"));
        assertFalse("no global ready", present(context, "(" + ModuleBus.GLOBAL_READY + "=true)"));
        assertNull("no module configuration", configAdmin.listConfigurations("(" + ModuleBus.MODULE_ID + "=*)"));
        for (String[] module : new String[][] {{"TestRequirer", "requirer"}, {"TestProvider", "simulator"},
                {"TestLockUser", "user"}}) {
            assertTrue(module[1] + " has no component", components(scr, module[0], module[1]).isEmpty());
        }
    }
}
