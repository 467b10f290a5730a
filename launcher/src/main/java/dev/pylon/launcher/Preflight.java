package dev.pylon.launcher;

import dev.pylon.contract.Contract;
import dev.pylon.contract.ContractException;
import dev.pylon.contract.ContractLoader;
import dev.pylon.contract.ContractSources;
import dev.pylon.contract.Problem;
import dev.pylon.runtime.config.ConfigException;
import dev.pylon.runtime.config.ConfigLoader;
import dev.pylon.runtime.config.Manifest;
import dev.pylon.runtime.config.ManifestLoader;
import dev.pylon.runtime.config.RuntimeConfig;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything checked before the framework starts: the contract carried by the staged API bundle, every module manifest
 * in the staged bundles, and the config against both. Nothing is started when any of it fails.
 */
public final class Preflight {
    private static final System.Logger LOG = System.getLogger("pylon");

    /** The config check; {@link ConfigLoader#load} in production. */
    @FunctionalInterface
    public interface ConfigCheck {
        RuntimeConfig load(String source, String yamlText, Map<String, Manifest> manifests, Contract contract);
    }

    private Preflight() {
    }

    /**
     * @param display how problems name the config file
     * @throws LaunchException {@link ExitCode#CONFIG_REJECTED} with every problem when anything is rejected
     */
    public static RuntimeConfig check(Path configFile, String display, BundleScan scan, ConfigCheck check)
            throws LaunchException {
        long start = System.nanoTime();
        Contract contract = contract(scan);
        long contractDone = System.nanoTime();
        Map<String, Manifest> manifests = manifests(scan);
        long manifestsDone = System.nanoTime();
        LOG.log(System.Logger.Level.DEBUG, () -> "contract loaded in " + (contractDone - start) / 1_000_000 + " ms, "
                + manifests.size() + " module manifests in " + (manifestsDone - contractDone) / 1_000_000 + " ms");
        String text;
        try {
            text = Files.readString(configFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LaunchException(ExitCode.BAD_ARGUMENTS, "cannot read config " + display + ": " + e.getMessage(), e);
        }
        try {
            return check.load(display, text, manifests, contract);
        } catch (ConfigException e) {
            throw new LaunchException(ExitCode.CONFIG_REJECTED, e.getMessage(), e);
        }
    }

    /** The contract as the API bundle that will be installed carries it. */
    static Contract contract(BundleScan scan) throws LaunchException {
        if (scan.contractJar() == null) {
            throw new LaunchException(ExitCode.FRAMEWORK_FAILED, "no staged bundle carries the contract "
                    + "(pylon-contract/index.txt): is dev.pylon.api staged?");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {scan.contractJar().toUri().toURL()}, null)) {
            return ContractLoader.load(ContractSources.fromClassLoader(loader));
        } catch (ContractException e) {
            throw new LaunchException(ExitCode.CONFIG_REJECTED, scan.contractJar().getFileName() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new LaunchException(ExitCode.FRAMEWORK_FAILED, "cannot read " + scan.contractJar() + ": " + e.getMessage(), e);
        }
    }

    /** Every staged module manifest, checked; the problems of all of them are reported together. */
    static Map<String, Manifest> manifests(BundleScan scan) throws LaunchException {
        Map<String, Manifest> manifests = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (BundleScan.ModuleSource module : scan.modules().values()) {
            try {
                manifests.put(module.moduleName(), ManifestLoader.load(module.moduleName(), module.source(), module.text()));
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new LaunchException(ExitCode.CONFIG_REJECTED, new ConfigException(problems).getMessage());
        }
        return manifests;
    }
}
