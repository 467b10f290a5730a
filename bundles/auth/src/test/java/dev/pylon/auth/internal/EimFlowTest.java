package dev.pylon.auth.internal;

import dev.pylon.runtime.testing.FakeBus;
import static dev.pylon.runtime.testing.FakeBus.map;
import static dev.pylon.runtime.testing.FakeBus.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pylon.api.ErrorObject;
import dev.pylon.api.ErrorState;
import dev.pylon.api.ImplementationId;
import dev.pylon.api.Severity;
import dev.pylon.api.errors.EvseManagerErrors;
import dev.pylon.api.types.authorization.AuthorizationStatus;
import dev.pylon.api.types.authorization.IdToken;
import dev.pylon.api.types.authorization.IdTokenType;
import dev.pylon.api.types.authorization.TokenValidationStatus;
import dev.pylon.api.types.authorization.TokenValidationStatusMessage;
import dev.pylon.api.types.authorization.WithdrawAuthorizationRequest;
import dev.pylon.api.types.authorization.WithdrawAuthorizationResult;
import dev.pylon.api.types.evsemanager.SessionEventEnum;
import dev.pylon.auth.internal.provider.DummyTokenProvider;
import dev.pylon.auth.internal.validator.DummyTokenValidator;
import dev.pylon.runtime.Timers;
import dev.pylon.runtime.timers.SimulatedTimers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The EIM flow of config-sil.yaml with the three modules of this bundle and a stub EVSE manager: plug-in →
 * SessionStarted → DummyTokenProvider's token → DummyTokenValidator → authorize_response, on simulated time.
 */
class EimFlowTest {
    private static final ImplementationId EVSE = new ImplementationId("connector_1", "evse");
    private static final ImplementationId PROVIDER = new ImplementationId("token_provider", "main");
    private static final ImplementationId VALIDATOR = new ImplementationId("token_validator", "main");
    private static final ImplementationId AUTH = new ImplementationId("auth", "main");

    private final SimulatedTimers timers = new SimulatedTimers();
    private final FakeBus bus = new FakeBus();
    private final FakeEvseManager evse = new FakeEvseManager(bus, EVSE);

    private AuthModule start(Map<String, Object> authConfig, Map<String, Object> validatorConfig) {
        return start(authConfig, validatorConfig, timers);
    }

    private AuthModule start(Map<String, Object> authConfig, Map<String, Object> validatorConfig, Timers time) {
        Map<String, List<ImplementationId>> connections = Map.of("evse", List.of(EVSE), "evse_manager", List.of(EVSE),
                "token_provider", List.of(PROVIDER), "token_validator", List.of(VALIDATOR));
        new DummyTokenProvider(bus.bus(connections), evse, properties("DummyTokenProvider", "token_provider",
                map("main.timeout", 10.0, "main.token", "DEADBEEF")));
        DummyTokenValidator validator = new DummyTokenValidator(bus.bus(connections), time,
                properties("DummyTokenValidator", "token_validator", validatorConfig));
        Map<String, Object> props = properties("Auth", "auth", authConfig);
        AuthModule auth = new AuthModule(bus.context("auth", "Auth", connections), time, AuthConfig.from(props),
                Runnable::run);
        auth.bindEvseManager(evse, map("pylon.module.id", "connector_1", "pylon.impl.id", "evse"));
        auth.bindTokenValidator(validator, map("pylon.module.id", "token_validator", "pylon.impl.id", "main"));
        auth.start();
        return auth;
    }

    private AuthModule startAsInConfigSil() {
        return start(map("connection_timeout", 10L, "ignore_connector_faults", true),
                map("main.sleep", 0.0, "main.validation_reason", "Token seems valid"));
    }

    @Test
    void aPlugInIsAuthorizedOncePerSession() {
        startAsInConfigSil();
        assertThat(bus.ready).containsExactlyInAnyOrder("token_provider", "token_validator", "auth");

        evse.event(SessionEventEnum.SessionStarted);
        evse.event(SessionEventEnum.AuthRequired);
        assertThat(evse.authorizations).singleElement().satisfies(a -> {
            assertThat(a.token().idToken().value()).isEqualTo("DEADBEEF");
            assertThat(a.result().authorizationStatus()).isEqualTo(AuthorizationStatus.Accepted);
            assertThat(a.result().tariffMessages().get(0).content()).isEqualTo("Token seems valid");
        });
        evse.transactionStarted();
        timers.advance(Duration.ofMinutes(30));
        assertThat(evse.withdrawals).isZero();
        assertThat(evse.authorizations).hasSize(1);
        assertThat(statuses()).containsExactly(TokenValidationStatus.Processing, TokenValidationStatus.Accepted,
                TokenValidationStatus.UsedToStart);

        evse.event(SessionEventEnum.TransactionFinished);
        evse.event(SessionEventEnum.SessionFinished);
        evse.event(SessionEventEnum.SessionStarted);
        assertThat(evse.authorizations).hasSize(2);
    }

    @Test
    void anAuthorizationWithoutATransactionExpiresAfterTheConnectionTimeout() {
        startAsInConfigSil();
        evse.event(SessionEventEnum.SessionStarted); // the EV leaves B before the transaction could start
        timers.advance(Duration.ofSeconds(9));
        assertThat(evse.withdrawals).isZero();
        timers.advance(Duration.ofSeconds(1));
        assertThat(evse.withdrawals).isEqualTo(1);
        assertThat(statuses()).endsWith(TokenValidationStatus.TimedOut);
        timers.advance(Duration.ofMinutes(5));
        assertThat(evse.withdrawals).isEqualTo(1);
    }

    @Test
    void aRejectingValidatorMeansNoAuthorization() {
        start(map("connection_timeout", 10L), map("main.validation_result", "Blocked", "main.sleep", 0.0));
        evse.event(SessionEventEnum.SessionStarted);
        timers.advance(Duration.ofMinutes(1));
        assertThat(evse.authorizations).isEmpty();
        assertThat(statuses()).containsExactly(TokenValidationStatus.Processing, TokenValidationStatus.Rejected);
    }

    @Test
    void theValidatorsDelayRunsOnTheTimers() throws Exception {
        AuthModule auth = start(map("connection_timeout", 10L), map("main.sleep", 0.25), locked(timers));
        // the plug-in thread runs the modules; the validator blocks it on a timer that only simulated time fires
        Thread plugIn = new Thread(() -> evse.event(SessionEventEnum.SessionStarted));
        plugIn.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (plugIn.isAlive() && System.nanoTime() < deadline) {
            synchronized (timers) {
                timers.advance(Duration.ofMillis(50));
            }
            Thread.onSpinWait();
        }
        plugIn.join();
        assertThat(evse.authorizations).hasSize(1);
        assertThat(timers.now()).isAfterOrEqualTo(java.time.Instant.parse("2026-01-01T00:00:00.25Z"));
        auth.stop();
    }

    @Test
    void anInoperativeEvseIsNotAuthorizedUntilTheFaultClears() {
        start(map("connection_timeout", 10L), map("main.sleep", 0.0));
        ErrorObject inoperative = new ErrorObject(EvseManagerErrors.INOPERATIVE, "", null, "fault", Severity.High, EVSE,
                null, null, ErrorState.Active, null);
        bus.error(inoperative);
        evse.event(SessionEventEnum.SessionStarted);
        assertThat(evse.authorizations).isEmpty();
        bus.error(inoperative.withState(ErrorState.ClearedByModule));
        evse.event(SessionEventEnum.SessionFinished);
        evse.event(SessionEventEnum.SessionStarted);
        assertThat(evse.authorizations).hasSize(1);
    }

    @Test
    void withdrawAuthorizationCmdWithdrawsOnTheEvse() {
        AuthModule auth = startAsInConfigSil();
        evse.event(SessionEventEnum.SessionStarted);
        assertThat(auth.withdrawAuthorization(new WithdrawAuthorizationRequest(null,
                new IdToken("deadbeef", IdTokenType.Local, null)))).isEqualTo(WithdrawAuthorizationResult.Accepted);
        assertThat(evse.withdrawals).isEqualTo(1);
        assertThat(auth.withdrawAuthorization(new WithdrawAuthorizationRequest(1, null)))
                .isEqualTo(WithdrawAuthorizationResult.AuthorizationNotFound);
    }

    @Test
    void setConnectionTimeoutAppliesToTheNextAuthorization() {
        AuthModule auth = startAsInConfigSil();
        auth.setConnectionTimeout(30);
        evse.event(SessionEventEnum.SessionStarted);
        timers.advance(Duration.ofSeconds(29));
        assertThat(evse.withdrawals).isZero();
        timers.advance(Duration.ofSeconds(1));
        assertThat(evse.withdrawals).isEqualTo(1);
    }

    @Test
    void aStoppedAuthIgnoresEverythingAndCancelsItsTimers() {
        AuthModule auth = startAsInConfigSil();
        evse.event(SessionEventEnum.SessionStarted);
        auth.stop();
        timers.advance(Duration.ofMinutes(1));
        assertThat(evse.withdrawals).isZero();
        assertThat(timers.pending()).isZero();
        assertThat(auth.withdrawAuthorization(new WithdrawAuthorizationRequest(null, null)))
                .isEqualTo(WithdrawAuthorizationResult.Rejected);
    }

    @Test
    void moreThanOneEvseManagerIsRefusedWithAReason() {
        ImplementationId second = new ImplementationId("connector_2", "evse");
        Map<String, List<ImplementationId>> connections = Map.of("evse_manager", List.of(EVSE, second));
        assertThatThrownBy(() -> new AuthModule(bus.context("auth", "Auth", connections), timers,
                AuthConfig.of(Duration.ofSeconds(10), dev.pylon.api.types.authorization.SelectionAlgorithm.FindFirst),
                Runnable::run)).hasMessageContaining("2 evse_manager connections");
    }

    /** The simulated timers, safe to share between the test thread and one module thread. */
    private static Timers locked(SimulatedTimers timers) {
        return new Timers() {
            @Override
            public java.time.Instant now() {
                synchronized (timers) {
                    return timers.now();
                }
            }

            @Override
            public Timer schedule(Duration delay, Runnable task) {
                synchronized (timers) {
                    Timer timer = timers.schedule(delay, task);
                    return () -> {
                        synchronized (timers) {
                            timer.cancel();
                        }
                    };
                }
            }

            @Override
            public Timer every(Duration period, Runnable task) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private List<TokenValidationStatus> statuses() {
        return bus.values(AUTH, "token_validation_status", TokenValidationStatusMessage.class).stream()
                .map(TokenValidationStatusMessage::status).toList();
    }
}
