package dev.pylon.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pylon.api.types.authorization.AuthorizationStatus;
import dev.pylon.api.types.authorization.AuthorizationType;
import dev.pylon.api.types.authorization.IdToken;
import dev.pylon.api.types.authorization.IdTokenType;
import dev.pylon.api.types.authorization.ProvidedIdToken;
import dev.pylon.api.types.authorization.SelectionAlgorithm;
import dev.pylon.api.types.authorization.TokenValidationStatus;
import dev.pylon.api.types.authorization.ValidationResult;
import dev.pylon.api.types.authorization.WithdrawAuthorizationRequest;
import dev.pylon.api.types.authorization.WithdrawAuthorizationResult;
import dev.pylon.api.types.evsemanager.SessionEvent;
import dev.pylon.api.types.evsemanager.SessionEventEnum;
import dev.pylon.api.types.evsemanager.StopTransactionReason;
import dev.pylon.auth.internal.AuthAction.TimerId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AuthLogic alone: events in, actions out, timers fired by hand. */
class AuthLogicTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final AuthLogic one = new AuthLogic(AuthConfig.of(TIMEOUT, SelectionAlgorithm.FindFirst), 1);

    @Test
    void aTokenOnAPluggedInEvIsValidatedThenAuthorizedOnce() {
        one.onSessionEvent(0, event(SessionEventEnum.SessionStarted));
        List<AuthAction> first = one.onToken(token("DEADBEEF"));
        assertThat(first).containsExactly(status("DEADBEEF", TokenValidationStatus.Processing),
                new AuthAction.Validate(token("DEADBEEF")));

        List<AuthAction> validated = one.onValidated(token("DEADBEEF"), result(AuthorizationStatus.Accepted));
        assertThat(of(validated, AuthAction.Authorize.class)).singleElement()
                .satisfies(a -> assertThat(a.evse()).isZero());
        assertThat(of(validated, AuthAction.StartTimer.class)).singleElement()
                .satisfies(t -> assertThat(t.delay()).isEqualTo(TIMEOUT));

        List<AuthAction> again = one.onToken(token("DEADBEEF"));
        assertThat(again).containsExactly(status("DEADBEEF", TokenValidationStatus.Rejected));
        assertThat(one.onToken(token("CAFE"))).containsExactly(status("CAFE", TokenValidationStatus.Rejected));
    }

    @Test
    void aSecondCopyWhileTheFirstIsBeingValidatedIsIgnored() {
        one.onToken(token("A"));
        assertThat(one.onToken(token("a"))).isEmpty();
        one.onValidated(token("A"), result(AuthorizationStatus.Accepted));
        assertThat(one.isAuthorized(0)).isTrue();
    }

    @Test
    void aRejectedTokenAuthorizesNothing() {
        one.onSessionEvent(0, event(SessionEventEnum.SessionStarted));
        one.onToken(token("BAD"));
        List<AuthAction> out = one.onValidated(token("BAD"), result(AuthorizationStatus.Blocked));
        assertThat(out).containsExactly(status("BAD", TokenValidationStatus.Rejected));
        assertThat(one.isAuthorized(0)).isFalse();
        assertThat(of(one.onToken(token("BAD")), AuthAction.Validate.class)).hasSize(1);
    }

    @Test
    void anAuthorizationThatNoTransactionUsesIsWithdrawnAfterTheConnectionTimeout() {
        one.onToken(token("EARLY"));
        TimerId timer = startedTimer(one.onValidated(token("EARLY"), result(AuthorizationStatus.Accepted)));
        assertThat(timer.kind()).isEqualTo(TimerId.Kind.CONNECTION);

        List<AuthAction> expired = one.onTimeout(timer);
        assertThat(expired).contains(new AuthAction.Withdraw(0), status("EARLY", TokenValidationStatus.TimedOut));
        assertThat(one.isAuthorized(0)).isFalse();
        assertThat(one.onTimeout(timer)).isEmpty();
    }

    @Test
    void aTransactionStopsTheConnectionTimerAndALateExpiryChangesNothing() {
        one.onSessionEvent(0, event(SessionEventEnum.SessionStarted));
        one.onToken(token("T"));
        TimerId timer = startedTimer(one.onValidated(token("T"), result(AuthorizationStatus.Accepted)));
        List<AuthAction> started = one.onSessionEvent(0, transactionStarted("T"));
        assertThat(started).contains(new AuthAction.CancelTimer(timer), status("T", TokenValidationStatus.UsedToStart));
        assertThat(one.onTimeout(timer)).isEmpty();
    }

    @Test
    void theTokenThatStartedATransactionStopsIt() {
        one.onSessionEvent(0, event(SessionEventEnum.SessionStarted));
        one.onToken(token("T"));
        one.onValidated(token("T"), result(AuthorizationStatus.Accepted));
        one.onSessionEvent(0, transactionStarted("T"));
        List<AuthAction> out = one.onToken(token("t"));
        assertThat(of(out, AuthAction.Stop.class)).singleElement().satisfies(s -> {
            assertThat(s.evse()).isZero();
            assertThat(s.request().reason()).isEqualTo(StopTransactionReason.Local);
        });
        assertThat(of(out, AuthAction.Validate.class)).isEmpty();
    }

    @Test
    void afterTheTransactionEndsANewTokenWaitsForTheReplug() {
        one.onSessionEvent(0, event(SessionEventEnum.SessionStarted));
        one.onToken(token("T"));
        one.onValidated(token("T"), result(AuthorizationStatus.Accepted));
        one.onSessionEvent(0, transactionStarted("T"));
        one.onSessionEvent(0, event(SessionEventEnum.TransactionFinished));
        assertThat(one.onToken(token("U"))).containsExactly(status("U", TokenValidationStatus.Rejected));
        one.onSessionEvent(0, event(SessionEventEnum.SessionFinished));
        one.onSessionEvent(0, event(SessionEventEnum.SessionStarted));
        assertThat(of(one.onToken(token("U")), AuthAction.Validate.class)).hasSize(1);
    }

    @Test
    void aTransactionWhoseStartAuthMissedStillMakesTheEvseBusy() {
        one.onSessionEvent(0, event(SessionEventEnum.ChargingStarted)); // e.g. the last value after Auth restarted
        assertThat(one.onToken(token("OLD"))).containsExactly(status("OLD", TokenValidationStatus.Processing),
                new AuthAction.Validate(token("OLD")));
        assertThat(one.onValidated(token("OLD"), result(AuthorizationStatus.Accepted)))
                .containsExactly(status("OLD", TokenValidationStatus.Rejected));
        one.onSessionEvent(0, event(SessionEventEnum.TransactionFinished));
        one.onSessionEvent(0, event(SessionEventEnum.SessionFinished));
        assertThat(of(one.onToken(token("NEW")), AuthAction.Validate.class)).hasSize(1);
    }

    @Test
    void findFirstTakesTheFirstFreeEvseAndTheNextTokenTheNext() {
        AuthLogic two = new AuthLogic(AuthConfig.of(TIMEOUT, SelectionAlgorithm.FindFirst), 2);
        two.onSessionEvent(1, event(SessionEventEnum.SessionStarted));
        two.onToken(token("A"));
        assertThat(authorized(two.onValidated(token("A"), result(AuthorizationStatus.Accepted)))).isZero();
        two.onToken(token("B"));
        assertThat(authorized(two.onValidated(token("B"), result(AuthorizationStatus.Accepted)))).isEqualTo(1);
    }

    @Test
    void plugEventsTakesTheEarliestPlugInOrWaitsForOne() {
        AuthLogic two = new AuthLogic(AuthConfig.of(TIMEOUT, SelectionAlgorithm.PlugEvents), 2);
        two.onSessionEvent(1, event(SessionEventEnum.SessionStarted));
        two.onSessionEvent(0, event(SessionEventEnum.SessionStarted));
        two.onToken(token("A"));
        assertThat(authorized(two.onValidated(token("A"), result(AuthorizationStatus.Accepted)))).isEqualTo(1);

        AuthLogic idle = new AuthLogic(AuthConfig.of(TIMEOUT, SelectionAlgorithm.PlugEvents), 2);
        idle.onToken(token("B"));
        List<AuthAction> waiting = idle.onValidated(token("B"), result(AuthorizationStatus.Accepted));
        assertThat(of(waiting, AuthAction.Authorize.class)).isEmpty();
        assertThat(startedTimer(waiting).kind()).isEqualTo(TimerId.Kind.PENDING_TOKEN);
        assertThat(authorized(idle.onSessionEvent(1, event(SessionEventEnum.SessionStarted)))).isEqualTo(1);

        AuthLogic late = new AuthLogic(AuthConfig.of(TIMEOUT, SelectionAlgorithm.PlugEvents), 2);
        late.onToken(token("C"));
        TimerId pending = startedTimer(late.onValidated(token("C"), result(AuthorizationStatus.Accepted)));
        assertThat(late.onTimeout(pending)).containsExactly(status("C", TokenValidationStatus.TimedOut));
        assertThat(of(late.onSessionEvent(0, event(SessionEventEnum.SessionStarted)), AuthAction.Authorize.class))
                .isEmpty();
    }

    @Test
    void aFaultedEvseIsSkippedUnlessFaultsAreIgnored() {
        one.onFault(0, true);
        assertThat(one.onToken(token("A"))).containsExactly(status("A", TokenValidationStatus.Rejected));
        one.onFault(0, false);
        assertThat(of(one.onToken(token("A")), AuthAction.Validate.class)).hasSize(1);

        AuthLogic tolerant = new AuthLogic(new AuthConfig(TIMEOUT, SelectionAlgorithm.FindFirst, "", true, true,
                false), 1);
        tolerant.onFault(0, true);
        tolerant.onToken(token("B"));
        assertThat(authorized(tolerant.onValidated(token("B"), result(AuthorizationStatus.Accepted)))).isZero();
    }

    @Test
    void aDisabledEvseIsNotAuthorized() {
        one.onSessionEvent(0, event(SessionEventEnum.Disabled));
        assertThat(one.onToken(token("A"))).containsExactly(status("A", TokenValidationStatus.Rejected));
        one.onSessionEvent(0, event(SessionEventEnum.Enabled));
        assertThat(of(one.onToken(token("A")), AuthAction.Validate.class)).hasSize(1);
    }

    @Test
    void aMasterPassStopsATransactionButNeverStartsOne() {
        AuthLogic logic = new AuthLogic(new AuthConfig(TIMEOUT, SelectionAlgorithm.FindFirst, "POLICE", true, false,
                false), 1);
        ValidationResult master = withParent(result(AuthorizationStatus.Accepted), "police");
        logic.onToken(token("M"));
        assertThat(logic.onValidated(token("M"), master)).containsExactly(status("M", TokenValidationStatus.Rejected));

        logic.onSessionEvent(0, event(SessionEventEnum.SessionStarted));
        logic.onToken(token("USER"));
        logic.onValidated(token("USER"), result(AuthorizationStatus.Accepted));
        logic.onSessionEvent(0, transactionStarted("USER"));
        logic.onToken(token("M"));
        assertThat(of(logic.onValidated(token("M"), master), AuthAction.Stop.class)).singleElement()
                .satisfies(s -> assertThat(s.request().reason()).isEqualTo(StopTransactionReason.MasterPass));
    }

    @Test
    void aTokenOfTheSameGroupStopsTheTransactionWhenNoEvseIsFree() {
        ValidationResult group = withParent(result(AuthorizationStatus.Accepted), "FAMILY");
        one.onSessionEvent(0, event(SessionEventEnum.SessionStarted));
        one.onToken(token("MUM"));
        one.onValidated(token("MUM"), group);
        one.onSessionEvent(0, transactionStarted("MUM"));
        one.onToken(token("DAD"));
        assertThat(of(one.onValidated(token("DAD"), group), AuthAction.Stop.class)).singleElement()
                .satisfies(s -> assertThat(s.request().idTag().idToken().value()).isEqualTo("DAD"));

        AuthLogic stopFirst = new AuthLogic(new AuthConfig(TIMEOUT, SelectionAlgorithm.FindFirst, "", false, false,
                false), 2);
        stopFirst.onToken(token("MUM"));
        stopFirst.onValidated(token("MUM"), group);
        stopFirst.onSessionEvent(0, event(SessionEventEnum.SessionStarted));
        stopFirst.onSessionEvent(0, transactionStarted("MUM"));
        stopFirst.onToken(token("DAD"));
        assertThat(of(stopFirst.onValidated(token("DAD"), group), AuthAction.Stop.class)).hasSize(1);
    }

    @Test
    void withdrawTakesBackAGrantedAuthorization() {
        assertThat(one.withdraw(new WithdrawAuthorizationRequest(null, null)).result())
                .isEqualTo(WithdrawAuthorizationResult.AuthorizationNotFound);
        assertThat(one.withdraw(new WithdrawAuthorizationRequest(2, null)).result())
                .isEqualTo(WithdrawAuthorizationResult.EvseNotFound);
        one.onToken(token("A"));
        one.onValidated(token("A"), result(AuthorizationStatus.Accepted));
        AuthLogic.Withdrawal w = one.withdraw(new WithdrawAuthorizationRequest(1, new IdToken("a", IdTokenType.Local,
                null)));
        assertThat(w.result()).isEqualTo(WithdrawAuthorizationResult.Accepted);
        assertThat(w.actions()).contains(new AuthAction.Withdraw(0));
        assertThat(one.isAuthorized(0)).isFalse();
    }

    @Test
    void withPlugInTimeoutAnEvThatWaitedTooLongIsNotChosen() {
        AuthLogic two = new AuthLogic(new AuthConfig(TIMEOUT, SelectionAlgorithm.PlugEvents, "", true, false, true),
                2);
        TimerId plugIn = startedTimer(two.onSessionEvent(0, event(SessionEventEnum.SessionStarted)));
        assertThat(plugIn.kind()).isEqualTo(TimerId.Kind.PLUG_IN);
        two.onTimeout(plugIn);
        two.onSessionEvent(1, event(SessionEventEnum.SessionStarted));
        two.onToken(token("A"));
        assertThat(authorized(two.onValidated(token("A"), result(AuthorizationStatus.Accepted)))).isEqualTo(1);
    }

    @Test
    void aPrevalidatedTokenSkipsTheValidators() {
        ProvidedIdToken pre = token("P").toBuilder().prevalidated(true).build();
        List<AuthAction> out = one.onToken(pre);
        assertThat(of(out, AuthAction.Validate.class)).isEmpty();
        assertThat(of(out, AuthAction.Authorize.class)).hasSize(1);
    }

    static ProvidedIdToken token(String value) {
        return ProvidedIdToken.builder().idToken(new IdToken(value, IdTokenType.Local, null))
                .authorizationType(AuthorizationType.RFID).build();
    }

    static ValidationResult result(AuthorizationStatus status) {
        return new ValidationResult(status, null, List.of(), null, null, null, null, null);
    }

    private static ValidationResult withParent(ValidationResult r, String parent) {
        return r.toBuilder().parentIdToken(new IdToken(parent, IdTokenType.Central, null)).build();
    }

    static SessionEvent event(SessionEventEnum e) {
        return SessionEvent.builder().uuid("s").timestamp("2026-01-01T00:00:00Z").event(e).build();
    }

    private static SessionEvent transactionStarted(String token) {
        return SessionEvent.builder().uuid("s").timestamp("2026-01-01T00:00:00Z")
                .event(SessionEventEnum.TransactionStarted)
                .transactionStarted(dev.pylon.api.types.evsemanager.TransactionStarted.builder().idTag(token(token))
                        .meterValue(dev.pylon.api.types.powermeter.Powermeter.builder().timestamp("2026-01-01T00:00:00Z")
                                .energyWhImport(new dev.pylon.api.types.units.Energy(0, null, null, null)).build())
                        .build())
                .build();
    }

    private static AuthAction.Status status(String token, TokenValidationStatus status) {
        return new AuthAction.Status(new dev.pylon.api.types.authorization.TokenValidationStatusMessage(token(token),
                status, null));
    }

    private static <T> List<T> of(List<AuthAction> actions, Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static int authorized(List<AuthAction> actions) {
        List<AuthAction.Authorize> a = of(actions, AuthAction.Authorize.class);
        assertThat(a).hasSize(1);
        return a.get(0).evse();
    }

    private static TimerId startedTimer(List<AuthAction> actions) {
        List<AuthAction.StartTimer> started = of(actions, AuthAction.StartTimer.class);
        assertThat(started).hasSize(1);
        return started.get(0).id();
    }
}
