package dev.pylon.itests.providers;

import dev.pylon.api.Severity;
import dev.pylon.api.connectorlock.ConnectorLock;
import dev.pylon.api.errors.ConnectorLockErrors;
import dev.pylon.runtime.ErrorReporter;
import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.ModuleContext;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * Module TestLock: a connector lock whose actuator is jammed. As EVerest's lock drivers do, a lock attempt that fails
 * is reported as an error, not as a failing cmd: lock() raises {@code connector_lock/ConnectorLockFailedLock}, unlock()
 * releases the lock and clears it.
 */
@Component(name = "TestLock", configurationPolicy = ConfigurationPolicy.REQUIRE, service = ConnectorLock.class)
public final class TestLock implements ConnectorLock {
    private final ErrorReporter errors;

    @Activate
    public TestLock(@Reference ModuleBus bus, Map<String, Object> properties) {
        ModuleContext context = bus.context(properties);
        errors = context.errors("main");
        context.ready();
    }

    @Override
    public void lock() {
        errors.raise(ConnectorLockErrors.CONNECTOR_LOCK_FAILED_LOCK, "", "lock feedback still reports open",
                Severity.High);
    }

    @Override
    public void unlock() {
        errors.clear(ConnectorLockErrors.CONNECTOR_LOCK_FAILED_LOCK, "");
    }
}
