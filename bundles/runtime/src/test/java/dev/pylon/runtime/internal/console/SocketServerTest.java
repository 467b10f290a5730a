package dev.pylon.runtime.internal.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pylon.runtime.console.ConsoleClient;
import dev.pylon.runtime.console.ConsoleProtocol;
import dev.pylon.runtime.console.ConsoleProtocol.Answer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console socket: server and client in one JVM, on a socket in a temporary directory. */
class SocketServerTest {
    @TempDir
    Path dir;

    private final List<String> received = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger closedSessions = new AtomicInteger();
    private SocketServer server;

    /** Answers "echo X" with X, "fail X" with status 1 and X, and counts its commands in "count". */
    private SocketServer.Session session() {
        sessions.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return new SocketServer.Session() {
            @Override
            public Answer execute(String command) {
                received.add(command);
                count.incrementAndGet();
                if (command.startsWith("fail ")) {
                    return new Answer(command.substring(5), ConsoleProtocol.FAILED);
                }
                if (command.equals("count")) {
                    return new Answer(Integer.toString(count.get()), ConsoleProtocol.OK);
                }
                return new Answer(command.replaceFirst("^echo ", ""), ConsoleProtocol.OK);
            }

            @Override
            public void close() {
                closedSessions.incrementAndGet();
            }
        };
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aCommandIsAnsweredWithItsOutputAndStatus() throws IOException {
        Path socket = dir.resolve("run/pylon.sock");
        server = SocketServer.start(socket, this::session);
        String script = "pylon:call ev_manager main execute_charging_session \"sleep 1;iec_wait_pwr_ready;"
                + "draw_power_regulated 16,3;sleep 30;unplug\"";
        assertThat(ConsoleClient.execute(socket, "echo " + script)).isEqualTo(new Answer(script + "\n", 0));
        assertThat(ConsoleClient.execute(socket, "fail no module 'x'")).isEqualTo(new Answer("no module 'x'\n", 1));
        assertThat(ConsoleClient.execute(socket, "echo ünïcödé ⚡")).isEqualTo(new Answer("ünïcödé ⚡\n", 0));
        assertThat(ConsoleClient.execute(socket, "echo a\0b").output()).isEqualTo("a\\u0000b\n");
        assertThat(ConsoleClient.execute(socket, "   ")).isEqualTo(new Answer("", 0));
        assertThat(received).containsExactly("echo " + script, "fail no module 'x'", "echo ünïcödé ⚡", "echo a\0b");
    }

    @Test
    void theSocketIsOwnerOnlyAndSoIsTheDirectoryItCreated() throws IOException {
        Path socket = dir.resolve("run/sub/pylon.sock");
        server = SocketServer.start(socket, this::session);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("run"))))
                .isEqualTo("rwx------");
    }

    @Test
    void anExistingDirectoryOfTheChargersUserIsMadeOwnerOnly() throws IOException {
        Path run = Files.createDirectory(dir.resolve("run"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxrwxr-x"));
        server = SocketServer.start(run.resolve("pylon.sock"), this::session);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(run))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(run.resolve("pylon.sock"))))
                .isEqualTo("rw-------");
    }

    @Test
    void oneConnectionCarriesSeveralCommandsInOneSession() throws IOException {
        Path socket = dir.resolve("pylon.sock");
        server = SocketServer.start(socket, this::session);
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            channel.write(ByteBuffer.wrap("echo one\r\ncount\nfail two\ncount\n".getBytes(StandardCharsets.UTF_8)));
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel));
            assertThat(ConsoleProtocol.readAnswer(in)).isEqualTo(new Answer("one\n", 0));
            assertThat(ConsoleProtocol.readAnswer(in)).isEqualTo(new Answer("2\n", 0));
            assertThat(ConsoleProtocol.readAnswer(in)).isEqualTo(new Answer("two\n", 1));
            assertThat(ConsoleProtocol.readAnswer(in)).isEqualTo(new Answer("4\n", 0));
        }
        assertThat(sessions).hasValue(1);
    }

    @Test
    void theWireFormatIsOutputThenNulThenTheStatusLine() throws IOException {
        Path socket = dir.resolve("pylon.sock");
        server = SocketServer.start(socket, this::session);
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            channel.write(ByteBuffer.wrap(ConsoleProtocol.request("fail bad")));
            channel.shutdownOutput();
            byte[] answer = Channels.newInputStream(channel).readAllBytes();
            assertThat(new String(answer, StandardCharsets.UTF_8)).isEqualTo("bad\n\0exit=1\n");
        }
    }

    @Test
    void aRequestLongerThanTheLimitIsRefusedAndTheConnectionClosed() throws IOException {
        Path socket = dir.resolve("pylon.sock");
        server = SocketServer.start(socket, this::session);
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            channel.write(ByteBuffer.wrap(new byte[ConsoleProtocol.MAX_REQUEST_BYTES + 10]));
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel));
            Answer answer = ConsoleProtocol.readAnswer(in);
            assertThat(answer.status()).isEqualTo(ConsoleProtocol.FAILED);
            assertThat(answer.output()).contains("at most 65536 bytes");
            assertThat(in.read()).isEqualTo(-1);
        }
        assertThat(received).isEmpty();
        assertThatThrownBy(() -> ConsoleProtocol.request("x".repeat(ConsoleProtocol.MAX_REQUEST_BYTES)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConsoleProtocol.request("a\nb")).hasMessageContaining("one line");
    }

    @Test
    void closingRemovesTheSocketAndEndsTheSessions() throws IOException {
        Path socket = dir.resolve("pylon.sock");
        server = SocketServer.start(socket, this::session);
        SocketChannel open = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        try (open) {
            open.write(ByteBuffer.wrap(ConsoleProtocol.request("echo hi")));
            ConsoleProtocol.readAnswer(new BufferedInputStream(Channels.newInputStream(open)));
            server.close();
            assertThat(socket).doesNotExist();
            assertThat(Channels.newInputStream(open).read()).isEqualTo(-1);
        }
        assertThatThrownBy(() -> ConsoleClient.execute(socket, "echo"))
                .isInstanceOf(ConsoleClient.NotRunning.class).hasMessage("no charger running at " + socket);
        long deadline = System.nanoTime() + 10_000_000_000L; // the connection thread closes its session
        while (closedSessions.get() < sessions.get() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(closedSessions).hasValue(sessions.get());
    }

    @Test
    void aStaleSocketIsReplacedButALiveOneIsNot() throws IOException {
        Path socket = dir.resolve("pylon.sock");
        try (var stale = java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            stale.bind(UnixDomainSocketAddress.of(socket)); // closed without removing its file, as after a crash
        }
        assertThat(socket).exists();
        assertThatThrownBy(() -> ConsoleClient.execute(socket, "echo")).isInstanceOf(ConsoleClient.NotRunning.class);
        server = SocketServer.start(socket, this::session);
        assertThat(ConsoleClient.execute(socket, "echo up").output()).isEqualTo("up\n");

        assertThatThrownBy(() -> SocketServer.start(socket, this::session))
                .isInstanceOf(IOException.class).hasMessage("another charger answers on " + socket);
        assertThat(ConsoleClient.execute(socket, "echo still").output()).isEqualTo("still\n");

        Path file = Files.writeString(dir.resolve("notes.txt"), "keep me");
        assertThatThrownBy(() -> SocketServer.start(file, this::session)).hasMessageContaining("is not a socket");
        assertThat(file).hasContent("keep me");
    }

    @Test
    void withoutSocketThereIsNoCharger() {
        assertThatThrownBy(() -> ConsoleClient.execute(dir.resolve("run/pylon.sock"), "pylon:modules"))
                .isInstanceOf(ConsoleClient.NotRunning.class)
                .hasMessage("no charger running at " + dir.resolve("run/pylon.sock"));
    }
}
