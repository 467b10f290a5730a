package dev.pylon.runtime.config;

import dev.pylon.api.ImplementationId;
import java.util.List;
import java.util.Map;

/**
 * Turns one module instance of a checked config into the properties of its ConfigAdmin factory configuration (factory
 * PID = the module name = the DS component name): the module id, its config values, and for each requirement the DS
 * reference target filter that wires it to the bus endpoints of its connections.
 */
public final class ComponentProperties {
    private ComponentProperties() {
    }

    /**
     * The properties: {@code pylon.module.id}, {@code pylon.module.name}, every {@code config_module} key (defaults
     * filled in) under its own name, every {@code config_implementation} key as {@code <impl>.<key>}, and for each
     * requirement {@code <req>.target} (see {@link #targetFilter}), {@code <req>.cardinality.minimum} and
     * {@code pylon.connections.<req>} (String[] of {@code module_id/implementation_id}).
     */
    public static Map<String, Object> of(RuntimeConfig config, String moduleId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The LDAP filter selecting the bus endpoints of these implementations; matches nothing for an empty list. */
    public static String targetFilter(List<ImplementationId> connections) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
