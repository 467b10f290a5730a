package dev.pylon.auth.internal.validator;

import dev.pylon.runtime.ModuleConfig;
import dev.pylon.api.authtokenvalidator.AuthTokenValidator;
import dev.pylon.api.types.authorization.AuthorizationStatus;
import dev.pylon.api.types.authorization.ProvidedIdToken;
import dev.pylon.api.types.authorization.ValidationResult;
import dev.pylon.api.types.textmessage.MessageContent;
import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.ModuleContext;
import dev.pylon.runtime.Timers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Module DummyTokenValidator: the same configured verdict for every token, after the configured delay. The delay is
 * measured by the runtime's {@link Timers}: the caller's thread waits for a timer, so a caller must not be the timer
 * thread itself (Auth calls from its own worker).
 */
@Component(name = "DummyTokenValidator", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = AuthTokenValidator.class)
public final class DummyTokenValidator implements AuthTokenValidator {
    static final String IMPL = "main";

    private final Timers timers;
    private final Config config;
    private final Set<CountDownLatch> waiting = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Implementation {@code main}'s config.
     *
     * @param result the verdict for every token
     * @param reason the text sent with it
     * @param delay  how long to wait before answering
     */
    public record Config(AuthorizationStatus result, String reason, Duration delay) {
        public static Config from(Map<String, ?> properties) {
            ModuleConfig p = new ModuleConfig(properties);
            double seconds = p.number(IMPL + ".sleep");
            if (seconds < 0) {
                throw new IllegalArgumentException("config key main.sleep must not be negative: " + seconds);
            }
            return new Config(AuthorizationStatus.fromWire(p.string(IMPL + ".validation_result")),
                    p.string(IMPL + ".validation_reason"), Duration.ofNanos(Math.round(seconds * 1e9)));
        }
    }

    @Activate
    public DummyTokenValidator(@Reference ModuleBus bus, @Reference Timers timers, Map<String, Object> properties) {
        this(bus.context(properties), timers, Config.from(properties));
    }

    DummyTokenValidator(ModuleContext context, Timers timers, Config config) {
        this.timers = timers;
        this.config = config;
        context.ready();
    }

    @Deactivate
    void stop() {
        closed = true;
        waiting.forEach(CountDownLatch::countDown);
    }

    @Override
    public ValidationResult validateToken(ProvidedIdToken providedToken) {
        if (!config.delay().isZero()) {
            await(config.delay());
        }
        if (closed) {
            throw new IllegalStateException("DummyTokenValidator is stopping");
        }
        return new ValidationResult(config.result(), null, List.of(new MessageContent(null, null, config.reason())),
                null, null, null, null, null);
    }

    private void await(Duration delay) {
        CountDownLatch done = new CountDownLatch(1);
        waiting.add(done);
        Timers.Timer timer = timers.schedule(delay, done::countDown);
        try {
            if (!closed) {
                done.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while delaying the verdict", e);
        } finally {
            timer.cancel();
            waiting.remove(done);
        }
    }
}
