package dev.pylon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/interfaces.md is generated from the contract; this fails when someone edits one without the other. */
class DocsInSyncTest {

    @Test
    void docsInterfacesMdIsTheGeneratedListing() throws Exception {
        Path generated = Path.of(System.getProperty("pylon.generated.docs"), "interfaces.md");
        Path committed = Path.of(System.getProperty("pylon.docs.dir"), "interfaces.md");
        assertEquals(Files.readString(generated), Files.exists(committed) ? Files.readString(committed) : "",
                "docs/interfaces.md is out of date: copy " + generated + " to " + committed);
    }
}
