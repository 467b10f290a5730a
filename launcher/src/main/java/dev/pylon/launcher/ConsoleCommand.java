package dev.pylon.launcher;

import dev.pylon.runtime.console.ConsoleClient;
import dev.pylon.runtime.console.ConsoleProtocol;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./pylon console '<command>'}: runs one shell command on the running charger, through its console socket
 * (owner-only, see {@link ConsoleProtocol}), prints the answer and exits with the command's status.
 */
@Command(name = "console", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Runs one shell command on the running charger and prints its answer: pylon:modules, "
                + "pylon:wiring, pylon:vars, pylon:call, pylon:errors, pylon:raise, pylon:clear, pylon:restart, "
                + "pylon:stats, or any Gogo command (lb, scr:list). Data comes as JSON on stdout; a failure goes to "
                + "stderr.",
            "Exit codes: 0 the command succeeded, 1 it failed, 2 bad arguments, 4 no charger running."})
final class ConsoleCommand implements Callable<Integer> {
    /** Words Gogo would split or interpret, so they are quoted when the command comes as several arguments. */
    private static final Pattern PLAIN = Pattern.compile("[^\\s;|&{}\\[\\]()\"'$<>#\\\\=]+");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--socket", paramLabel = "PATH", defaultValue = ConsoleProtocol.DEFAULT_SOCKET,
            description = "The charger's console socket (default: ${DEFAULT-VALUE}).")
    Path socket;

    @Parameters(arity = "1..*", paramLabel = "COMMAND",
            description = "The command line, best as one quoted argument: 'pylon:vars evse'. Several arguments are "
                    + "joined with spaces, each quoted for Gogo where it needs it.")
    List<String> words;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConsoleProtocol.Answer answer;
        try {
            answer = ConsoleClient.execute(socket, line(words));
        } catch (ConsoleClient.NotRunning e) {
            err.println(e.getMessage());
            return ExitCode.NO_CHARGER;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCode.BAD_ARGUMENTS;
        } catch (EOFException e) {
            err.println(e.getMessage());
            return ExitCode.COMMAND_FAILED;
        } catch (IOException e) {
            err.println("cannot reach the charger at " + socket + ": " + e.getMessage());
            return ExitCode.NO_CHARGER;
        }
        PrintWriter target = answer.ok() ? out : err;
        target.print(answer.output());
        target.flush();
        return answer.ok() ? ExitCode.OK : ExitCode.COMMAND_FAILED;
    }

    /**
     * The command line: one argument as it is; several joined with spaces, each word that Gogo would split or
     * interpret in single quotes (literal in Gogo), a single quote in it written {@code '\''} as in a POSIX shell.
     */
    static String line(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'");
        }
        return line.toString();
    }
}
