package dev.pylon.runtime.console;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The console protocol, spoken over a Unix domain socket that only the charger's user can open (never TCP):
 *
 * <pre>
 * request  one command line in UTF-8, ending with LF (a CR before it is dropped); at most 64 KiB
 * answer   the command's output in UTF-8 (never contains NUL), ending with LF unless empty,
 *          then NUL, then "exit=&lt;status&gt;" and LF
 * status   0 the command succeeded; 1 it failed, and the output ends with the error message
 * </pre>
 *
 * A connection may carry several requests, answered in order; they share one Gogo session (its variables persist
 * until the connection closes). A request line that is too long is answered with status 1, and the connection is
 * closed. By hand: {@code printf 'pylon:modules\n' | socat - UNIX-CONNECT:run/pylon.sock}.
 */
public final class ConsoleProtocol {
    /** Framework property with the path of the console socket. */
    public static final String SOCKET_PROPERTY = "pylon.console.socket";
    /** Where the socket is when the property is not set: relative to the working directory. */
    public static final String DEFAULT_SOCKET = "run/pylon.sock";
    /** The longest request line, in bytes. */
    public static final int MAX_REQUEST_BYTES = 64 * 1024;
    /** Status of a command that succeeded. */
    public static final int OK = 0;
    /** Status of a command that failed. */
    public static final int FAILED = 1;

    private static final String STATUS_PREFIX = "exit=";

    /** The answer to one command: its output (the error message last when it failed) and its status. */
    public record Answer(String output, int status) {
        public boolean ok() {
            return status == OK;
        }
    }

    private ConsoleProtocol() {
    }

    /**
     * The bytes of a request.
     *
     * @throws IllegalArgumentException when the command holds a line break or is too long
     */
    public static byte[] request(String command) {
        if (command.indexOf('\n') >= 0 || command.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a console command is one line; this one has a line break");
        }
        byte[] bytes = (command + "\n").getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_REQUEST_BYTES) {
            throw new IllegalArgumentException("a console command has at most " + MAX_REQUEST_BYTES + " bytes; this"
                    + " one has " + (bytes.length - 1));
        }
        return bytes;
    }

    /**
     * Reads one request line.
     *
     * @return the command without its line end, or null when the stream ends before a new request
     * @throws RequestTooLong when the line exceeds {@link #MAX_REQUEST_BYTES}
     */
    public static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                if (line.size() == 0) {
                    return null;
                }
                throw new EOFException("the connection ended inside a request");
            }
            if (line.size() >= MAX_REQUEST_BYTES) {
                throw new RequestTooLong();
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** The bytes of an answer; NUL characters in the output are written as {@code \u0000}. */
    public static byte[] answer(Answer answer) {
        String output = answer.output().replace("\0", "\\u0000");
        if (!output.isEmpty() && !output.endsWith("\n")) {
            output += "\n";
        }
        return (output + "\0" + STATUS_PREFIX + answer.status() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads one answer.
     *
     * @throws EOFException when the stream ends before the answer is complete
     */
    public static Answer readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        for (int b = in.read(); b != 0; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the charger closed the connection before answering");
            }
            output.write(b);
        }
        ByteArrayOutputStream status = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the charger closed the connection inside an answer");
            }
            status.write(b);
        }
        String line = status.toString(StandardCharsets.UTF_8);
        if (!line.startsWith(STATUS_PREFIX)) {
            throw new IOException("not a console answer: status line '" + line + "'");
        }
        try {
            return new Answer(output.toString(StandardCharsets.UTF_8),
                    Integer.parseInt(line.substring(STATUS_PREFIX.length())));
        } catch (NumberFormatException e) {
            throw new IOException("not a console answer: status line '" + line + "'", e);
        }
    }

    /** A request line longer than {@link #MAX_REQUEST_BYTES}. */
    public static final class RequestTooLong extends IOException {
        private static final long serialVersionUID = 1L;

        RequestTooLong() {
            super("a console command has at most " + MAX_REQUEST_BYTES + " bytes");
        }
    }
}
