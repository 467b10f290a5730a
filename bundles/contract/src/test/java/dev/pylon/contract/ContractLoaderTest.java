package dev.pylon.contract;

import static dev.pylon.contract.Fixtures.assertMentions;
import static dev.pylon.contract.Fixtures.assertSingle;
import static dev.pylon.contract.Fixtures.contract;
import static dev.pylon.contract.Fixtures.errors;
import static dev.pylon.contract.Fixtures.iface;
import static dev.pylon.contract.Fixtures.lineOf;
import static dev.pylon.contract.Fixtures.problemAt;
import static dev.pylon.contract.Fixtures.problems;
import static dev.pylon.contract.Fixtures.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContractLoaderTest {

    @Test
    void validContractLoadsWithEverythingInFileOrder() {
        Contract contract = Fixtures.load();

        assertEquals(List.of("board"), List.copyOf(contract.interfaces().keySet()));
        InterfaceDef board = contract.requireInterface("board");
        assertEquals("A fixture board support driver.", board.description());
        assertEquals(List.of("set_mode", "enable", "reset"), List.copyOf(board.cmds().keySet()));
        assertEquals(List.of("setting", "phases", "temperature_C"), List.copyOf(board.vars().keySet()));

        CmdDef setMode = board.cmds().get("set_mode");
        assertEquals(List.of("setting", "phases"), List.copyOf(setMode.arguments().keySet()));
        assertEquals("/board#/Setting", setMode.arguments().get("setting").get("$ref").asText());
        assertTrue(setMode.hasResult());
        assertEquals("boolean", setMode.result().get("type").asText());
        assertFalse(board.cmds().get("reset").hasResult());
        assertTrue(board.cmds().get("reset").arguments().isEmpty());

        assertEquals(List.of("Phases", "Limits"), List.copyOf(contract.typeFiles().get("common").types().keySet()));
        assertEquals(List.of("Mode", "Setting"), List.copyOf(contract.typeFiles().get("board").types().keySet()));
        assertEquals(80, contract.findType("common", "Limits").orElseThrow()
                .at("/properties/max_current_A/maximum").asInt());
        assertTrue(contract.findType("common", "Nope").isEmpty());
        assertTrue(contract.findType("nope", "Limits").isEmpty());
        assertTrue(contract.findInterface("nope").isEmpty());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> contract.requireInterface("nope"));
        assertTrue(unknown.getMessage().contains("board"), unknown.getMessage());
    }

    @Test
    void errorReferencesResolveToRuntimeTypesForWholeFilesAndSingleErrors() {
        Contract contract = Fixtures.load();

        // "/errors/board" brings every error of the file, "/errors/generic#/VendorError" just the one
        assertEquals(List.of("board/MREC2GroundFailure", "board/OverTemperature", "generic/VendorError"),
                contract.requireInterface("board").errors());
        ErrorFile generic = contract.errorFiles().get("generic");
        assertEquals(List.of("CommunicationFault", "VendorError"),
                generic.errors().stream().map(ErrorFile.ErrorDecl::name).toList());
        assertEquals("generic/CommunicationFault", generic.errors().get(0).type());
        assertEquals("Lost contact with the hardware.", generic.errors().get(0).description());
    }

    @Test
    void extensionKeysAreAcceptedAtTopLevelAndOnCmdsAndKept() {
        InterfaceDef board = Fixtures.load().requireInterface("board");

        assertEquals(7, board.extensions().get("x-vendor").get("id").asInt());
        assertEquals(3, board.cmds().get("set_mode").extensions().get("x-matter-command-id").asInt());
        assertTrue(board.cmds().get("enable").extensions().isEmpty());
        // extensions are not mistaken for cmds, arguments or vars
        assertFalse(board.cmds().containsKey("x-matter-command-id"));
        assertFalse(board.cmds().get("set_mode").arguments().containsKey("x-matter-command-id"));
    }

    @Test
    void yamlSyntaxErrorNamesFileAndLine() {
        String text = """
                description: A board.
                cmds:
                  enable:
                    description: Enables: the port.
                """;
        List<Problem> problems = problems(contract(iface("board", text)));

        assertSingle(problems);
        Problem p = problemAt(problems, "interfaces/board.yaml", lineOf(text, "Enables: the port"));
        assertMentions(p, "not valid YAML");
    }

    @Test
    void unreadableFilesAreReportedOnceNotAgainAtEveryReferenceIntoThem() {
        String types = "description: Board types.\ntypes: {Mode: [\n";
        String errors = "description: Errors.\nerrors:\n  - name: A\n   description: misindented\n";
        List<Problem> problems = problems(contract(types("board", types), errors("generic", errors)));

        assertEquals(2, problems.size(), problems::toString);
        assertEquals(List.of("types/board.yaml", "errors/generic.yaml"), problems.stream().map(Problem::file).toList());
        assertTrue(problems.stream().allMatch(p -> p.message().startsWith("not valid YAML")), problems::toString);
    }

    @Test
    void duplicateKeyIsReportedAtItsSecondOccurrence() {
        String text = """
                description: Board types.
                types:
                  Mode:
                    description: Operating mode.
                    type: string
                  Mode:
                    description: Operating mode again.
                    type: string
                """;
        List<Problem> problems = problems(contract(types("board", text)));

        assertSingle(problems);
        Problem p = problemAt(problems, "types/board.yaml", lineOf(text, "Operating mode again") - 1);
        assertMentions(p, "duplicate key 'Mode'");
    }

    @Test
    void cmdWithoutDescriptionIsReportedAtTheCmd() {
        String text = """
                description: A board.
                cmds:
                  enable:
                    arguments:
                      value:
                        description: True enables.
                        type: boolean
                """;
        List<Problem> problems = problems(List.of(iface("board", text)));

        assertSingle(problems);
        assertMentions(problemAt(problems, "interfaces/board.yaml", lineOf(text, "enable:")),
                "description", "(rule: required)");
    }

    @Test
    void defaultInAVarIsRejectedAtTheDefaultKey() {
        String text = """
                description: A board.
                vars:
                  phases:
                    description: Phases in use.
                    type: integer
                    default: 3
                """;
        List<Problem> problems = problems(List.of(iface("board", text)));

        assertSingle(problems);
        assertMentions(problemAt(problems, "interfaces/board.yaml", lineOf(text, "default: 3")),
                "'default'", "(rule: false)");
    }

    @Test
    void unknownTopLevelKeyIsReportedAtTheKey() {
        String text = """
                # a comment first, so that line 1 is not the answer by accident
                description: A board.
                cmds:
                  reset:
                    description: Resets.
                variables:
                  phases:
                    description: Phases in use.
                    type: integer
                """;
        List<Problem> problems = problems(List.of(iface("board", text)));

        assertSingle(problems);
        assertMentions(problemAt(problems, "interfaces/board.yaml", lineOf(text, "variables:")),
                "variables", "(rule: additionalProperties)");
    }

    @Test
    void misspeltCmdKeyAndBadVarNameAreReportedAtTheirKeys() {
        String text = """
                description: A board.
                cmds:
                  enable:
                    description: Enables.
                    argumnets:
                      value:
                        description: True enables.
                        type: boolean
                vars:
                  max current:
                    description: Highest current.
                    type: number
                """;
        List<Problem> problems = problems(List.of(iface("board", text)));

        assertEquals(2, problems.size(), problems::toString);
        assertMentions(problemAt(problems, "interfaces/board.yaml", lineOf(text, "argumnets:")),
                "argumnets", "(rule: additionalProperties)");
        assertMentions(problemAt(problems, "interfaces/board.yaml", lineOf(text, "max current:")),
                "max current", "(rule: propertyNames)");
    }

    @Test
    void argumentWithoutTypeIsReportedAtTheArgument() {
        String text = """
                description: A board.
                cmds:
                  pwm_on:
                    description: Starts the PWM.
                    arguments:
                      duty_cycle:
                        description: Duty cycle in percent.
                """;
        List<Problem> problems = problems(List.of(iface("board", text)));

        assertSingle(problems);
        assertMentions(problemAt(problems, "interfaces/board.yaml", lineOf(text, "duty_cycle:")),
                "type", "(rule: required)");
    }

    @Test
    void badErrorNameIsReportedAtTheName() {
        String text = """
                description: Errors.
                errors:
                  - name: GoodName
                    description: Fine.
                  - name: bad_name
                    description: Not PascalCase.
                """;
        List<Problem> problems = problems(List.of(errors("board", text)));

        assertSingle(problems);
        assertMentions(problemAt(problems, "errors/board.yaml", lineOf(text, "bad_name")), "(rule: pattern)");
    }

    @Test
    void typeWithoutDescriptionIsRejected() {
        String text = """
                description: Types.
                types:
                  Amps:
                    type: number
                """;
        List<Problem> problems = problems(List.of(types("units", text)));

        assertSingle(problems);
        assertMentions(problemAt(problems, "types/units.yaml", lineOf(text, "Amps:")), "description", "required");
    }

    @Test
    void refToMissingTypeFileIsReportedAtTheRef() {
        String text = Fixtures.BOARD_INTERFACE.replace("$ref: /common#/Phases\n    result",
                "$ref: /nowhere#/Phases\n    result");
        List<Problem> problems = problems(contract(iface("board", text)));

        assertSingle(problems);
        assertMentions(problemAt(problems, "interfaces/board.yaml", lineOf(text, "/nowhere#/Phases")),
                "/nowhere#/Phases", "'nowhere' that does not exist");
    }

    @Test
    void refToMissingTypeInExistingFileIsReportedAtTheRef() {
        // inside a type file: Setting points at a type common.yaml does not have
        String text = Fixtures.BOARD_TYPES.replace("/common#/Limits", "/common#/Limitz");
        List<Problem> problems = problems(contract(types("board", text)));

        assertSingle(problems);
        assertMentions(problemAt(problems, "types/board.yaml", lineOf(text, "/common#/Limitz")),
                "has no type 'Limitz'");
    }

    @Test
    void malformedRefIsReported() {
        String text = Fixtures.BOARD_TYPES.replace("/common#/Limits", "common.yaml#/Limits");
        List<Problem> problems = problems(contract(types("board", text)));

        assertSingle(problems);
        assertMentions(problemAt(problems, "types/board.yaml", lineOf(text, "common.yaml#/Limits")),
                "must have the form /<type file>#/<Type>");
    }

    @Test
    void unknownErrorReferencesAreReported() {
        String text = Fixtures.BOARD_INTERFACE.replace("""
                  - reference: /errors/board
                  - reference: /errors/generic#/VendorError
                """, """
                  - reference: /errors/missing_file
                  - reference: /errors/generic#/NoSuchError
                """);
        List<Problem> problems = problems(contract(iface("board", text)));

        assertEquals(2, problems.size(), problems::toString);
        assertMentions(problemAt(problems, "interfaces/board.yaml", lineOf(text, "/errors/missing_file")),
                "/errors/missing_file", "names no error file");
        assertMentions(problemAt(problems, "interfaces/board.yaml", lineOf(text, "NoSuchError")),
                "has no error 'NoSuchError'");
    }

    @Test
    void everyProblemInEveryFileIsReportedInOneException() {
        String brokenInterface = Fixtures.BOARD_INTERFACE
                .replace("    description: Resets the board.\n", "    x-note: no description\n")
                .replace("/common#/Phases\n    result", "/common#/Phasez\n    result");
        String brokenTypes = Fixtures.COMMON_TYPES.replace("    description: Number of phases in use.\n", "");
        String brokenErrors = Fixtures.GENERIC_ERRORS.replace("VendorError", "vendor-error");
        String syntaxError = "description: An interface.\ncmds: [unclosed\n";
        List<SourceFile> files = contract(iface("board", brokenInterface), types("common", brokenTypes),
                errors("generic", brokenErrors), iface("other", syntaxError));

        ContractException e = assertThrows(ContractException.class, () -> ContractLoader.load(files));

        List<Problem> problems = e.problems();
        assertEquals(6, problems.size(), problems::toString);
        assertMentions(problemAt(problems, "interfaces/board.yaml", lineOf(brokenInterface, "reset:")),
                "(rule: required)");
        assertMentions(problemAt(problems, "interfaces/board.yaml", lineOf(brokenInterface, "Phasez")),
                "has no type 'Phasez'");
        // generic#/VendorError no longer exists either, so the interface's reference to it fails too
        assertMentions(problemAt(problems, "interfaces/board.yaml", lineOf(brokenInterface, "generic#/VendorError")),
                "has no error 'VendorError'");
        assertMentions(problemAt(problems, "types/common.yaml", lineOf(brokenTypes, "Phases:")), "(rule: required)");
        assertMentions(problemAt(problems, "errors/generic.yaml", lineOf(brokenErrors, "vendor-error")),
                "(rule: pattern)");
        assertMentions(problemAt(problems, "interfaces/other.yaml", 2), "not valid YAML");

        // the message lists every problem as file:line:column: message
        assertTrue(e.getMessage().startsWith("6 problems in the contract:"), e.getMessage());
        for (Problem p : problems) {
            assertTrue(e.getMessage().contains(p.file() + ":" + p.line() + ":" + p.column() + ": " + p.message()),
                    () -> p + " not in " + e.getMessage());
        }
    }

    @Test
    void twoFilesOfTheSameKindAndStemAreRejected() {
        SourceFile second = new SourceFile(SourceFile.Kind.TYPES, "common", "elsewhere/types/common.yaml",
                Fixtures.COMMON_TYPES);
        List<SourceFile> files = new java.util.ArrayList<>(contract());
        files.add(second);
        List<Problem> problems = problems(files);

        assertSingle(problems);
        assertEquals("elsewhere/types/common.yaml", problems.get(0).file());
        assertTrue(problems.get(0).message().contains("a second types file named 'common'"), problems::toString);
    }

    @Test
    void loadedModelIsImmutable() {
        InterfaceDef board = Fixtures.load().requireInterface("board");

        assertThrows(UnsupportedOperationException.class, () -> board.cmds().remove("enable"));
        assertThrows(UnsupportedOperationException.class, () -> board.vars().clear());
        assertThrows(UnsupportedOperationException.class, () -> board.errors().add("x/Y"));
        assertThrows(UnsupportedOperationException.class,
                () -> board.cmds().get("set_mode").arguments().remove("phases"));
        assertNull(board.cmds().get("enable").result());
    }
}
