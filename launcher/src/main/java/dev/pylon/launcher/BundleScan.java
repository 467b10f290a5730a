package dev.pylon.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What the staged jars carry, read without installing them: the module manifests ({@code modules/<Module>/manifest.yaml},
 * so module name → bundle) and the jar that carries the contract ({@code pylon-contract/index.txt}, the API bundle).
 */
public final class BundleScan {
    private static final Pattern MANIFEST = Pattern.compile("modules/([^/]+)/manifest\\.yaml");
    private static final String CONTRACT_INDEX = "pylon-contract/index.txt";

    /** A module manifest inside a staged jar. */
    public record ModuleSource(String moduleName, Path jar, String entry, String text) {
        /** How problems name it: {@code jar!/modules/X/manifest.yaml}. */
        public String source() {
            return jar.getFileName() + "!/" + entry;
        }
    }

    private final Map<String, ModuleSource> modules;
    private final Set<Path> moduleJars;
    private final Path contractJar;

    private BundleScan(Map<String, ModuleSource> modules, Set<Path> moduleJars, Path contractJar) {
        this.modules = modules;
        this.moduleJars = moduleJars;
        this.contractJar = contractJar;
    }

    /** @throws LaunchException when a jar cannot be read or two jars carry the same module */
    public static BundleScan scan(List<Path> jars) throws LaunchException {
        Map<String, ModuleSource> modules = new LinkedHashMap<>();
        Set<Path> moduleJars = new LinkedHashSet<>();
        Path contractJar = null;
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                    ZipEntry entry = entries.nextElement();
                    Matcher m = MANIFEST.matcher(entry.getName());
                    if (m.matches()) {
                        ModuleSource module = new ModuleSource(m.group(1), jar, entry.getName(), read(zip, entry));
                        ModuleSource other = modules.putIfAbsent(module.moduleName(), module);
                        if (other != null) {
                            throw new LaunchException(ExitCode.FRAMEWORK_FAILED, "module " + module.moduleName()
                                    + " is carried by two staged bundles: " + other.source() + " and " + module.source());
                        }
                        moduleJars.add(jar);
                    } else if (entry.getName().equals(CONTRACT_INDEX) && contractJar == null) {
                        contractJar = jar;
                    }
                }
            } catch (IOException e) {
                throw new LaunchException(ExitCode.FRAMEWORK_FAILED, "cannot read staged bundle " + jar + ": "
                        + e.getMessage(), e);
            }
        }
        return new BundleScan(modules, moduleJars, contractJar);
    }

    private static String read(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every module found, by module name. */
    public Map<String, ModuleSource> modules() {
        return modules;
    }

    /** The jars that carry at least one module. */
    public Set<Path> moduleJars() {
        return moduleJars;
    }

    /** The jar carrying the contract (the API bundle), or null. */
    public Path contractJar() {
        return contractJar;
    }
}
