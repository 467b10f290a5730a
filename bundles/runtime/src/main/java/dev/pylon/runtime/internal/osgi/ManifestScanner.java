package dev.pylon.runtime.internal.osgi;

import dev.pylon.contract.Contract;
import dev.pylon.contract.Problem;
import dev.pylon.runtime.config.ConfigException;
import dev.pylon.runtime.config.Manifest;
import dev.pylon.runtime.config.ManifestLoader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/**
 * Finds the module manifests of installed bundles: a module bundle carries each of its modules' manifests at
 * {@code modules/<ModuleName>/manifest.yaml}. Entries are read without resolving the bundle. When two bundles carry
 * the same module (side by side during an update), the higher bundle version wins.
 */
final class ManifestScanner {
    private static final System.Logger LOG = System.getLogger(ManifestScanner.class.getName());
    private static final String FOLDER = "modules/";

    private ManifestScanner() {
    }

    /**
     * The manifests by module name, checked against {@code contract}; a manifest that cannot be read or is rejected
     * adds to {@code problems}.
     */
    static Map<String, Manifest> scan(Bundle[] bundles, Contract contract, List<Problem> problems) {
        Map<String, Manifest> manifests = new LinkedHashMap<>();
        Map<String, Version> versions = new HashMap<>();
        for (Bundle bundle : bundles) {
            Enumeration<String> folders = bundle.getEntryPaths(FOLDER);
            if (folders == null) {
                continue;
            }
            while (folders.hasMoreElements()) {
                String folder = folders.nextElement(); // "modules/<Name>/"
                if (!folder.endsWith("/")) {
                    continue;
                }
                String moduleName = folder.substring(FOLDER.length(), folder.length() - 1);
                URL entry = bundle.getEntry(String.format(ManifestLoader.BUNDLE_PATH_PATTERN, moduleName));
                if (entry == null) {
                    continue;
                }
                Version known = versions.get(moduleName);
                if (known != null && known.compareTo(bundle.getVersion()) >= 0) {
                    LOG.log(Level.DEBUG, () -> "module " + moduleName + " of " + bundle + " ignored: version "
                            + known + " is installed too");
                    continue;
                }
                String source = bundle.getSymbolicName() + ":" + entry.getPath();
                try {
                    manifests.put(moduleName, ManifestLoader.load(moduleName, source, read(entry), contract));
                    versions.put(moduleName, bundle.getVersion());
                } catch (ConfigException e) {
                    problems.addAll(e.problems());
                } catch (IOException e) {
                    problems.add(new Problem(source, 0, 0, "cannot be read: " + e));
                }
            }
        }
        return manifests;
    }

    private static String read(URL entry) throws IOException {
        try (InputStream in = entry.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
