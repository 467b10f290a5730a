package dev.pylon.tools.codegen;

import dev.pylon.contract.Contract;
import dev.pylon.contract.ContractException;
import dev.pylon.contract.ContractLoader;
import dev.pylon.contract.ContractSources;
import dev.pylon.contract.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The build step that makes the API from the contract. Arguments: the contract folder (with {@code interfaces/},
 * {@code types/}, {@code errors/}), the folder problems are reported relative to, the generated-sources folder, the
 * generated-resources folder (the contract is packaged there with an index), and the generated-docs folder.
 * A contract problem fails the build with every problem listed as {@code file:line:column: message}.
 */
public final class Main {
    private Main() {
    }

    /**
     * Runs inside Maven's JVM (exec:java), so it reports failure by throwing, never by {@code System.exit}: the build
     * then fails with the problems in its summary.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            throw new IllegalArgumentException(
                    "usage: Main <contract dir> <report base dir> <sources out> <resources out> <docs out>");
        }
        try {
            int count = generate(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), Path.of(args[4]));
            System.out.println("[pylon-codegen] wrote " + count + " Java sources from " + args[0]);
        } catch (ContractException e) {
            System.err.println("[pylon-codegen] " + e.getMessage());
            throw e;
        }
    }

    /** Generates everything and returns how many Java sources were written; throws on contract problems. */
    public static int generate(Path contractDir, Path reportBase, Path sourcesOut, Path resourcesOut, Path docsOut)
            throws IOException {
        List<SourceFile> files = ContractSources.fromDirectory(contractDir, reportBase);
        if (files.isEmpty()) {
            throw new IOException("no contract files under " + contractDir.toAbsolutePath());
        }
        Contract contract = ContractLoader.load(files);
        Map<String, String> sources = Generator.sources(contract);
        for (Map.Entry<String, String> source : sources.entrySet()) {
            write(sourcesOut.resolve(source.getKey()), source.getValue());
        }
        removeStale(sourcesOut, sources.keySet());
        StringBuilder index = new StringBuilder();
        for (SourceFile file : files) {
            String relative = file.kind().folder() + "/" + file.stem() + ".yaml";
            write(resourcesOut.resolve(ContractSources.RESOURCE_ROOT + relative), file.text());
            index.append(relative).append('\n');
        }
        write(resourcesOut.resolve(ContractSources.INDEX), index.toString());
        write(docsOut.resolve("interfaces.md"), DocsWriter.markdown(contract));
        return sources.size();
    }

    /** A type removed from the contract must disappear from the API, not linger from an earlier build. */
    private static void removeStale(Path sourcesOut, java.util.Set<String> current) throws IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(sourcesOut)) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (!current.contains(sourcesOut.relativize(file).toString().replace('\\', '/'))) {
                    Files.delete(file);
                }
            }
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        // Unchanged files keep their timestamp, so an unchanged contract does not recompile the API.
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
            return;
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
