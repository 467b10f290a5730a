package dev.pylon.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Carries cmd calls to one connected implementation. The runtime implements it (in process, or over a bridge);
 * modules call cmds through the typed client that {@link InterfaceDescriptor#client(CmdInvoker)} builds around it.
 */
@ProviderType
@FunctionalInterface
public interface CmdInvoker {
    /**
     * Calls cmd {@code cmd} with its arguments in contract order and returns its result ({@code null} for none).
     * Failures arrive as unchecked exceptions: a handler error, a timeout, a schema violation or a missing provider.
     */
    Object invoke(String cmd, Object[] args);
}
