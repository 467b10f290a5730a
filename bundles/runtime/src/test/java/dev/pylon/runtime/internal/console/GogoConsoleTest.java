package dev.pylon.runtime.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pylon.api.types.evseboardsupport.PowerOnOff;
import dev.pylon.runtime.console.ConsoleClient;
import dev.pylon.runtime.console.ConsoleProtocol.Answer;
import dev.pylon.runtime.internal.bus.Fixture;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * {@code ./pylon console}'s whole path in one JVM: the client, the socket, a real Gogo command processor parsing the
 * line, and the {@code pylon:} commands over the {@link Fixture}'s bus. Shows what Gogo does to quoting.
 */
class GogoConsoleTest {
    @TempDir
    Path dir;

    private final Fixture f = new Fixture();
    private final List<String> boardCalls = Collections.synchronizedList(new ArrayList<>());
    private final ThreadIOImpl threadIO = new ThreadIOImpl();
    private CommandProcessorImpl gogo;
    private SocketServer server;
    private Path socket;

    /** Records the words Gogo hands over, and prints through System.out as Gogo's own commands do. */
    public static final class Recorder {
        final List<List<Object>> calls = Collections.synchronizedList(new ArrayList<>());

        public String record(Object... words) {
            calls.add(List.of(words));
            return "recorded";
        }

        public void print(String text) {
            System.out.println(text);
        }
    }

    private final Recorder recorder = new Recorder();

    @BeforeEach
    void start() throws Exception {
        threadIO.start();
        gogo = new CommandProcessorImpl(threadIO);
        PylonCommands commands = new PylonCommands(fake(BundleContext.class), fake(ServiceComponentRuntime.class));
        Field bus = PylonCommands.class.getDeclaredField("moduleBus");
        bus.setAccessible(true);
        bus.set(commands, f.bus); // what DS injects
        for (String function : List.of("modules", "wiring", "vars", "call", "errors", "raise", "clear", "restart",
                "stats")) {
            gogo.addCommand("pylon", commands, function);
        }
        gogo.addCommand("test", recorder, "record");
        gogo.addCommand("test", recorder, "print");
        f.bus.providerAdded("board", "evse_board_support", 11, new Fixture.Board() {
            @Override
            public void allowPowerOn(PowerOnOff value) {
                boardCalls.add(value.allowPowerOn() + " " + value.reason());
            }
        });
        socket = dir.resolve("run/pylon.sock");
        server = SocketServer.start(socket, () -> new GogoSession(gogo));
    }

    @AfterEach
    void stop() {
        server.close();
        gogo.stop();
        threadIO.stop();
        f.close();
    }

    private Answer console(String line) throws IOException {
        return ConsoleClient.execute(socket, line);
    }

    @Test
    void aQuotedScriptReachesTheCommandAsOneWord() throws IOException {
        String script = "sleep 1;iec_wait_pwr_ready;draw_power_regulated 16,3;sleep 30;unplug";
        assertThat(console("test:record ev_manager main execute_charging_session \"" + script + "\""))
                .isEqualTo(new Answer("recorded\n", 0));
        assertThat(console("test:record '" + script + "'").ok()).isTrue();
        assertThat(recorder.calls).containsExactly(List.of("ev_manager", "main", "execute_charging_session", script),
                List.of(script));
    }

    @Test
    void singleQuotesAreLiteralAndASingleQuoteInsideIsWrittenAsInAPosixShell() throws IOException {
        // what ./pylon console does with a command given as several arguments
        console("test:record 'it'\\''s $5 \"now\"' 'a\\b' ''");
        assertThat(recorder.calls.get(0)).containsExactly("it's $5 \"now\"", "a\\b", "");
        assertThat(console("test:record \"it's\"").output()).startsWith("EOFException"); // not inside double quotes
    }

    @Test
    void gogoParsesNumbersBooleansAndUnquotedBracesItself() throws IOException {
        console("test:record 16 true '{\"a\": 1}' [1 2] \"x y\" 'it''s'");
        assertThat(recorder.calls.get(0)).containsExactly(16L, true, "{\"a\": 1}", List.of(1L, 2L), "x y", "its");
    }

    @Test
    void pylonCommandsAnswerJsonThroughTheSocket() throws Exception {
        Answer answer = console("pylon:call board bsp allow_power_on '{\"allow_power_on\": true, \"reason\": "
                + "\"FullPowerCharging\"}'");
        assertThat(answer).isEqualTo(new Answer("null\n", 0));
        assertThat(boardCalls).containsExactly("true FullPowerCharging");
        Answer wiring = console("pylon:wiring evse");
        assertThat(wiring.ok()).isTrue();
        assertThat(new ObjectMapper().readTree(wiring.output()).findValuesAsText("requirement"))
                .containsExactlyInAnyOrder("bsp", "meter");
        assertThat(console("vars board bsp")).isEqualTo(new Answer("{}\n", 0)); // the scope may be left out
    }

    @Test
    void failuresAreAnsweredWithStatusOneAndTheirMessage() throws IOException {
        assertThat(console("pylon:vars")).isEqualTo(new Answer("too few arguments; usage: pylon:vars <module> [impl]\n", 1));
        assertThat(console("pylon:call board2 bsp enable true"))
                .isEqualTo(new Answer("NotReady calling board2/bsp.enable: no provider is running\n", 1));
        assertThat(console("pylon:errors --some")).isEqualTo(
                new Answer("unknown option '--some'; usage: pylon:errors [--all|history]\n", 1));
        assertThat(console("pylon:nope")).isEqualTo(new Answer("Command not found: pylon:nope\n", 1));
        assertThat(console("pylon:call board bsp enable 'x").output())
                .startsWith("EOFException: unexpected EOT looking for matching quote"); // Gogo's parser
    }

    @Test
    void whatACommandPrintsComesBeforeItsResult() throws IOException {
        assertThat(console("test:print hello; test:record")).isEqualTo(new Answer("hello\nrecorded\n", 0));
    }

    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type) {
        return (T) Proxy.newProxyInstance(GogoConsoleTest.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> null);
    }
}
