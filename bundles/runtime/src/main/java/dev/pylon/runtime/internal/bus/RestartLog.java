package dev.pylon.runtime.internal.bus;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The last failure and the last restart of each module, as the console shows them. */
final class RestartLog {
    /** A module's component failed to activate. */
    record Failure(Instant at, String reason) {
    }

    /** A module was restarted: {@code cause} is {@code backoff} (after a failure) or {@code console}. */
    record Restart(Instant at, String cause) {
    }

    private final Clock clock;
    private final Map<String, Failure> failures = new HashMap<>(); // guarded by this
    private final Map<String, Restart> restarts = new HashMap<>(); // guarded by this

    RestartLog(Clock clock) {
        this.clock = clock;
    }

    synchronized void failed(String moduleId, String reason) {
        failures.put(moduleId, new Failure(clock.instant(), reason));
    }

    synchronized void restarted(String moduleId, String cause) {
        restarts.put(moduleId, new Restart(clock.instant(), cause));
    }

    synchronized Failure lastFailure(String moduleId) {
        return failures.get(moduleId);
    }

    synchronized Restart lastRestart(String moduleId) {
        return restarts.get(moduleId);
    }
}
