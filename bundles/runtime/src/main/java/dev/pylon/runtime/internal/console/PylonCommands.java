package dev.pylon.runtime.internal.console;

import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.internal.bus.Bus;
import java.util.Arrays;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * The {@code pylon:} commands of the Gogo shell, for {@code ./pylon run --shell} and {@code ./pylon console}. Each
 * checks its words against its usage and hands them to {@link PylonConsole}; answers that are data are JSON, and a
 * failure is an exception whose message Gogo prints. Gogo finds the functions through the {@code osgi.command.*}
 * properties and calls the public methods by name (no Gogo type is needed; the {@link Descriptor}s only feed
 * {@code help}).
 */
@Component(service = PylonCommands.class, property = {
    "osgi.command.scope=pylon",
    "osgi.command.function=modules", "osgi.command.function=wiring", "osgi.command.function=vars",
    "osgi.command.function=call", "osgi.command.function=errors", "osgi.command.function=raise",
    "osgi.command.function=clear", "osgi.command.function=restart", "osgi.command.function=stats"})
public final class PylonCommands {
    static final String MODULES = "pylon:modules  every module: type, bundle, component state, ready, implementations,"
            + " failures and restarts";
    static final String WIRING = "pylon:wiring [module]  each requirement, the implementations it is connected to, and"
            + " whether a provider serves them now";
    static final String VARS = "pylon:vars <module> [impl]  the last value of every var (of every implementation when"
            + " impl is left out)";
    static final String CALL = "pylon:call <module> <impl> <cmd> [arg...]  calls a cmd; args are JSON in contract order,"
            + " or one JSON object by name; prints the result as JSON";
    static final String ERRORS = "pylon:errors [--all|history]  the active errors, or the history of raise and clear"
            + " events";
    static final String RAISE = "pylon:raise <module> <impl> <type> [sub_type] [message] [severity]  raises an error"
            + " of the implementation (severity Low, Medium or High; default Medium)";
    static final String CLEAR = "pylon:clear <module> <impl> <type> [sub_type]  clears an error (every sub type when"
            + " sub_type is left out)";
    static final String RESTART = "pylon:restart <module>  restarts that module instance only";
    static final String STATS = "pylon:stats  bus counters: cmd calls, failures, timeouts, queue drops";

    /** One line per command: its usage and what it does. */
    static final List<String> USAGES = List.of(MODULES, WIRING, VARS, CALL, ERRORS, RAISE, CLEAR, RESTART, STATS);

    private final BundleContext context;
    private final ComponentStates components;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ModuleBus moduleBus;

    @Activate
    public PylonCommands(BundleContext context, @Reference(name = "scr") ServiceComponentRuntime scr) {
        this.context = context;
        this.components = new ComponentStates(scr);
    }

    @Descriptor(MODULES)
    public String modules(Object... words) {
        check(MODULES, words, 0, 0);
        return console().modules();
    }

    @Descriptor(WIRING)
    public String wiring(Object... words) {
        check(WIRING, words, 0, 1);
        return console().wiring(word(words, 0));
    }

    @Descriptor(VARS)
    public String vars(Object... words) {
        check(VARS, words, 1, 2);
        return console().vars(word(words, 0), word(words, 1));
    }

    @Descriptor(CALL)
    public String call(Object... words) {
        check(CALL, Arrays.copyOf(words, Math.min(words.length, 3)), 3, 3); // the args may be JSON null
        return console().call(word(words, 0), word(words, 1), word(words, 2),
                Arrays.asList(words).subList(3, words.length));
    }

    @Descriptor(ERRORS)
    public String errors(Object... words) {
        check(ERRORS, words, 0, 1);
        String which = word(words, 0);
        if (which != null && !which.equals("--all") && !which.equals("history")) {
            throw usage(ERRORS, "unknown option '" + which + "'");
        }
        return console().errors(which != null);
    }

    @Descriptor(RAISE)
    public String raise(Object... words) {
        check(RAISE, words, 3, 6);
        return console().raise(word(words, 0), word(words, 1), word(words, 2), word(words, 3), word(words, 4),
                word(words, 5));
    }

    @Descriptor(CLEAR)
    public String clear(Object... words) {
        check(CLEAR, words, 3, 4);
        return console().clear(word(words, 0), word(words, 1), word(words, 2), word(words, 3));
    }

    @Descriptor(RESTART)
    public String restart(Object... words) {
        check(RESTART, words, 1, 1);
        return console().restart(word(words, 0));
    }

    @Descriptor(STATS)
    public String stats(Object... words) {
        check(STATS, words, 0, 0);
        return console().stats();
    }

    private PylonConsole console() {
        ModuleBus current = moduleBus;
        if (current instanceof Bus bus) {
            return new PylonConsole(bus, components::of);
        }
        throw new IllegalStateException(current != null ? "the ModuleBus service is not this runtime's"
                : noConfig());
    }

    /** Why no bus runs: the problems of a rejected config, or no config at all. */
    private String noConfig() {
        try {
            ServiceReference<?>[] rejected = context.getServiceReferences((String) null,
                    "(" + ModuleBus.CONFIG_PROBLEMS + "=*)");
            if (rejected != null && rejected.length > 0) {
                String[] problems = (String[]) rejected[0].getProperty(ModuleBus.CONFIG_PROBLEMS);
                return "the runtime rejected " + rejected[0].getProperty(ModuleBus.CONFIG_PROPERTY)
                        + "; no module runs:\n  " + String.join("\n  ", problems);
            }
        } catch (InvalidSyntaxException | IllegalStateException | ClassCastException e) {
            // fall through to the general answer
        }
        return "no runtime config is applied: framework property " + ModuleBus.CONFIG_PROPERTY
                + " is not set, or the runtime is starting or stopping";
    }

    private static void check(String usage, Object[] words, int min, int max) {
        if (words.length < min || words.length > max) {
            throw usage(usage, (words.length < min ? "too few" : "too many") + " arguments");
        }
        for (int i = 0; i < words.length; i++) {
            if (words[i] == null) {
                throw usage(usage, "argument " + (i + 1) + " is null (a Gogo variable that is not set?)");
            }
        }
    }

    private static IllegalArgumentException usage(String usage, String problem) {
        return new IllegalArgumentException(problem + "; usage: " + usage.substring(0, usage.indexOf("  ")));
    }

    /** Word {@code index} as text, or null when there are fewer words. */
    private static String word(Object[] words, int index) {
        return index < words.length ? String.valueOf(words[index]) : null;
    }
}
