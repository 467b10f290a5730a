package dev.pylon.launcher.logging;

import java.util.logging.LogManager;

/**
 * The JDK's LogManager resets (removes every handler) from its own shutdown hook, which can run before Pylon's hook
 * has stopped the framework: the bundles' last words and "stopped cleanly" would be lost. This one ignores that
 * reset. {@link dev.pylon.launcher.Main} installs it through {@code java.util.logging.manager} before anything logs.
 */
public final class ShutdownSafeLogManager extends LogManager {
    private static final String CLEANER = "java.util.logging.LogManager$Cleaner";

    @Override
    public void reset() {
        if (!Thread.currentThread().getClass().getName().equals(CLEANER)) {
            super.reset();
        }
    }
}
