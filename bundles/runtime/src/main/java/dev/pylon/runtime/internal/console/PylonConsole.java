package dev.pylon.runtime.internal.console;

import dev.pylon.api.CmdInfo;
import dev.pylon.api.ErrorObject;
import dev.pylon.api.ImplementationId;
import dev.pylon.api.InterfaceDescriptor;
import dev.pylon.api.Severity;
import dev.pylon.api.errors.PylonErrors;
import dev.pylon.runtime.internal.bus.Bus;
import dev.pylon.runtime.internal.bus.BusInspector;
import dev.pylon.runtime.internal.bus.BusSettings;
import dev.pylon.runtime.internal.bus.BusStats;
import dev.pylon.runtime.internal.bus.Endpoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the {@code pylon:} commands do, free of Gogo and OSGi: each method takes the checked words of its command and
 * returns the answer as JSON, or throws an exception whose message says what is wrong. Reads go through the
 * {@link BusInspector}; only {@code call}, {@code raise}, {@code clear} and {@code restart} change anything.
 */
final class PylonConsole {
    /** The DS component behind a module instance. */
    interface Components {
        ComponentStates.State of(String moduleId, String moduleType);
    }

    /** One row of {@code pylon:modules}. */
    record ModuleRow(String id, String type, String bundle, long bundleId, long componentId, String state,
            List<String> unsatisfied, boolean ready, List<BusInspector.ImplView> provides, int consecutiveFailures,
            boolean restartPending, BusInspector.FailureView lastFailure, BusInspector.RestartEvent lastRestart) {
    }

    /** {@code pylon:stats}: the settings in force, counters per module and per subscription, and their totals. */
    record Stats(String config, BusSettings settings, Map<String, Long> totals, List<BusStats.ModuleStats> modules,
            List<BusStats.SubscriberStats> subscribers) {
    }

    static final String CONSOLE_MESSAGE = "raised from the console";

    private final Bus bus;
    private final BusInspector inspector;
    private final Components components;

    PylonConsole(Bus bus, Components components) {
        this.bus = bus;
        this.inspector = bus.inspector();
        this.components = components;
    }

    String modules() {
        List<ModuleRow> rows = new ArrayList<>();
        for (BusInspector.ModuleView m : inspector.modules()) {
            ComponentStates.State c = components.of(m.id(), m.type());
            rows.add(new ModuleRow(m.id(), m.type(), c.bundle(), c.bundleId(), c.componentId(), c.state(),
                    c.unsatisfied(), m.ready(), m.provides(), m.restarts().consecutiveFailures(),
                    m.restarts().restartPending(), m.restarts().lastFailure(), m.restarts().lastRestart()));
        }
        return ConsoleJson.view(rows);
    }

    /** @param moduleId null for every module */
    String wiring(String moduleId) {
        return ConsoleJson.view(inspector.wiring(moduleId));
    }

    /** @param implId null for every implementation of the module (then keyed by implementation id) */
    String vars(String moduleId, String implId) {
        return ConsoleJson.contract(implId == null ? inspector.lastValues(moduleId)
                : inspector.lastValues(moduleId, implId));
    }

    /** Calls a cmd through the module's endpoint, as a requirer would; a failed call throws its typed CmdException. */
    String call(String moduleId, String implId, String cmd, List<?> words) {
        inspector.requireImplementation(moduleId, implId);
        Endpoint endpoint = bus.endpoint(moduleId, implId);
        InterfaceDescriptor<?, ?> descriptor = endpoint.descriptor();
        CmdInfo info = descriptor.cmds().get(cmd);
        if (info == null) {
            throw new IllegalArgumentException("interface " + descriptor.name() + " of " + endpoint.id()
                    + " has no cmd '" + cmd + "'; cmds: " + descriptor.cmds().keySet());
        }
        Object[] args = CallArguments.convert(endpoint.id() + "." + cmd, info, words);
        return ConsoleJson.contract(endpoint.invoke(cmd, args));
    }

    String errors(boolean history) {
        return ConsoleJson.contract(history ? inspector.errorHistory() : inspector.activeErrors());
    }

    /**
     * @param subType  null or empty for none
     * @param message  null for {@value #CONSOLE_MESSAGE}
     * @param severity null for Medium
     */
    String raise(String moduleId, String implId, String type, String subType, String message, String severity) {
        ImplementationId origin = origin(moduleId, implId);
        String errorType = errorType(origin, type);
        ErrorObject raised = bus.errors().raise(origin, errorType, subType,
                message == null ? CONSOLE_MESSAGE : message, severity == null ? Severity.Medium : severity(severity));
        return ConsoleJson.contract(raised);
    }

    /** @param subType null to clear every active error of the type, whatever its sub type */
    String clear(String moduleId, String implId, String type, String subType) {
        ImplementationId origin = origin(moduleId, implId);
        String errorType = errorType(origin, type);
        int cleared = subType == null ? bus.errors().clearAll(origin, errorType)
                : bus.errors().clear(origin, errorType, subType) ? 1 : 0;
        return ConsoleJson.view(Map.of("cleared", cleared));
    }

    String restart(String moduleId) {
        inspector.moduleType(moduleId); // names the modules when there is no such one
        bus.restart(moduleId);
        return ConsoleJson.view(Map.of("restarted", moduleId));
    }

    String stats() {
        List<BusStats.ModuleStats> modules = inspector.moduleStats();
        List<BusStats.SubscriberStats> subscribers = inspector.subscriberStats();
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("cmd_calls", modules.stream().mapToLong(BusStats.ModuleStats::cmdCalls).sum());
        totals.put("handler_exceptions", modules.stream().mapToLong(BusStats.ModuleStats::handlerExceptions).sum());
        totals.put("cmd_timeouts", modules.stream().mapToLong(BusStats.ModuleStats::cmdTimeouts).sum());
        totals.put("schema_violations", modules.stream().mapToLong(BusStats.ModuleStats::schemaViolations).sum());
        totals.put("vars_published", modules.stream().mapToLong(BusStats.ModuleStats::varsPublished).sum());
        totals.put("listener_failures", modules.stream().mapToLong(BusStats.ModuleStats::listenerFailures).sum());
        totals.put("queued", subscribers.stream().mapToLong(BusStats.SubscriberStats::queued).sum());
        totals.put("delivered", subscribers.stream().mapToLong(BusStats.SubscriberStats::delivered).sum());
        totals.put("dropped", subscribers.stream().mapToLong(BusStats.SubscriberStats::dropped).sum());
        totals.put("failed", subscribers.stream().mapToLong(BusStats.SubscriberStats::failed).sum());
        return ConsoleJson.view(new Stats(inspector.configSource(), inspector.settings(), totals, modules, subscribers));
    }

    private ImplementationId origin(String moduleId, String implId) {
        inspector.requireImplementation(moduleId, implId);
        return new ImplementationId(moduleId, implId);
    }

    /**
     * The error type {@code type} names for {@code origin}: {@code <file>/<Name>} as given, or {@code <Name>} alone
     * when exactly one error its interface declares (or one of Pylon's own) has that name.
     */
    private String errorType(ImplementationId origin, String type) {
        InterfaceDescriptor<?, ?> descriptor = bus.endpoint(origin.moduleId(), origin.implementationId()).descriptor();
        List<String> allowed = new ArrayList<>(descriptor.errors());
        allowed.addAll(PylonErrors.ALL);
        if (allowed.contains(type)) {
            return type;
        }
        List<String> matching = allowed.stream().filter(t -> t.endsWith("/" + type)).toList();
        if (matching.size() == 1) {
            return matching.get(0);
        }
        if (!matching.isEmpty()) {
            throw new IllegalArgumentException("error '" + type + "' is ambiguous for " + origin + ": " + matching);
        }
        throw new IllegalArgumentException("interface " + descriptor.name() + " of " + origin + " declares no error '"
                + type + "'; its errors: " + descriptor.errors() + ", and Pylon's own: " + PylonErrors.ALL);
    }

    private static Severity severity(String text) {
        return Arrays.stream(Severity.values()).filter(s -> s.name().equalsIgnoreCase(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown severity '" + text + "'; severities: "
                        + Arrays.toString(Severity.values())));
    }
}
