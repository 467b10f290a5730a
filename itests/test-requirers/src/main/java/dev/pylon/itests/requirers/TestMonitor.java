package dev.pylon.itests.requirers;

import dev.pylon.api.ErrorObject;
import dev.pylon.itests.probes.ErrorProbe;
import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.ModuleContext;
import dev.pylon.runtime.Subscription;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Module TestMonitor: records every error raised or cleared anywhere on the bus (EVerest's global errors). */
@Component(name = "TestMonitor", configurationPolicy = ConfigurationPolicy.REQUIRE, service = ErrorProbe.class,
        immediate = true)
public final class TestMonitor implements ErrorProbe {
    private final List<ErrorObject> errors = new CopyOnWriteArrayList<>();
    private final Subscription subscription;

    @Activate
    public TestMonitor(@Reference ModuleBus bus, Map<String, Object> properties) {
        ModuleContext context = bus.context(properties);
        subscription = context.subscribeAllErrors(errors::add);
        context.ready();
    }

    @Deactivate
    void stop() {
        subscription.close();
    }

    @Override
    public List<ErrorObject> errors() {
        return List.copyOf(errors);
    }
}
