package dev.pylon.runtime.console;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/** Sends one command to a running charger's console socket and returns the answer ({@link ConsoleProtocol}). */
public final class ConsoleClient {
    private ConsoleClient() {
    }

    /**
     * @throws NotRunning when there is no socket at {@code socket}, or nothing listens on it
     * @throws IOException when the connection fails otherwise (no permission) or breaks before the answer
     * @throws IllegalArgumentException when the command is not one line
     */
    public static ConsoleProtocol.Answer execute(Path socket, String command) throws IOException {
        byte[] request = ConsoleProtocol.request(command);
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (UnsupportedOperationException e) {
            throw new IOException("this platform has no Unix domain sockets", e);
        }
        try (channel) {
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (ConnectException e) {
                throw new NotRunning(socket, e);
            } catch (IOException e) {
                if (Files.notExists(socket)) {
                    throw new NotRunning(socket, e);
                }
                throw e;
            }
            OutputStream out = Channels.newOutputStream(channel);
            out.write(request);
            out.flush();
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel));
            return ConsoleProtocol.readAnswer(in);
        }
    }

    /** No charger listens on the socket (it does not exist, or the charger is gone and left it). */
    public static final class NotRunning extends IOException {
        private static final long serialVersionUID = 1L;

        NotRunning(Path socket, IOException cause) {
            super("no charger running at " + socket, cause);
        }
    }
}
