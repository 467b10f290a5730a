package dev.pylon.runtime.internal.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pylon.runtime.ModuleBus;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/** The Gogo face of the console: usage checks, and the answer when no config runs. */
class PylonCommandsTest {
    private static <T> T fake(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(PylonCommandsTest.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> method.getName().equals("getProperty") ? answers.get((String) args[0])
                        : answers.get(method.getName())));
    }

    private static PylonCommands commands(ServiceReference<?>... rejected) {
        BundleContext context = fake(BundleContext.class,
                Map.of("getServiceReferences", rejected.length == 0 ? new ServiceReference<?>[0] : rejected));
        return new PylonCommands(context, fake(ServiceComponentRuntime.class, Map.of()));
    }

    @Test
    void everyCommandChecksItsWordsAndNamesItsUsage() {
        PylonCommands commands = commands();
        assertThatThrownBy(() -> commands.modules("x")).hasMessage("too many arguments; usage: pylon:modules");
        assertThatThrownBy(() -> commands.vars()).hasMessage("too few arguments; usage: pylon:vars <module> [impl]");
        assertThatThrownBy(() -> commands.call("m", "i")).hasMessage(
                "too few arguments; usage: pylon:call <module> <impl> <cmd> [arg...]");
        assertThatThrownBy(() -> commands.raise("m", null, "t")).hasMessage(
                "argument 2 is null (a Gogo variable that is not set?); usage: pylon:raise <module> <impl> <type>"
                        + " [sub_type] [message] [severity]");
        assertThatThrownBy(() -> commands.clear("m", "i")).hasMessageEndingWith(
                "usage: pylon:clear <module> <impl> <type> [sub_type]");
        assertThatThrownBy(() -> commands.restart()).hasMessageEndingWith("usage: pylon:restart <module>");
        assertThatThrownBy(() -> commands.errors("--every")).hasMessage(
                "unknown option '--every'; usage: pylon:errors [--all|history]");
        assertThat(PylonCommands.USAGES).hasSize(9).allMatch(u -> u.startsWith("pylon:") && u.contains("  "));
    }

    @Test
    void withoutARunningConfigTheCommandsSaySo() {
        assertThatThrownBy(() -> commands().modules()).isInstanceOf(IllegalStateException.class)
                .hasMessage("no runtime config is applied: framework property pylon.config is not set, or the runtime"
                        + " is starting or stopping");
        ServiceReference<?> rejected = fake(ServiceReference.class, Map.of(
                ModuleBus.CONFIG_PROPERTY, "/etc/pylon/config.yaml",
                ModuleBus.CONFIG_PROBLEMS, new String[] {"/etc/pylon/config.yaml:3:13: unknown module type 'X'"}));
        assertThatThrownBy(() -> commands(rejected).stats()).hasMessage("the runtime rejected /etc/pylon/config.yaml;"
                + " no module runs:\n  /etc/pylon/config.yaml:3:13: unknown module type 'X'");
    }
}
