package dev.pylon.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractSourcesTest {
    @TempDir
    Path temp;

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The fixture contract as a folder tree {@code <root>/interfaces|types|errors/*.yaml}. */
    private static void writeContract(Path root) throws IOException {
        write(root.resolve("interfaces/board.yaml"), Fixtures.BOARD_INTERFACE);
        write(root.resolve("types/common.yaml"), Fixtures.COMMON_TYPES);
        write(root.resolve("types/board.yaml"), Fixtures.BOARD_TYPES);
        write(root.resolve("errors/board.yaml"), Fixtures.BOARD_ERRORS);
        write(root.resolve("errors/generic.yaml"), Fixtures.GENERIC_ERRORS);
    }

    private static List<String> describe(List<SourceFile> files) {
        return files.stream().map(f -> f.kind() + " " + f.stem() + " " + f.path()).toList();
    }

    @Test
    void fromDirectoryFindsEveryKindAndNamesFilesRelativeToTheDisplayBase() throws IOException {
        Path root = temp.resolve("project/interfaces");
        writeContract(root);
        write(root.resolve("types/README.md"), "not a contract file");
        write(root.resolve("interfaces/draft.yml"), "description: wrong extension, ignored");
        write(root.resolve("src/main/java/Unrelated.yaml"), "description: outside the three folders");

        List<SourceFile> files = ContractSources.fromDirectory(root, temp.resolve("project"));

        assertEquals(List.of(
                "INTERFACE board interfaces/interfaces/board.yaml",
                "TYPES board interfaces/types/board.yaml",
                "TYPES common interfaces/types/common.yaml",
                "ERRORS board interfaces/errors/board.yaml",
                "ERRORS generic interfaces/errors/generic.yaml"), describe(files));
        assertEquals(Fixtures.BOARD_INTERFACE, files.get(0).text());
        // and what was found is a loadable contract
        assertEquals(List.of("setting", "phases", "temperature_C"),
                List.copyOf(ContractLoader.load(files).requireInterface("board").vars().keySet()));
    }

    @Test
    void problemsInFilesFromADirectoryNameThePathRelativeToTheDisplayBase() throws IOException {
        Path root = temp.resolve("repo/contract");
        writeContract(root);
        write(root.resolve("errors/generic.yaml"), "description: Broken.\nerrors: [\n");

        ContractException e = assertThrows(ContractException.class,
                () -> ContractLoader.load(ContractSources.fromDirectory(root, temp.resolve("repo"))));

        assertTrue(e.getMessage().contains("contract/errors/generic.yaml:"), e.getMessage());
    }

    @Test
    void fromDirectoryWithoutContractFoldersFindsNothing() {
        assertEquals(List.of(), ContractSources.fromDirectory(temp, temp));
    }

    @Test
    void fromClassLoaderReadsTheFilesListedInTheIndex() throws IOException {
        Path resources = temp.resolve("bundle");
        writeContract(resources.resolve("pylon-contract"));
        write(resources.resolve("pylon-contract/types/unlisted.yaml"), "description: not in the index, not read");
        write(resources.resolve(ContractSources.INDEX), """
                interfaces/board.yaml
                types/common.yaml

                types/board.yaml
                errors/board.yaml
                errors/generic.yaml
                """);

        List<SourceFile> files;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {resources.toUri().toURL()}, null)) {
            files = ContractSources.fromClassLoader(loader);
        }

        assertEquals(List.of(
                "INTERFACE board pylon-contract/interfaces/board.yaml",
                "TYPES common pylon-contract/types/common.yaml",
                "TYPES board pylon-contract/types/board.yaml",
                "ERRORS board pylon-contract/errors/board.yaml",
                "ERRORS generic pylon-contract/errors/generic.yaml"), describe(files));
        assertEquals(Fixtures.COMMON_TYPES, files.get(1).text());
        assertEquals(List.of("board/MREC2GroundFailure", "board/OverTemperature", "generic/VendorError"),
                ContractLoader.load(files).requireInterface("board").errors());
    }

    @Test
    void fromClassLoaderWithoutIndexSaysWhatIsMissing() throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {temp.toUri().toURL()}, null)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ContractSources.fromClassLoader(loader));
            assertTrue(e.getMessage().contains(ContractSources.INDEX), e.getMessage());
        }
    }

    @Test
    void fromClassLoaderNamesAFileTheIndexListsButTheBundleLacks() throws IOException {
        write(temp.resolve(ContractSources.INDEX), "types/common.yaml\ntypes/gone.yaml\n");
        write(temp.resolve("pylon-contract/types/common.yaml"), Fixtures.COMMON_TYPES);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {temp.toUri().toURL()}, null)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ContractSources.fromClassLoader(loader));
            assertTrue(e.getMessage().contains("pylon-contract/types/gone.yaml"), e.getMessage());
        }
    }

    @Test
    void fromClassLoaderRejectsAnUnknownFolderInTheIndex() throws IOException {
        write(temp.resolve(ContractSources.INDEX), "schemas/common.yaml\n");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {temp.toUri().toURL()}, null)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ContractSources.fromClassLoader(loader));
            assertTrue(e.getMessage().contains("'schemas'"), e.getMessage());
        }
    }
}
