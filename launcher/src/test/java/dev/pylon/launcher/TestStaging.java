package dev.pylon.launcher;

import dev.pylon.contract.ContractSources;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A staging folder for unit tests: a features file, an API jar carrying the contract (copied from the test class
 * path), and module jars carrying manifests. No jar here is installed in a framework.
 */
final class TestStaging {
    static final String API = "mvn:dev.pylon/dev.pylon.api/1.0.0";
    private final Path dir;

    TestStaging(Path dir) {
        this.dir = dir;
        Map<String, String> contract = new LinkedHashMap<>();
        String index = resource(ContractSources.INDEX);
        contract.put(ContractSources.INDEX, index);
        for (String line : index.split("\n")) {
            if (!line.isBlank()) {
                contract.put(ContractSources.RESOURCE_ROOT + line.strip(), resource(ContractSources.RESOURCE_ROOT + line.strip()));
            }
        }
        jar("dev.pylon.api-1.0.0.jar", contract);
    }

    Staging staging() {
        return new Staging(dir);
    }

    Path dir() {
        return dir;
    }

    /** Writes the features file: {@code <features>} around {@code body}. */
    TestStaging features(String body) {
        write(Staging.FEATURES_FILE, "<features name=\"test\" xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\">\n"
                + body + "\n</features>\n");
        return this;
    }

    /** A feature with the API bundle only. */
    TestStaging apiOnlyFeature(String name) {
        return features("<feature name=\"" + name + "\"><bundle>" + API + "</bundle></feature>");
    }

    /** A module bundle {@code artifact-1.0.0.jar} carrying {@code modules/<module>/manifest.yaml} for each entry. */
    Path moduleJar(String artifact, Map<String, String> manifests) {
        Map<String, String> entries = new LinkedHashMap<>();
        manifests.forEach((module, text) -> entries.put("modules/" + module + "/manifest.yaml", text));
        return jar(artifact + "-1.0.0.jar", entries);
    }

    Path jar(String fileName, Map<String, String> entries) {
        return jar(fileName, Map.of(), entries);
    }

    /** A jar with these manifest headers (a bundle when they name one). */
    Path jar(String fileName, Map<String, String> headers, Map<String, String> entries) {
        Path file = dir.resolve(fileName);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((name, value) -> manifest.getMainAttributes().putValue(name, value));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file), manifest)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    Path write(String fileName, String text) {
        try {
            return Files.writeString(dir.resolve(fileName), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = TestStaging.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
