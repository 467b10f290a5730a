package dev.pylon.auth.internal.provider;

import dev.pylon.runtime.ModuleConfig;
import dev.pylon.api.authtokenprovider.AuthTokenProvider;
import dev.pylon.api.authtokenprovider.AuthTokenProviderPublisher;
import dev.pylon.api.evsemanager.EvseManager;
import dev.pylon.api.evsemanager.EvseManagerListener;
import dev.pylon.api.types.authorization.AuthorizationType;
import dev.pylon.api.types.authorization.IdToken;
import dev.pylon.api.types.authorization.IdTokenType;
import dev.pylon.api.types.authorization.ProvidedIdToken;
import dev.pylon.api.types.evsemanager.SessionEvent;
import dev.pylon.api.types.evsemanager.SessionEventEnum;
import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.ModuleContext;
import dev.pylon.runtime.Subscription;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Module DummyTokenProvider: presents its configured token each time its EVSE manager publishes SessionStarted (an
 * EV was plugged in), as if a user swiped a card at every plug-in.
 */
@Component(name = "DummyTokenProvider", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = AuthTokenProvider.class)
public final class DummyTokenProvider implements AuthTokenProvider {
    static final String IMPL = "main";
    static final String EVSE = "evse";

    private final Subscription sessionEvents;

    /**
     * The token of implementation {@code main}'s config.
     *
     * @param token       the token value
     * @param type        how it was obtained
     * @param connectorId the only connector it may be used on; 0 for any
     */
    public record Config(String token, AuthorizationType type, int connectorId) {
        public static Config from(Map<String, ?> properties) {
            ModuleConfig p = new ModuleConfig(properties);
            p.number(IMPL + ".timeout"); // read for its check only: ProvidedIdToken carries no lifetime
            return new Config(p.string(IMPL + ".token"), AuthorizationType.fromWire(p.string(IMPL + ".type")),
                    (int) p.integer(IMPL + ".connector_id"));
        }

        /** What is published: the configured value as a locally defined token. */
        public ProvidedIdToken providedToken() {
            return ProvidedIdToken.builder()
                    .idToken(new IdToken(token, IdTokenType.Local, null))
                    .authorizationType(type)
                    .connectors(connectorId > 0 ? List.of(connectorId) : null)
                    .build();
        }
    }

    /**
     * @param evse held only so that the module starts once its EVSE manager is wired; the token follows its vars
     */
    @Activate
    public DummyTokenProvider(@Reference ModuleBus bus, @Reference(name = EVSE) EvseManager evse,
            Map<String, Object> properties) {
        this(bus.context(properties), Config.from(properties));
    }

    DummyTokenProvider(ModuleContext context, Config config) {
        AuthTokenProviderPublisher vars = new AuthTokenProviderPublisher(context.publisher(IMPL));
        ProvidedIdToken token = config.providedToken();
        sessionEvents = context.subscribe(EVSE, new EvseManagerListener() {
            @Override
            public void onSessionEvent(SessionEvent event) {
                if (event.event() == SessionEventEnum.SessionStarted) {
                    vars.publishProvidedToken(token);
                }
            }
        });
        context.ready();
    }

    @Deactivate
    void stop() {
        sessionEvents.close();
    }
}
