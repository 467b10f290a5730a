package dev.pylon.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where contract files come from: a folder tree (build time, tools) or the resources of the API bundle (run time). */
public final class ContractSources {
    /** The folder inside the API bundle that holds the contract files and their index. */
    public static final String RESOURCE_ROOT = "pylon-contract/";
    /** Lists the files under {@link #RESOURCE_ROOT}, one relative path per line; written by the code generator. */
    public static final String INDEX = RESOURCE_ROOT + "index.txt";

    private ContractSources() {
    }

    /**
     * Every {@code *.yaml} below {@code root/interfaces}, {@code root/types} and {@code root/errors}, named in problems
     * relative to {@code displayBase} (for example the project root, so problems read {@code interfaces/types/x.yaml}).
     */
    public static List<SourceFile> fromDirectory(Path root, Path displayBase) {
        List<SourceFile> files = new ArrayList<>();
        for (SourceFile.Kind kind : SourceFile.Kind.values()) {
            Path folder = root.resolve(kind.folder());
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> listing = Files.list(folder)) {
                for (Path file : listing.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                    String name = file.getFileName().toString();
                    String display = displayBase.toAbsolutePath().normalize()
                            .relativize(file.toAbsolutePath().normalize()).toString();
                    files.add(new SourceFile(kind, name.substring(0, name.length() - 5), display,
                            Files.readString(file, StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read contract folder " + folder, e);
            }
        }
        return files;
    }

    /** The contract packaged as resources (see {@link #INDEX}) and visible through {@code loader}. */
    public static List<SourceFile> fromClassLoader(ClassLoader loader) {
        List<SourceFile> files = new ArrayList<>();
        for (String relative : read(loader, INDEX).split("\n")) {
            String path = relative.strip();
            if (path.isEmpty()) {
                continue;
            }
            int slash = path.indexOf('/');
            SourceFile.Kind kind = kindOf(path.substring(0, slash));
            String name = path.substring(slash + 1);
            files.add(new SourceFile(kind, name.substring(0, name.length() - 5), RESOURCE_ROOT + path,
                    read(loader, RESOURCE_ROOT + path)));
        }
        return files;
    }

    private static SourceFile.Kind kindOf(String folder) {
        for (SourceFile.Kind kind : SourceFile.Kind.values()) {
            if (kind.folder().equals(folder)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown contract folder '" + folder + "' in " + INDEX);
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " not found: is the API bundle present?");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }
}
