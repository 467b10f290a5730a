package dev.pylon.evsemanager.internal.iec;

import dev.pylon.evsemanager.internal.action.Action;
import java.util.List;

/** The result of one IEC transition: the next state, the events for the session layer and the actions, in order. */
public record IecStep(IecState next, List<CpEvent> events, List<Action> actions) {
    public IecStep {
        events = List.copyOf(events);
        actions = List.copyOf(actions);
    }
}
