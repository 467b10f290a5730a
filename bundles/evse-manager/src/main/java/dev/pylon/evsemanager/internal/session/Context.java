package dev.pylon.evsemanager.internal.session;

import dev.pylon.api.Severity;
import dev.pylon.evsemanager.internal.errors.ErrorTracker;
import dev.pylon.evsemanager.internal.iec.IecInput;
import dev.pylon.evsemanager.internal.iec.IecState;
import java.time.Instant;
import java.util.function.Supplier;

/** What the parts of the logic share: config, data, the outbox, the time, and a few services of {@link Charger}. */
final class Context {
    /** The IEC layer as the session layer sees it. */
    interface IecLink {
        IecState state();

        void send(IecInput input);
    }

    /** Services the facade offers to the state machine and the cmds. */
    interface Hooks {
        void requestEnergy(boolean priority);

        void clearErrorsOnUnplug();

        void authorizeFreeService();

        void raiseOwn(String type, String message, Severity severity);
    }

    final ChargerConfig cfg;
    final Session session = new Session();
    final Outbox out = new Outbox();
    final EnableTable enable = new EnableTable();
    final ErrorTracker errors = new ErrorTracker();
    final PowerBudget budget;
    final Supplier<Instant> clock;
    final Supplier<String> ids;
    IecLink iec;
    Hooks hooks;

    Context(ChargerConfig cfg, Supplier<Instant> clock, Supplier<String> ids) {
        this.cfg = cfg;
        this.clock = clock;
        this.ids = ids;
        this.budget = new PowerBudget(cfg.maxCurrentImportA(), cfg.nominalVoltage());
    }

    Instant now() {
        return clock.get();
    }

    String newSessionId() {
        return ids.get();
    }

    void requestEnergy(boolean priority) {
        hooks.requestEnergy(priority);
    }

    void clearErrorsOnUnplug() {
        hooks.clearErrorsOnUnplug();
    }

    void authorizeFreeService() {
        hooks.authorizeFreeService();
    }

    void raiseOwn(String type, String message, Severity severity) {
        hooks.raiseOwn(type, message, severity);
    }
}
