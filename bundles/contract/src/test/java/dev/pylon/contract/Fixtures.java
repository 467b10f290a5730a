package dev.pylon.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

/**
 * A small but complete contract in EVerest's format: two type files (one {@code $ref}s the other), two error files
 * and one interface that uses all of them. Shared by the loader and validator tests.
 */
final class Fixtures {
    static final String COMMON_TYPES = """
            # SPDX-License-Identifier: Apache-2.0
            description: Types shared by several fixture interfaces.
            types:
              Phases:
                description: Number of phases in use.
                type: integer
                minimum: 1
                maximum: 3
              Limits:
                description: Current limits of the power path.
                type: object
                additionalProperties: false
                required:
                  - max_current_A
                properties:
                  max_current_A:
                    description: Highest current in A.
                    type: number
                    maximum: 80
                  min_current_A:
                    description: Lowest current in A.
                    type: number
                    minimum: 0
            """;

    static final String BOARD_TYPES = """
            description: Types of the fixture board.
            types:
              Mode:
                description: Operating mode.
                type: string
                enum:
                  - Idle
                  - ISO15118-2
                  - "3"
              Setting:
                description: A mode together with its limits.
                type: object
                required:
                  - mode
                  - limits
                properties:
                  mode:
                    description: Selected mode.
                    type: string
                    $ref: /board#/Mode
                  limits:
                    description: Limits that apply in this mode.
                    type: object
                    $ref: /common#/Limits
            """;

    static final String BOARD_ERRORS = """
            description: Errors a fixture board raises.
            errors:
              - name: MREC2GroundFailure
                description: Ground failure detected.
              - name: OverTemperature
                description: The board is too hot.
            """;

    static final String GENERIC_ERRORS = """
            description: Errors any module may raise.
            errors:
              - name: CommunicationFault
                description: Lost contact with the hardware.
              - name: VendorError
                description: A vendor-specific error.
            """;

    static final String BOARD_INTERFACE = """
            description: A fixture board support driver.
            x-vendor:
              id: 7
            cmds:
              set_mode:
                description: Selects the operating mode.
                arguments:
                  setting:
                    description: The mode and its limits.
                    type: object
                    $ref: /board#/Setting
                  phases:
                    description: Phases to use.
                    type: integer
                    $ref: /common#/Phases
                result:
                  description: True when the mode was applied.
                  type: boolean
                x-matter-command-id: 3
              enable:
                description: Makes the port available or not.
                arguments:
                  value:
                    description: True enables the port.
                    type: boolean
              reset:
                description: Resets the board.
            vars:
              setting:
                description: The current setting.
                type: object
                $ref: /board#/Setting
              phases:
                description: Phases in use.
                type: integer
                $ref: /common#/Phases
              temperature_C:
                description: Board temperature in degrees Celsius.
                type: number
                maximum: 150
            errors:
              - reference: /errors/board
              - reference: /errors/generic#/VendorError
            """;

    private Fixtures() {
    }

    static SourceFile iface(String stem, String text) {
        return new SourceFile(SourceFile.Kind.INTERFACE, stem, "interfaces/" + stem + ".yaml", text);
    }

    static SourceFile types(String stem, String text) {
        return new SourceFile(SourceFile.Kind.TYPES, stem, "types/" + stem + ".yaml", text);
    }

    static SourceFile errors(String stem, String text) {
        return new SourceFile(SourceFile.Kind.ERRORS, stem, "errors/" + stem + ".yaml", text);
    }

    /** The valid fixture contract, with {@code replacements} taking the place of files with the same path. */
    static List<SourceFile> contract(SourceFile... replacements) {
        List<SourceFile> files = new ArrayList<>(List.of(iface("board", BOARD_INTERFACE), types("common", COMMON_TYPES),
                types("board", BOARD_TYPES), errors("board", BOARD_ERRORS), errors("generic", GENERIC_ERRORS)));
        for (SourceFile r : replacements) {
            files.removeIf(f -> f.path().equals(r.path()));
            files.add(r);
        }
        return files;
    }

    static Contract load() {
        return ContractLoader.load(contract());
    }

    /** The problems of a contract that must not load. */
    static List<Problem> problems(List<SourceFile> files) {
        return assertThrows(ContractException.class, () -> ContractLoader.load(files)).problems();
    }

    /** The 1-based line of the first line of {@code text} that contains {@code needle}. */
    static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("fixture has no line containing '" + needle + "'");
    }

    /** The one problem in {@code file} at {@code line}; fails listing all problems when there is not exactly one. */
    static Problem problemAt(List<Problem> problems, String file, int line) {
        List<Problem> found = problems.stream().filter(p -> p.file().equals(file) && p.line() == line).toList();
        if (found.size() != 1) {
            fail("expected one problem at " + file + ":" + line + ", got " + found.size() + " in " + problems);
        }
        return found.get(0);
    }

    static void assertMentions(Problem problem, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(problem.message().contains(fragment), () -> "'" + fragment + "' not in: " + problem);
        }
        assertTrue(problem.column() > 0, () -> "no column in " + problem);
    }

    static void assertSingle(List<Problem> problems) {
        assertEquals(1, problems.size(), () -> "expected exactly one problem: " + problems);
    }
}
