package dev.pylon.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pylon.runtime.console.ConsoleProtocol;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./pylon console}: what it sends, where it prints the answer, and its exit codes; against a stand-in charger. */
class ConsoleCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private ServerSocketChannel charger;

    @AfterEach
    void close() throws IOException {
        if (charger != null) {
            charger.close();
        }
    }

    /** A charger that answers one command with {@code answer} and hands the request line to the test. */
    private CompletableFuture<String> charger(Path socket, ConsoleProtocol.Answer answer) throws IOException {
        charger = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        charger.bind(UnixDomainSocketAddress.of(socket));
        return CompletableFuture.supplyAsync(() -> {
            try (SocketChannel connection = charger.accept()) {
                String request = ConsoleProtocol.readRequest(new BufferedInputStream(Channels.newInputStream(connection)));
                connection.write(ByteBuffer.wrap(ConsoleProtocol.answer(answer)));
                return request;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private int console(String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void anAnswerGoesToStdoutAndExitsZero() throws Exception {
        Path socket = dir.resolve("pylon.sock");
        CompletableFuture<String> request = charger(socket, new ConsoleProtocol.Answer("[]\n", 0));
        assertThat(console("console", "--socket", socket.toString(), "pylon:modules")).isZero();
        assertThat(request.get(10, TimeUnit.SECONDS)).isEqualTo("pylon:modules");
        assertThat(out.toString()).isEqualTo("[]\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aFailureGoesToStderrAndExitsOne() throws Exception {
        Path socket = dir.resolve("pylon.sock");
        charger(socket, new ConsoleProtocol.Answer("no module 'x' in sim-ac.yaml\n", 1));
        assertThat(console("console", "--socket", socket.toString(), "pylon:vars x")).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("no module 'x' in sim-ac.yaml\n");
    }

    @Test
    void withoutChargerItSaysSoAndExitsFour() {
        assertThat(console("console", "--socket", dir.resolve("run/pylon.sock").toString(), "pylon:modules"))
                .isEqualTo(ExitCode.NO_CHARGER);
        assertThat(err.toString()).isEqualTo("no charger running at " + dir.resolve("run/pylon.sock") + "\n");
    }

    @Test
    void severalArgumentsAreJoinedAndQuotedForGogo() throws Exception {
        Path socket = dir.resolve("pylon.sock");
        CompletableFuture<String> request = charger(socket, new ConsoleProtocol.Answer("", 0));
        assertThat(console("console", "--socket", socket.toString(), "pylon:errors", "--all")).isZero();
        assertThat(request.get(10, TimeUnit.SECONDS)).isEqualTo("pylon:errors --all"); // options after the command are its own

        assertThat(ConsoleCommand.line(List.of("pylon:call", "ev_manager", "main", "execute_charging_session",
                "sleep 1;iec_wait_pwr_ready;draw_power_regulated 16,3;sleep 30;unplug")))
                .isEqualTo("pylon:call ev_manager main execute_charging_session "
                        + "'sleep 1;iec_wait_pwr_ready;draw_power_regulated 16,3;sleep 30;unplug'");
        assertThat(ConsoleCommand.line(List.of("pylon:call", "evse", "evse", "enable_disable", "0",
                "{\"enable_source\":\"LocalAPI\"}")))
                .isEqualTo("pylon:call evse evse enable_disable 0 '{\"enable_source\":\"LocalAPI\"}'");
        assertThat(ConsoleCommand.line(List.of("pylon:raise", "a", "b", "T", "", "it's $5 \"now\"")))
                .isEqualTo("pylon:raise a b T '' 'it'\\''s $5 \"now\"'");
        assertThat(ConsoleCommand.line(List.of("pylon:vars evse"))).isEqualTo("pylon:vars evse");
    }

    @Test
    void aCommandOfSeveralLinesIsABadArgument() {
        assertThat(console("console", "--socket", dir.resolve("s").toString(), "lb\nstop 0")).isEqualTo(2);
        assertThat(err.toString()).contains("one line");
    }

    @Test
    void helpListsTheExitCodes() {
        assertThat(console("console", "--help")).isZero();
        assertThat(out.toString()).contains("--socket=PATH", "run/pylon.sock", "COMMAND",
                "Exit codes: 0 the command succeeded, 1 it failed, 2 bad arguments, 4 no charger");
    }
}
