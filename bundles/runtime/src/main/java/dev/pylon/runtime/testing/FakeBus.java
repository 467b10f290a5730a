package dev.pylon.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.pylon.api.ErrorObject;
import dev.pylon.api.ImplementationId;
import dev.pylon.api.InterfaceDescriptor;
import dev.pylon.api.Interfaces;
import dev.pylon.api.VarPublisher;
import dev.pylon.runtime.ErrorReporter;
import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.ModuleContext;
import dev.pylon.runtime.Subscription;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A bus for unit tests: vars and errors are delivered at once, on the publishing thread, to every subscriber connected
 * to the publisher; module contexts are built from a module's manifest defaults plus the test's overrides.
 */
public final class FakeBus {
    /** One var as published. */
    public record Published(ImplementationId from, String var, Object value) {
    }

    private record VarSub(List<ImplementationId> connections, InterfaceDescriptor<?, ?> descriptor, Object listener) {
    }

    private record ErrorSub(List<ImplementationId> connections, Consumer<ErrorObject> listener) {
    }

    public final List<Published> published = new ArrayList<>();
    public final List<String> ready = new ArrayList<>();
    private final List<VarSub> varSubs = new ArrayList<>();
    private final List<ErrorSub> errorSubs = new ArrayList<>();

    /** The context of module {@code moduleId}, with requirement id → connections. */
    public ModuleContext context(String moduleId, String moduleName, Map<String, List<ImplementationId>> connections) {
        return new ModuleContext() {
            @Override
            public String moduleId() {
                return moduleId;
            }

            @Override
            public String moduleName() {
                return moduleName;
            }

            @Override
            public VarPublisher publisher(String implId) {
                return (var, value) -> publish(new ImplementationId(moduleId, implId), var, value);
            }

            @Override
            public ErrorReporter errors(String implId) {
                throw new UnsupportedOperationException("not needed by these modules");
            }

            @Override
            public Subscription subscribe(String requirementId, Object listener) {
                InterfaceDescriptor<?, ?> descriptor = Interfaces.all().values().stream()
                        .filter(d -> d.listenerType().isInstance(listener)).findFirst().orElseThrow();
                VarSub sub = new VarSub(connections(requirementId), descriptor, listener);
                varSubs.add(sub);
                return () -> varSubs.remove(sub);
            }

            @Override
            public Subscription subscribeErrors(String requirementId, Consumer<ErrorObject> listener) {
                ErrorSub sub = new ErrorSub(connections(requirementId), listener);
                errorSubs.add(sub);
                return () -> errorSubs.remove(sub);
            }

            @Override
            public Subscription subscribeAllErrors(Consumer<ErrorObject> listener) {
                throw new UnsupportedOperationException("not needed by these modules");
            }

            @Override
            public List<ImplementationId> connections(String requirementId) {
                return connections.getOrDefault(requirementId, List.of());
            }

            @Override
            public void ready() {
                ready.add(moduleId);
            }
        };
    }

    /** A ModuleBus handing out contexts of this bus, every module with these connections. */
    public ModuleBus bus(Map<String, List<ImplementationId>> connections) {
        return props -> context((String) props.get(ModuleBus.MODULE_ID), (String) props.get(ModuleBus.MODULE_NAME),
                connections);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public void publish(ImplementationId from, String var, Object value) {
        published.add(new Published(from, var, value));
        for (VarSub sub : List.copyOf(varSubs)) {
            if (sub.connections().contains(from)) {
                ((InterfaceDescriptor) sub.descriptor()).deliver(sub.listener(), var, value);
            }
        }
    }

    public void error(ErrorObject error) {
        for (ErrorSub sub : List.copyOf(errorSubs)) {
            if (sub.connections().contains(error.origin())) {
                sub.listener().accept(error);
            }
        }
    }

    /** The values of var {@code var} published by {@code from}, in order. */
    public <T> List<T> values(ImplementationId from, String var, Class<T> type) {
        return published.stream().filter(p -> p.from().equals(from) && p.var().equals(var))
                .map(p -> type.cast(p.value())).toList();
    }

    /**
     * Component properties as the runtime builds them: every config key of the module's manifest with its default
     * (implementation keys as {@code <impl>.<key>}), then {@code overrides}, and the module id.
     */
    public static Map<String, Object> properties(String moduleName, String moduleId, Map<String, Object> overrides) {
        Map<String, Object> props = new LinkedHashMap<>();
        JsonNode manifest = manifest(moduleName);
        defaults(manifest.path("config"), "", props);
        manifest.path("provides").properties().forEach(
                impl -> defaults(impl.getValue().path("config"), impl.getKey() + ".", props));
        props.putAll(overrides);
        props.put(ModuleBus.MODULE_ID, moduleId);
        props.put(ModuleBus.MODULE_NAME, moduleName);
        return props;
    }

    public static JsonNode manifest(String moduleName) {
        String path = "/modules/" + moduleName + "/manifest.yaml";
        try (InputStream in = FakeBus.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + path);
            }
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void defaults(JsonNode config, String prefix, Map<String, Object> props) {
        config.properties().forEach(e -> {
            JsonNode d = e.getValue().get("default");
            if (d == null) {
                return;
            }
            Object value = switch (e.getValue().path("type").asText()) {
                case "boolean" -> d.booleanValue();
                case "integer" -> d.longValue();
                case "number" -> d.doubleValue();
                default -> d.asText();
            };
            props.put(prefix + e.getKey(), value);
        });
    }

    public static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> out = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put((String) keyValues[i], keyValues[i + 1]);
        }
        return out;
    }
}
