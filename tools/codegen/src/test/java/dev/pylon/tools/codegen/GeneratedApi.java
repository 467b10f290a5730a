package dev.pylon.tools.codegen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Writes the fixture contract, runs the generator on it, and compiles what it generated. */
final class GeneratedApi {
    static final List<String> FIXTURE = List.of("interfaces/board.yaml", "types/common.yaml", "types/board.yaml",
            "errors/board.yaml", "errors/generic.yaml");

    private GeneratedApi() {
    }

    /** A project folder holding the fixture under {@code contract/}; problems are reported relative to it. */
    static Path writeFixture(Path project) throws IOException {
        for (String file : FIXTURE) {
            try (InputStream in = GeneratedApi.class.getResourceAsStream("/fixture/" + file)) {
                Path target = project.resolve("contract").resolve(file);
                Files.createDirectories(target.getParent());
                Files.write(target, in.readAllBytes());
            }
        }
        return project.resolve("contract");
    }

    static int generate(Path project) throws IOException {
        return Main.generate(project.resolve("contract"), project, project.resolve("src"), project.resolve("res"),
                project.resolve("docs"));
    }

    /** The hand-written part of dev.pylon.api, read from the interfaces module next to this one. */
    static Path apiSources() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path api = module.resolve("../../interfaces/src/main/java/dev/pylon/api").normalize();
        assertTrue(Files.isDirectory(api), "hand-written API sources not found at " + api);
        return api;
    }

    static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** Compiles generated and hand-written sources with the build's lint settings; any error or warning fails. */
    static Path compile(Path generated, Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertTrue(javac != null, "tests must run on a JDK");
        List<Path> inputs = new ArrayList<>(javaFiles(generated));
        inputs.addAll(javaFiles(apiSources()));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-proc:none", "-Xlint:all,-processing,-serial",
                    "-classpath", System.getProperty("java.class.path"), "-d", out.toString());
            boolean ok = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(inputs)).call();
            List<Diagnostic<? extends JavaFileObject>> problems = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() != Diagnostic.Kind.NOTE).toList();
            assertTrue(ok && problems.isEmpty(), () -> "generated API does not compile cleanly:\n" + problems);
        }
        return out;
    }
}
