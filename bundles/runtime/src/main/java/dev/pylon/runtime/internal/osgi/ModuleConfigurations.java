package dev.pylon.runtime.internal.osgi;

import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.config.ComponentProperties;
import dev.pylon.runtime.config.ModuleInstance;
import dev.pylon.runtime.config.RuntimeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Writes one ConfigAdmin factory configuration per module instance: factory PID = module name (the DS component
 * name), name = module id, properties from {@link ComponentProperties}. Location {@code "?"} lets SCR in any module
 * bundle use it, including a second bundle version installed beside the first.
 */
final class ModuleConfigurations {
    private static final System.Logger LOG = System.getLogger(ModuleConfigurations.class.getName());
    /** Any bundle may receive the configuration (multi-location binding). */
    static final String ANY_LOCATION = "?";

    private final ConfigurationAdmin configAdmin;
    private final RuntimeConfig config;

    ModuleConfigurations(ConfigurationAdmin configAdmin, RuntimeConfig config) {
        this.configAdmin = configAdmin;
        this.config = config;
    }

    /** Deletes configurations of module instances the config no longer has, then writes every module's. */
    void apply() {
        for (Configuration existing : list()) {
            Object moduleId = existing.getProperties() == null ? null : existing.getProperties().get(ModuleBus.MODULE_ID);
            ModuleInstance instance = moduleId instanceof String id ? config.modules().get(id) : null;
            if (instance == null || !instance.moduleName().equals(existing.getFactoryPid())) {
                LOG.log(Level.INFO, () -> "deleting stale configuration " + existing.getPid());
                delete(existing);
            }
        }
        config.modules().keySet().forEach(this::write);
    }

    /** Creates or updates the factory configuration of {@code moduleId}. */
    void write(String moduleId) {
        ModuleInstance instance = config.modules().get(moduleId);
        Map<String, Object> properties = ComponentProperties.of(config, moduleId);
        try {
            Configuration configuration = configAdmin.getFactoryConfiguration(instance.moduleName(), moduleId,
                    ANY_LOCATION);
            configuration.updateIfDifferent(new Hashtable<>(properties));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the configuration of module " + moduleId, e);
        }
    }

    /** Restarts {@code moduleId}: its component configuration is disposed of and created anew. */
    void recreate(String moduleId) {
        ModuleInstance instance = config.modules().get(moduleId);
        try {
            delete(configAdmin.getFactoryConfiguration(instance.moduleName(), moduleId, ANY_LOCATION));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the configuration of module " + moduleId, e);
        }
        write(moduleId);
    }

    /** Deletes every module configuration, which stops every module instance. */
    void deleteAll() {
        for (Configuration configuration : list()) {
            delete(configuration);
        }
    }

    private Configuration[] list() {
        try {
            Configuration[] all = configAdmin.listConfigurations("(" + ModuleBus.MODULE_ID + "=*)");
            return all == null ? new Configuration[0] : all;
        } catch (IOException | InvalidSyntaxException e) {
            LOG.log(Level.WARNING, "cannot list module configurations", e);
            return new Configuration[0];
        }
    }

    private void delete(Configuration configuration) {
        try {
            configuration.delete();
        } catch (IOException | IllegalStateException e) { // already deleted
            LOG.log(Level.DEBUG, () -> "deleting " + configuration + ": " + e);
        }
    }
}
