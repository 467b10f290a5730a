package dev.pylon.itests.probes;

import dev.pylon.api.ErrorObject;
import java.util.List;

/** What a module that requires a car_simulator saw of it (TestRequirer, TestRelay). */
public interface RequirerProbe {
    /** Every value of var {@code enabled} received from the connected simulator, in order. */
    List<Boolean> enabledValues();

    /** Every error event received from the connected simulator, in order. */
    List<ErrorObject> errors();
}
