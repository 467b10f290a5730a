package dev.pylon.energynode.internal;

import dev.pylon.api.energy.Energy;
import dev.pylon.api.types.energy.EnforcedLimits;
import dev.pylon.runtime.Timers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An energy consumer (an EVSE manager's energy_grid) that applies limits as EVerest's EvseManager does. */
final class FakeConsumer implements Energy {
    private final Timers timers;
    final List<EnforcedLimits> received = new ArrayList<>();
    private Instant validUntil = Instant.MIN;

    FakeConsumer(Timers timers) {
        this.timers = timers;
    }

    @Override
    public void enforceLimits(EnforcedLimits value) {
        received.add(value);
        validUntil = timers.now().plusSeconds(value.validFor());
    }

    Instant validUntil() {
        return validUntil;
    }

    /** The current it may draw now: the last limit while valid, 0 A once it has expired. */
    double currentA() {
        if (received.isEmpty() || !timers.now().isBefore(validUntil)) {
            return 0;
        }
        return received.get(received.size() - 1).limitsRootSide().acMaxCurrentA().value();
    }
}
