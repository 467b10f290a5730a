package dev.pylon.runtime.internal.console;

import dev.pylon.api.CmdException;
import dev.pylon.runtime.console.ConsoleProtocol;
import dev.pylon.runtime.console.ConsoleProtocol.Answer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;

/**
 * One console connection's Gogo session: runs each command line as the shell would and collects what it prints
 * (stdout and stderr together) and its result, formatted as the shell formats it. A command that throws fails; its
 * message ends the output.
 */
final class GogoSession implements SocketServer.Session {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    private final CommandSession session;

    GogoSession(CommandProcessor processor) {
        this.session = processor.createSession(InputStream.nullInputStream(), out, out);
    }

    @Override
    public Answer execute(String command) {
        buffer.reset();
        Object result;
        try {
            result = session.execute(command);
        } catch (Exception e) {
            return new Answer(printed() + message(e), ConsoleProtocol.FAILED);
        }
        String text = printed();
        if (result != null) {
            try {
                CharSequence formatted = result instanceof CharSequence chars ? chars
                        : session.format(result, Converter.INSPECT);
                text += (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + formatted;
            } catch (RuntimeException e) {
                return new Answer(text + message(e), ConsoleProtocol.FAILED);
            }
        }
        return new Answer(text, ConsoleProtocol.OK);
    }

    private String printed() {
        out.flush();
        String text = buffer.toString(StandardCharsets.UTF_8);
        return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
    }

    /** The message of an expected failure as it is; anything else with its exception's name. */
    static String message(Throwable e) {
        String message = e.getMessage();
        if (message != null && (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof CmdException || e.getClass().getSimpleName().equals("CommandNotFoundException"))) {
            return message;
        }
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void close() {
        session.close();
    }
}
