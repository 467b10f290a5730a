package dev.pylon.launcher;

import dev.pylon.launcher.logging.FelixLog;
import dev.pylon.launcher.logging.LogLevel;
import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.console.ConsoleProtocol;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.framework.Constants;

/** The properties the embedded framework starts with. */
public final class FrameworkProperties {
    /** The framework property the runtime bundle reads: the absolute path of the config file. */
    public static final String CONFIG = ModuleBus.CONFIG_PROPERTY;

    private FrameworkProperties() {
    }

    /**
     * @param config  the config file
     * @param storage the framework's cache, emptied at start
     * @param socket  the console socket the runtime listens on
     * @param shell   whether the Gogo shell reads the console
     */
    public static Map<String, Object> of(Path config, Path storage, Path socket, LogLevel level, boolean shell) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(Constants.FRAMEWORK_STORAGE, storage.toAbsolutePath().normalize().toString());
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        properties.put(CONFIG, config.toAbsolutePath().normalize().toString());
        properties.put(ConsoleProtocol.SOCKET_PROPERTY, socket.toAbsolutePath().normalize().toString());
        properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, slf4jExports(BuildInfo.slf4jVersion()));
        properties.put("felix.log.logger", new FelixLog());
        properties.put("felix.log.level", Integer.toString(level.felixLevel()));
        properties.put("ds.loglevel", level.scrLevel());
        // The shell bundle starts "gosh --login <gosh.args>"; without a console it must not read stdin.
        properties.put("gosh.args", shell ? "" : "--nointeractive");
        return properties;
    }

    /**
     * SLF4J comes from the launcher class path (bound to java.util.logging by slf4j-jdk14), so bundles import it from
     * the system bundle, with the exports the slf4j-api bundle itself declares: its packages at its version, and
     * {@code org.slf4j} and {@code org.slf4j.helpers} also as 1.7.36 for bundles built against SLF4J 1.x.
     */
    static String slf4jExports(String version) {
        return String.join(",",
                "org.slf4j;version=" + version,
                "org.slf4j.event;version=" + version,
                "org.slf4j.helpers;version=" + version,
                "org.slf4j.spi;version=" + version,
                "org.slf4j;version=1.7.36",
                "org.slf4j.helpers;version=1.7.36");
    }
}
