package dev.pylon.evsemanager.internal.session;

import dev.pylon.api.ErrorObject;
import dev.pylon.api.ErrorState;
import dev.pylon.api.ImplementationId;
import dev.pylon.api.Severity;
import dev.pylon.api.types.authorization.AuthorizationStatus;
import dev.pylon.api.types.authorization.AuthorizationType;
import dev.pylon.api.types.authorization.IdToken;
import dev.pylon.api.types.authorization.IdTokenType;
import dev.pylon.api.types.authorization.ProvidedIdToken;
import dev.pylon.api.types.authorization.ValidationResult;
import dev.pylon.api.types.boardsupportcommon.BspEvent;
import dev.pylon.api.types.energy.EnforcedLimits;
import dev.pylon.api.types.energy.LimitsRes;
import dev.pylon.api.types.energy.NumberWithSource;
import dev.pylon.api.types.evsemanager.EnableDisableSource;
import dev.pylon.api.types.evsemanager.StopTransactionReason;
import dev.pylon.api.types.evsemanager.StopTransactionRequest;
import dev.pylon.api.types.powermeter.Powermeter;
import dev.pylon.api.types.units.Current;
import dev.pylon.api.types.units.Energy;
import dev.pylon.evsemanager.internal.shell.DirectSerialContext;
import dev.pylon.evsemanager.internal.shell.Engine;
import dev.pylon.runtime.timers.SimulatedTimers;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One EvseManager logic in its shell, on simulated time and a {@link FakeWorld}: what a scenario test drives. All in
 * one thread; {@link #advance} runs the timers that fall due.
 */
final class Rig {
    static final String NODE = "connector_1";

    final SimulatedTimers timers = new SimulatedTimers();
    final FakeWorld world = new FakeWorld(timers::now);
    final Charger charger;
    final Engine engine;
    private int sessions;

    Rig() {
        this(ChargerConfig.builder(1, NODE).build());
    }

    Rig(ChargerConfig config) {
        charger = new Charger(config, timers::now, () -> "session-" + (++sessions));
        engine = new Engine(charger, timers, new DirectSerialContext(), world, Duration.ofSeconds(1));
    }

    /** A started EVSE, optionally with a power meter connected. */
    static Rig started(boolean powermeter) {
        Rig rig = new Rig();
        rig.start(powermeter);
        return rig;
    }

    Rig start(boolean powermeter) {
        engine.submit(Charger::start);
        if (powermeter) {
            engine.submit(c -> c.onProviders(true, false, true));
        }
        return this;
    }

    void input(Consumer<Charger> in) {
        engine.submit(in);
    }

    <T> T call(Function<Charger, T> cmd) {
        return engine.call(cmd);
    }

    boolean ask(java.util.function.Predicate<Charger> cmd) {
        return engine.call(cmd::test);
    }

    void cp(BspEvent.Event event) {
        input(c -> c.onBspEvent(event));
    }

    void advance(Duration d) {
        timers.advance(d);
    }

    void advanceSeconds(double s) {
        timers.advance(Duration.ofMillis((long) (s * 1000)));
    }

    void limits(double ampere, int validForSeconds) {
        EnforcedLimits limits = EnforcedLimits.builder()
                .uuid(NODE)
                .validFor(validForSeconds)
                .limitsRootSide(LimitsRes.builder().acMaxCurrentA(new NumberWithSource(ampere, "test")).build())
                .schedule(java.util.List.of())
                .build();
        input(c -> c.onEnforceLimits(limits));
    }

    static ProvidedIdToken token(String value) {
        return ProvidedIdToken.builder()
                .idToken(new IdToken(value, IdTokenType.ISO14443, null))
                .authorizationType(AuthorizationType.RFID)
                .build();
    }

    void authorize() {
        authorize("DEADBEEF");
    }

    void authorize(String tokenValue) {
        ValidationResult ok = ValidationResult.builder().authorizationStatus(AuthorizationStatus.Accepted)
                .tariffMessages(java.util.List.of()).build();
        input(c -> c.authorizeResponse(token(tokenValue), ok));
    }

    boolean stop(StopTransactionReason reason) {
        return call(c -> c.stopTransaction(new StopTransactionRequest(reason, null)));
    }

    boolean enable(EnableDisableSource.EnableSource source, EnableDisableSource.EnableState state, int priority) {
        return call(c -> c.enableDisable(0, new EnableDisableSource(source, state, priority)));
    }

    /** Raises ({@code active}) or clears an error of requirement {@code requirement}. */
    void error(String requirement, String type, Severity severity, boolean active) {
        ErrorObject e = new ErrorObject(type, "", "", "test", severity, new ImplementationId("board", requirement),
                DateTimeFormatter.ISO_INSTANT.format(timers.now()), "u-" + type,
                active ? ErrorState.Active : ErrorState.ClearedByModule, null);
        input(c -> c.onError(requirement, e));
    }

    void meter(double wh, Double currentL1) {
        Powermeter p = Powermeter.builder()
                .timestamp(DateTimeFormatter.ISO_INSTANT.format(timers.now()))
                .energyWhImport(new Energy(wh, null, null, null))
                .currentA(currentL1 == null ? null : new Current(null, currentL1, currentL1, currentL1, null))
                .build();
        input(c -> c.onPowermeter(p));
    }

    /** Plugs in, authorises and lets the EV ask for power with a 16 A limit: the rig is charging afterwards. */
    Rig charging() {
        limits(16, 3600);
        cp(BspEvent.Event.B);
        authorize();
        cp(BspEvent.Event.C);
        return this;
    }

    EvseState state() {
        return charger.state();
    }
}
