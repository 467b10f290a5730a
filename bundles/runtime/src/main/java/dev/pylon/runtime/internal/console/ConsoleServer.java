package dev.pylon.runtime.internal.console;

import dev.pylon.runtime.console.ConsoleProtocol;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import org.apache.felix.service.command.CommandProcessor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ./pylon console}'s end inside the charger: while Gogo's {@link CommandProcessor} is there, runs every line
 * received on the console socket (framework property {@value ConsoleProtocol#SOCKET_PROPERTY}, default
 * {@value ConsoleProtocol#DEFAULT_SOCKET} in the working directory) as a shell command and answers with its output
 * and status. The runtime imports Gogo optionally: without it this component simply never starts.
 */
@Component(immediate = true, service = {})
public final class ConsoleServer {
    private static final System.Logger LOG = System.getLogger(ConsoleServer.class.getName());

    private final SocketServer server;

    @Activate
    public ConsoleServer(BundleContext context, @Reference(name = "processor") CommandProcessor processor) {
        Path socket = socket(context.getProperty(ConsoleProtocol.SOCKET_PROPERTY));
        SocketServer started = null;
        try {
            started = SocketServer.start(socket, () -> new GogoSession(processor));
            LOG.log(Level.INFO, "console on " + socket);
        } catch (IOException | RuntimeException e) { // the charger runs on without a console
            LOG.log(Level.ERROR, "no console: cannot listen on " + socket + ": " + e.getMessage());
        }
        this.server = started;
    }

    static Path socket(String property) {
        String path = property == null || property.isBlank() ? ConsoleProtocol.DEFAULT_SOCKET : property;
        return Path.of(path).toAbsolutePath().normalize();
    }

    @Deactivate
    void deactivate() {
        if (server != null) {
            server.close();
        }
    }
}
