package dev.pylon.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Publishes the vars of one provided implementation. The runtime implements it; modules use the typed
 * {@code <Interface>Publisher} generated around it.
 */
@ProviderType
@FunctionalInterface
public interface VarPublisher {
    /**
     * Publishes {@code value} as var {@code var}: every module that requires this implementation gets it, in
     * publish order, and a module that connects later gets the last value.
     */
    void publish(String var, Object value);
}
