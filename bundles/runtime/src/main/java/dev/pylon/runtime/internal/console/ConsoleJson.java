package dev.pylon.runtime.internal.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.pylon.runtime.internal.bus.Json;

/**
 * How the console writes its answers: pretty-printed JSON, two spaces, {@code "key": value}. Contract values (cmd
 * results, var values, error objects) are written exactly as the bus writes them; the console's own records get
 * snake_case names, like the contract's.
 */
final class ConsoleJson {
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("").withArrayEmptySeparator(""))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
            .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    private static final ObjectWriter CONTRACT = Json.mapper().writer(PRINTER);
    private static final ObjectMapper VIEWS = Json.mapper().copy()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private static final ObjectWriter VIEW = VIEWS.writer(PRINTER);

    private ConsoleJson() {
    }

    /** A contract value (a cmd result, var values, error objects) as the bus writes it. */
    static String contract(Object value) {
        return write(CONTRACT, value);
    }

    /** One of the console's own answers (records with snake_case names; contract values inside keep theirs). */
    static String view(Object value) {
        return write(VIEW, value);
    }

    private static String write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
