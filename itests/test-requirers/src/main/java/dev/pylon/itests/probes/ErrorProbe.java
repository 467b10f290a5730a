package dev.pylon.itests.probes;

import dev.pylon.api.ErrorObject;
import java.util.List;

/** The error events a module received (raised and cleared), in order (TestLockUser, TestMonitor). */
public interface ErrorProbe {
    List<ErrorObject> errors();
}
