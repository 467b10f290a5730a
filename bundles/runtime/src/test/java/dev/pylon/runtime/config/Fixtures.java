package dev.pylon.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pylon.contract.Contract;
import dev.pylon.contract.ContractLoader;
import dev.pylon.contract.ContractSources;
import dev.pylon.contract.Problem;
import dev.pylon.contract.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test fixtures: Pylon's real contract (from the API bundle on the test class path), plus a test-only {@code auth}
 * interface when the contract has none; the fixture manifests under {@code fixture/modules/<Name>/manifest.yaml}
 * (shaped like EVerest's modules of the same names); and helpers to find lines and problems.
 */
final class Fixtures {
    static final String CONFIG = "config/test.yaml";
    static final List<String> MODULES = List.of("EvseManager", "YetiSimulator", "EvManager", "Auth",
            "DummyTokenProvider", "DummyTokenValidator", "EnergyNode");

    private static Contract contract;
    private static Map<String, Manifest> manifests;

    private Fixtures() {
    }

    static synchronized Contract contract() {
        if (contract == null) {
            List<SourceFile> files = new ArrayList<>(ContractSources.fromClassLoader(Fixtures.class.getClassLoader()));
            if (files.stream().noneMatch(f -> f.kind() == SourceFile.Kind.INTERFACE && f.stem().equals("auth"))) {
                files.add(new SourceFile(SourceFile.Kind.INTERFACE, "auth", "fixture/auth.interface.yaml",
                        resource("fixture/auth.interface.yaml")));
            }
            contract = ContractLoader.load(files);
        }
        return contract;
    }

    /** Every fixture manifest, loaded and checked against the contract, by module name. */
    static synchronized Map<String, Manifest> manifests() {
        if (manifests == null) {
            Map<String, Manifest> loaded = new LinkedHashMap<>();
            for (String name : MODULES) {
                String path = String.format(ManifestLoader.BUNDLE_PATH_PATTERN, name);
                loaded.put(name, ManifestLoader.load(name, path, resource("fixture/" + path), contract()));
            }
            manifests = Map.copyOf(loaded);
        }
        return manifests;
    }

    static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RuntimeConfig load(String text) {
        return ConfigLoader.load(CONFIG, text, manifests(), contract());
    }

    /** The problems of a config that must not load. */
    static List<Problem> configProblems(String text) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(text));
        assertThat(e).as("config should be rejected:\n%s", text).isNotNull();
        assertThat(e.getMessage()).contains(e.problems().size() + " problem");
        return e.problems();
    }

    /** The problems of a manifest that must not load. */
    static List<Problem> manifestProblems(String source, String text) {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> ManifestLoader.load("Probe", source, text, contract()));
        assertThat(e).as("manifest should be rejected:\n%s", text).isNotNull();
        return e.problems();
    }

    /** The 1-based line of the only line of {@code text} that contains {@code needle}. */
    static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        int found = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                assertThat(found).as("'%s' is on more than one line of the fixture", needle).isZero();
                found = i + 1;
            }
        }
        assertThat(found).as("fixture has no line containing '%s'", needle).isPositive();
        return found;
    }

    /** The single problem there is, checked to be in {@code file} on the line marked by {@code needle}. */
    static Problem onlyProblem(List<Problem> problems, String file, String text, String needle) {
        assertThat(problems).as("expected exactly one problem").hasSize(1);
        return problemAt(problems, file, text, needle);
    }

    /** The one problem in {@code file} on the line marked by {@code needle}. */
    static Problem problemAt(List<Problem> problems, String file, String text, String needle) {
        int line = lineOf(text, needle);
        List<Problem> found = problems.stream().filter(p -> p.file().equals(file) && p.line() == line).toList();
        assertThat(found).as("problems at %s:%d (marked by '%s') among %s", file, line, needle, problems).hasSize(1);
        Problem problem = found.get(0);
        assertThat(problem.column()).as("column of %s", problem).isPositive();
        assertThat(problem.toString()).startsWith(file + ":" + line + ":" + problem.column() + ": ");
        return problem;
    }
}
