package dev.pylon.runtime;

import dev.pylon.api.ErrorObject;
import dev.pylon.api.VarPublisher;
import java.util.List;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One module instance's view of the bus. Identified by the module id of the config ({@code active_modules.<id>});
 * the manifest of its module type says which implementations it provides and what it requires.
 */
@ProviderType
public interface ModuleContext {
    /** The module id in the runtime config, for example {@code connector_1}. */
    String moduleId();

    /** The module type, for example {@code EvseManager}. */
    String moduleName();

    /**
     * Publishes the vars of provided implementation {@code implId}; wrap it in the generated
     * {@code <Interface>Publisher}. Values are validated against the contract when the config's
     * {@code validate_schema} is on.
     *
     * @throws IllegalArgumentException when the manifest provides no such implementation
     */
    VarPublisher publisher(String implId);

    /** Raises and clears the errors of provided implementation {@code implId}. */
    ErrorReporter errors(String implId);

    /**
     * Delivers the vars of the implementations connected to requirement {@code requirementId} to {@code listener}
     * (an instance of the generated {@code <Interface>Listener} of the required interface), in publish order, on a
     * thread of the bus. The last value of each var is delivered first; when the provider is replaced the
     * subscription stays and the new provider's values follow.
     *
     * @throws IllegalArgumentException when the manifest has no such requirement or the listener has the wrong type
     */
    Subscription subscribe(String requirementId, Object listener);

    /** Delivers errors raised and cleared by the implementations connected to {@code requirementId}. */
    Subscription subscribeErrors(String requirementId, Consumer<ErrorObject> listener);

    /** Delivers every error raised or cleared anywhere (for monitors; EVerest's {@code enable_global_errors}). */
    Subscription subscribeAllErrors(Consumer<ErrorObject> listener);

    /** The implementations connected to requirement {@code requirementId}, in config order. */
    List<dev.pylon.api.ImplementationId> connections(String requirementId);

    /** Tells the runtime this module has finished starting; global ready follows when every module is ready. */
    void ready();
}
