package dev.pylon.runtime.internal.console;

import dev.pylon.runtime.console.ConsoleProtocol;
import dev.pylon.runtime.console.ConsoleProtocol.Answer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Serves the console protocol ({@link ConsoleProtocol}) on a Unix domain socket: the socket file is owner-only
 * (0600), and so is its directory (0700) when it is the charger user's own; never a TCP port. Each connection gets
 * its own {@link Session} and thread; requests on it run one after the other.
 */
final class SocketServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SocketServer.class.getName());
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final int STICKY = 01000;

    /** Runs the commands of one connection. */
    interface Session extends AutoCloseable {
        Answer execute(String command);

        @Override
        void close();
    }

    private final Path socket;
    private final ServerSocketChannel server;
    private final Object fileKey;
    private final Supplier<Session> sessions;
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();
    private volatile boolean closed;

    private SocketServer(Path socket, ServerSocketChannel server, Object fileKey,
            Supplier<Session> sessions) {
        this.socket = socket;
        this.server = server;
        this.fileKey = fileKey;
        this.sessions = sessions;
    }

    /**
     * Listens on {@code socket} (an absolute path) and serves each connection on a daemon thread.
     *
     * @throws IOException when another charger answers on that socket, or it cannot be created
     */
    static SocketServer start(Path socket, Supplier<Session> sessions) throws IOException {
        Path dir = socket.getParent();
        boolean created = false;
        if (Files.notExists(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR); // whatever the umask took away
            created = true;
        }
        if (!created) {
            ownerOnlyIfOurs(dir);
        }
        removeStale(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, OWNER_ONLY_FILE);
            Object key = Files.readAttributes(socket, BasicFileAttributes.class).fileKey();
            SocketServer result = new SocketServer(socket, server, key, sessions);
            Thread acceptor = new Thread(result::accept, "pylon-console");
            acceptor.setDaemon(true);
            acceptor.start();
            return result;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    Path socket() {
        return socket;
    }

    /** Stops listening, ends every connection and removes the socket file (if it is still the one this server made). */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing the console socket", e);
        }
        for (SocketChannel connection : connections) {
            try {
                connection.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "closing a console connection", e);
            }
        }
        try {
            if (Files.exists(socket) && Objects.equals(fileKey,
                    Files.readAttributes(socket, BasicFileAttributes.class).fileKey())) {
                Files.delete(socket);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot remove the console socket " + socket + ": " + e);
        }
    }

    private void accept() {
        while (!closed) {
            SocketChannel connection;
            try {
                connection = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "the console stops accepting connections: " + e);
                }
                return;
            }
            connections.add(connection);
            Thread thread = new Thread(() -> serve(connection), "pylon-console-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void serve(SocketChannel connection) {
        try (connection; Session session = sessions.get()) {
            InputStream in = new BufferedInputStream(Channels.newInputStream(connection));
            OutputStream out = Channels.newOutputStream(connection);
            while (!closed) {
                String command;
                try {
                    command = ConsoleProtocol.readRequest(in);
                } catch (ConsoleProtocol.RequestTooLong e) {
                    out.write(ConsoleProtocol.answer(new Answer(e.getMessage(), ConsoleProtocol.FAILED)));
                    return;
                }
                if (command == null) {
                    return;
                }
                Answer answer = command.isBlank() ? new Answer("", ConsoleProtocol.OK) : session.execute(command);
                out.write(ConsoleProtocol.answer(answer));
                out.flush();
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> "console connection ended: " + e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "console connection failed", e);
        } finally {
            connections.remove(connection);
        }
    }

    /**
     * Makes {@code dir} owner-only when it belongs to the charger's user and is not a shared directory (sticky, like
     * {@code /tmp}); otherwise leaves it as it is and says so (the socket itself is still owner-only).
     */
    private static void ownerOnlyIfOurs(Path dir) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
        if (permissions.equals(OWNER_ONLY_DIR)) {
            return;
        }
        String owner = Files.getOwner(dir).getName();
        boolean sticky = Files.getAttribute(dir, "unix:mode") instanceof Integer mode && (mode & STICKY) != 0;
        if (owner.equals(System.getProperty("user.name")) && !sticky) {
            Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
            LOG.log(Level.INFO, () -> "made " + dir + " owner-only (was " + PosixFilePermissions.toString(permissions)
                    + ") for the console socket");
        } else {
            LOG.log(Level.WARNING, () -> "the console socket's directory " + dir + " is " + (sticky ? "shared" : "owned by "
                    + owner) + " and stays " + PosixFilePermissions.toString(permissions) + "; the socket itself is "
                    + "owner-only. Give the socket a directory of its own (--socket).");
        }
    }

    /** Removes a socket left by a charger that is gone; fails when a running one answers on it, or it is no socket. */
    private static void removeStale(Path socket) throws IOException {
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()) {
            throw new IOException(socket + " exists and is not a socket");
        }
        boolean live;
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
            live = true;
        } catch (IOException e) {
            live = false;
        }
        if (live) {
            throw new IOException("another charger answers on " + socket);
        }
        LOG.log(Level.INFO, () -> "removing the stale console socket " + socket);
        Files.delete(socket);
    }
}
