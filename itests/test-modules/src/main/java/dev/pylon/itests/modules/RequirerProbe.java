package dev.pylon.itests.modules;

import dev.pylon.api.ErrorObject;
import java.util.List;

/** What the TestRequirer module saw, for tests to assert on. */
public interface RequirerProbe {
    /** Every value of var {@code enabled} received from the connected simulator, in order. */
    List<Boolean> enabledValues();

    /** Every error event received from the connected simulator, in order. */
    List<ErrorObject> errors();
}
