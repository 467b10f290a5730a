package dev.pylon.runtime.internal.osgi;

import dev.pylon.api.Interfaces;
import dev.pylon.contract.Contract;
import dev.pylon.contract.ContractException;
import dev.pylon.contract.ContractLoader;
import dev.pylon.contract.ContractSources;
import dev.pylon.contract.Problem;
import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.config.ConfigException;
import dev.pylon.runtime.config.ConfigLoader;
import dev.pylon.runtime.config.Manifest;
import dev.pylon.runtime.config.RuntimeConfig;
import dev.pylon.runtime.internal.bus.BusSettings;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleContext;

/**
 * Where the runtime's config comes from inside OSGi: the file named by framework property {@code pylon.config}, the
 * manifests of the installed module bundles, and the contract packaged in the API bundle. Nothing is applied unless
 * all of it is valid; otherwise every problem is logged and handed back to the caller.
 */
final class ConfigSource {
    private static final System.Logger LOG = System.getLogger(ConfigSource.class.getName());

    /** A config checked against the manifests and the contract. */
    record Loaded(RuntimeConfig config, Contract contract) {
    }

    private ConfigSource() {
    }

    /**
     * The checked config, or empty when none is set or it was rejected; when rejected, every problem is logged and
     * added to {@code rejected} (so an empty result with no problems means no config was set).
     */
    static Optional<Loaded> load(BundleContext context, List<Problem> rejected) {
        String path = context.getProperty(ModuleBus.CONFIG_PROPERTY);
        if (path == null || path.isBlank()) {
            LOG.log(Level.INFO, "framework property " + ModuleBus.CONFIG_PROPERTY + " is not set: no modules to run");
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.ERROR, "cannot read the runtime config " + path + ": " + e);
            rejected.add(new Problem(path, 0, 0, "cannot be read: " + e));
            return Optional.empty();
        }
        Contract contract;
        try {
            contract = ContractLoader.load(ContractSources.fromClassLoader(Interfaces.class.getClassLoader()));
        } catch (ContractException | IllegalStateException e) {
            LOG.log(Level.ERROR, "cannot load the contract from the API bundle: " + e.getMessage());
            rejected.add(new Problem(path, 0, 0, "cannot load the contract from the API bundle: " + e.getMessage()));
            return Optional.empty();
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, Manifest> manifests = ManifestScanner.scan(context.getBundles(), contract, problems);
        try {
            RuntimeConfig config = ConfigLoader.load(path, text, manifests, contract);
            BusSettings.from(config.settings()); // the bus's own settings, checked before anything starts
            // a module the config uses has a valid manifest, so these belong to modules it does not use
            problems.forEach(p -> LOG.log(Level.WARNING, "module manifest ignored: " + p));
            return Optional.of(new Loaded(config, contract));
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(path, 0, 0, e.getMessage()));
        }
        LOG.log(Level.ERROR, problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + " in the configuration; no module is started:");
        problems.forEach(p -> LOG.log(Level.ERROR, "  " + p));
        rejected.addAll(problems);
        return Optional.empty();
    }
}
