package dev.pylon.evsemanager.internal.session;

import dev.pylon.evsemanager.internal.action.Action;
import dev.pylon.evsemanager.internal.action.TimerId;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The actions the logic produced and the shell has not taken yet, in order. */
public final class Outbox {
    /** Implementation id of the evse_manager interface in the manifest. */
    public static final String EVSE = "evse";
    /** Implementation id of the energy interface in the manifest. */
    public static final String ENERGY_GRID = "energy_grid";

    private final ArrayDeque<Action> queue = new ArrayDeque<>();

    public void add(Action action) {
        queue.add(action);
    }

    public void addAll(Collection<? extends Action> actions) {
        queue.addAll(actions);
    }

    /** The next action to apply, or {@code null}. */
    public Action poll() {
        return queue.poll();
    }

    /** Takes every queued action (tests and simple shells). */
    public List<Action> takeAll() {
        List<Action> all = new ArrayList<>(queue);
        queue.clear();
        return all;
    }

    public boolean isEmpty() {
        return queue.isEmpty();
    }

    void publish(String var, Object value) {
        add(new Action.Publish(EVSE, var, value));
    }

    void publishEnergy(String var, Object value) {
        add(new Action.Publish(ENERGY_GRID, var, value));
    }

    void startTimer(TimerId id, Duration delay) {
        add(new Action.StartTimer(id, delay));
    }

    void cancelTimer(TimerId id) {
        add(new Action.CancelTimer(id));
    }

    void log(System.Logger.Level level, String message) {
        add(new Action.Log(level, message));
    }
}
