package dev.pylon.boardsupport.sim.internal.connectorlock;

import dev.pylon.api.connectorlock.ConnectorLock;
import dev.pylon.boardsupport.sim.internal.sim.YetiSimulation;
import java.util.concurrent.Executor;

/** Implementation {@code connector_lock}: a lock that always follows its cmds (failures come only by injection). */
public final class ConnectorLockImpl implements ConnectorLock {
    private final YetiSimulation sim;
    private final Executor serial;

    public ConnectorLockImpl(YetiSimulation sim, Executor serial) {
        this.sim = sim;
        this.serial = serial;
    }

    @Override
    public void lock() {
        serial.execute(sim::lock);
    }

    @Override
    public void unlock() {
        serial.execute(sim::unlock);
    }

    @Override
    public String toString() {
        return "YetiSimulator connector_lock";
    }
}
