package dev.pylon.tools.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.lang.model.SourceVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NamesTest {

    @ParameterizedTest
    @CsvSource({
        "evse_board_support, EvseBoardSupport",
        "ISO15118_charger, ISO15118Charger",
        "power_supply_DC, PowerSupplyDC",
        "BspEvent, BspEvent",
        "ac_nr_of_phases_available, AcNrOfPhasesAvailable",
        "cp_state_X1, CpStateX1",
        "3phase, _3phase",
        "ISO15118-2, ISO151182",
    })
    void pascal(String contract, String java) {
        assertEquals(java, Names.pascal(contract));
    }

    @ParameterizedTest
    @CsvSource({
        "ac_max_current_A, acMaxCurrentA",
        "EVSE_id, evseId",
        "pwm_on, pwmOn",
        "value, value",
        "supports_cp_state_E, supportsCpStateE",
        "evseId, evseId",
        "PowerOnOff, powerOnOff",
        "3_phases, _3Phases",
        // Java keywords and members of every object get an underscore instead of a compile error or a clash
        "default, default_",
        "class, class_",
        "enum, enum_",
        "var, var_",
        "record, record_",
        "hashCode, hashCode_",
        "toString, toString_",
        "getClass, getClass_",
        "equals, equals_",
    })
    void camel(String contract, String java) {
        assertEquals(java, Names.camel(contract));
    }

    @ParameterizedTest
    @CsvSource({
        "MREC2GroundFailure, MREC2_GROUND_FAILURE",
        "VendorError, VENDOR_ERROR",
        "DiodeFault, DIODE_FAULT",
        "ac_nr_of_phases_available, AC_NR_OF_PHASES_AVAILABLE",
        "ISO15118-2, ISO15118_2",
        "max_current_A, MAX_CURRENT_A",
        "2ndTry, _2ND_TRY",
        "__, UNNAMED",
    })
    void constant(String contract, String java) {
        assertEquals(java, Names.constant(contract));
    }

    @ParameterizedTest
    @CsvSource({
        "ISO15118-2, ISO15118_2",
        "3, _3",
        "IEC62196Type2Cable, IEC62196Type2Cable",
        "Charging, Charging",
        "A.1 b, A_1_b",
        "default, default_",
        "class, class_",
        "'', EMPTY_",
    })
    void enumConstant(String wire, String java) {
        assertEquals(java, Names.enumConstant(wire));
    }

    @ParameterizedTest
    @ValueSource(strings = {"evse_board_support", "ISO15118_charger", "default", "class", "hashCode", "3", "ISO15118-2",
        "A.1 b", "x-y", "_", "goto", "const", "true", "null", "yield", "wait", "notify"})
    void everyMemberNameIsALegalJavaIdentifier(String contract) {
        for (String name : new String[] {Names.camel(contract), Names.enumConstant(contract), Names.constant(contract),
            Names.pascal(contract)}) {
            assertTrue(SourceVersion.isName(name), () -> "'" + name + "' from '" + contract + "' is not legal Java");
        }
    }

    @Test
    void packagesAreFlatLowercaseAndLegal() {
        assertEquals("dev.pylon.api.types.powersupplydc", Names.typesPackage("power_supply_DC"));
        assertEquals("dev.pylon.api.evsemanager", Names.interfacePackage("evse_manager"));
        assertEquals("dev.pylon.api.iso15118charger", Names.interfacePackage("ISO15118_charger"));
        assertEquals("dev.pylon.api.errors", Names.errorsPackage());
        assertTrue(SourceVersion.isName(Names.interfacePackage("3d_printer")), Names.interfacePackage("3d_printer"));
    }

    @Test
    void literalEscapesEverythingJavaWouldMisread() {
        assertEquals("\"plain\"", Names.literal("plain"));
        assertEquals("\"say \\\"hi\\\"\"", Names.literal("say \"hi\""));
        assertEquals("\"C:\\\\dir\"", Names.literal("C:\\dir"));
        assertEquals("\"a\\nb\\r\\tc\"", Names.literal("a\nb\r\tc"));
        assertEquals("\"\\u00b0C \\u20ac\"", Names.literal("°C €"));
        assertEquals("\"\\u0000\"", Names.literal("\0"));
        // written as Java source, \\u005c would be read as a unicode escape; the literal must not contain one
        assertEquals("\"\\\\u0022\"", Names.literal("\\u0022"));
    }

    @Test
    void docNeutralisesCommentEndUnicodeEscapesHtmlAndTags() {
        String doc = Names.doc("  Ends here */ then \\u002a/ and <b>bold</b> & @deprecated {@link Foo} {@code x}  ");

        assertFalse(doc.contains("*/"), doc);
        assertFalse(doc.contains("\\"), doc);
        assertFalse(doc.contains("<"), doc);
        assertFalse(doc.contains(">"), doc);
        assertFalse(doc.contains("@deprecated"), doc);
        assertEquals("Ends here *&#47; then &#92;u002a/ and &lt;b&gt;bold&lt;/b&gt; &amp; &#64;deprecated "
                + "{@link Foo} {@code x}", doc);
    }

    @Test
    void docKeepsOrdinaryTextAndLineBreaks() {
        assertEquals("Duty cycle in percent; 0 to 100.\nSecond line.",
                Names.doc("Duty cycle in percent; 0 to 100.\nSecond line.\n"));
    }
}
