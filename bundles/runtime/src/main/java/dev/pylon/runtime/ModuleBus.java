package dev.pylon.runtime;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The runtime's service for modules. A module component passes its component properties (which carry
 * {@link #MODULE_ID} from the runtime config) and gets its context:
 *
 * <pre>
 * &#64;Activate
 * public MyModule(&#64;Reference ModuleBus bus, &#64;Reference(name = "bsp") EvseBoardSupport bsp, Map&lt;String, Object&gt; props) {
 *     ModuleContext ctx = bus.context(props);
 *     ...
 * }
 * </pre>
 */
@ProviderType
public interface ModuleBus {
    /** Component property with the module id of the instance. */
    String MODULE_ID = "pylon.module.id";
    /** Component property with the module type (the EVerest module name). */
    String MODULE_NAME = "pylon.module.name";
    /** Service property of a bus endpoint: the stable service requirers bind to (see docs/architecture.md). */
    String ENDPOINT = "pylon.endpoint";
    /** Service property with the implementation id of an endpoint. */
    String IMPL_ID = "pylon.impl.id";
    /** Service property with the interface name of an endpoint. */
    String INTERFACE = "pylon.interface";
    /**
     * Service property of the marker the runtime registers (objectClass {@code java.lang.Object}) once every module of
     * the config is ready; a launcher outside the framework waits for {@code (pylon.global.ready=true)}.
     */
    String GLOBAL_READY = "pylon.global.ready";
    /** Framework property with the path of the runtime config (YAML, EVerest format) the runtime applies. */
    String CONFIG_PROPERTY = "pylon.config";
    /**
     * Service property of the marker the runtime registers (objectClass {@code java.lang.Object}) when it rejects the
     * config and starts nothing: every problem ({@code String[]}, each {@code file:line:column: message}, as logged).
     * The marker also carries {@link #CONFIG_PROPERTY}; find it with {@code (pylon.config.problems=*)}.
     */
    String CONFIG_PROBLEMS = "pylon.config.problems";

    /**
     * The context of the module instance whose component properties these are.
     *
     * @throws IllegalArgumentException when the properties name no module of the running config
     */
    ModuleContext context(Map<String, ?> componentProperties);
}
