package dev.pylon.runtime.config;

import dev.pylon.api.ImplementationId;
import dev.pylon.runtime.ModuleBus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one module instance of a checked config into the properties of its ConfigAdmin factory configuration (factory
 * PID = the module name = the DS component name): the module id, its config values, and for each requirement the DS
 * reference target filter that wires it to the bus endpoints of its connections.
 */
public final class ComponentProperties {
    /** Prefix of the property listing a requirement's connections: {@code pylon.connections.<requirement>}. */
    public static final String CONNECTIONS_PREFIX = "pylon.connections.";
    /** Suffix of a DS reference's target filter property: {@code <requirement>.target}. */
    public static final String TARGET_SUFFIX = ".target";
    /** Suffix of a DS reference's minimum cardinality property: {@code <requirement>.cardinality.minimum}. */
    public static final String MINIMUM_SUFFIX = ".cardinality.minimum";

    /** Selects no service: no endpoint can be both an endpoint and not one. */
    private static final String NOTHING = "(&(" + ModuleBus.ENDPOINT + "=true)(!(" + ModuleBus.ENDPOINT + "=true)))";

    private ComponentProperties() {
    }

    /**
     * The properties: {@code pylon.module.id}, {@code pylon.module.name}, every {@code config_module} key (defaults
     * filled in) under its own name, every {@code config_implementation} key as {@code <impl>.<key>}, and for each
     * requirement {@code <req>.target} (see {@link #targetFilter}), {@code <req>.cardinality.minimum} and
     * {@code pylon.connections.<req>} (String[] of {@code module_id/implementation_id}).
     *
     * <p>Values are Boolean, Long, Double, String, String[] (connections) and Integer (the minimum cardinality, which
     * is the number of connections in the config, so that a module starts once the endpoints of everything it is
     * connected to are there, as in EVerest where every connected module runs; a requirement without connections gets
     * 0 and a target that matches nothing). The map keeps this order and cannot be modified.
     *
     * @throws IllegalArgumentException when the config has no module {@code moduleId}
     */
    public static Map<String, Object> of(RuntimeConfig config, String moduleId) {
        Manifest manifest = config.manifestOf(moduleId);
        ModuleInstance instance = config.modules().get(moduleId);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(ModuleBus.MODULE_ID, instance.moduleId());
        props.put(ModuleBus.MODULE_NAME, instance.moduleName());
        props.putAll(instance.configModule());
        instance.configImplementation().forEach((impl, values) ->
                values.forEach((key, value) -> props.put(impl + "." + key, value)));
        for (String req : manifest.requires().keySet()) {
            List<ImplementationId> connections = instance.connections().getOrDefault(req, List.of());
            props.put(req + TARGET_SUFFIX, targetFilter(connections));
            props.put(req + MINIMUM_SUFFIX, connections.size());
            props.put(CONNECTIONS_PREFIX + req, connections.stream().map(ImplementationId::toString)
                    .toArray(String[]::new));
        }
        return Collections.unmodifiableMap(props);
    }

    /**
     * The LDAP filter selecting the bus endpoints of these implementations; matches nothing for an empty list.
     * For one: {@code (&(pylon.endpoint=true)(pylon.module.id=X)(pylon.impl.id=Y))}; for several:
     * {@code (&(pylon.endpoint=true)(|(&(pylon.module.id=A)(pylon.impl.id=a))(&(pylon.module.id=B)(pylon.impl.id=b))))}
     * (one term per connection, in order).
     * Filter specials ({@code \ * ( )}) in ids are escaped.
     */
    public static String targetFilter(List<ImplementationId> connections) {
        if (connections.isEmpty()) {
            return NOTHING;
        }
        String endpoint = "(" + ModuleBus.ENDPOINT + "=true)";
        if (connections.size() == 1) {
            return "(&" + endpoint + match(connections.get(0)) + ")";
        }
        StringBuilder out = new StringBuilder("(&").append(endpoint).append("(|");
        for (ImplementationId id : connections) {
            out.append("(&").append(match(id)).append(')');
        }
        return out.append("))").toString();
    }

    private static String match(ImplementationId id) {
        return "(" + ModuleBus.MODULE_ID + "=" + escape(id.moduleId()) + ")(" + ModuleBus.IMPL_ID + "="
                + escape(id.implementationId()) + ")";
    }

    /** A value as it may appear in an OSGi filter: {@code \ * ( )} preceded by a backslash. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
