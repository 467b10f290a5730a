package dev.pylon.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pylon.runtime.console.ConsoleProtocol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: {@code java -jar target/pylon-launcher.jar run --shell} with the default config, as {@code ./pylon run}
 * starts it. Checks through the Gogo shell that every bundle is ACTIVE (RESOLVED for a fragment) and that SCR and
 * ConfigAdmin registered their services, waits for the runtime's global ready, then sends SIGTERM and expects a clean
 * stop with exit code 0. Then {@code ./pylon console} against a running charger. Every wait polls with a deadline;
 * nothing sleeps.
 */
class LauncherIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Pattern BUNDLE_ROW = Pattern.compile("^\\s*(\\d+)\\|(\\w+)\\s*\\|\\s*\\d+\\|(.*)$");

    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theDefaultStackStartsAnswersInTheShellAndStopsCleanlyOnSigterm() throws Exception {
        Path jar = Path.of(System.getProperty("pylon.launcher.jar", "target/pylon-launcher.jar")).toAbsolutePath();
        Path config = Path.of("..", RunCommand.DEFAULT_CONFIG).toAbsolutePath().normalize();
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "run", "--config", config.toString(), "--storage", dir.resolve("cache").toString(),
                "--shell").directory(dir.toFile()).start();
        Output out = new Output(process.getInputStream());
        Output err = new Output(process.getErrorStream());

        String started = err.await(l -> l.matches(".* INFO  \\[pylon\\] started \\d+ bundles in \\d+ ms.*"), process);
        int bundleCount = Integer.parseInt(started.replaceAll(".*started (\\d+) bundles.*", "$1"));
        err.await(l -> l.contains(" INFO  [pylon] ready in "), process);

        OutputStream shell = process.getOutputStream();
        send(shell, "lb");
        send(shell, "echo END-LB");
        out.await(l -> l.contains("END-LB") && !l.contains("echo"), process);
        List<String[]> rows = new ArrayList<>();
        for (String line : out.lines()) {
            Matcher m = BUNDLE_ROW.matcher(line.replace("g! ", ""));
            if (m.matches() && !m.group(1).equals("0")) {
                rows.add(new String[] {m.group(2), m.group(3).trim(), m.group(1)});
            }
        }
        assertThat(rows).as("bundles listed by lb:\n%s", String.join("\n", out.lines())).hasSize(bundleCount);
        for (String[] row : rows) {
            assertThat(row[0]).as("state of %s", row[1]).isIn("Active", "Resolved");
            if (row[0].equals("Resolved")) { // only a fragment may stay RESOLVED
                int before = out.lines().size();
                send(shell, "headers " + row[2]);
                send(shell, "echo END-HEADERS-" + row[2]);
                out.await(l -> l.contains("END-HEADERS-" + row[2]) && !l.contains("echo"), process);
                List<String> lines = out.lines();
                String headers = String.join("\n", lines.subList(before, lines.size()));
                assertThat(headers).as("%s is RESOLVED but not a fragment", row[1]).contains("Fragment-Host");
            }
        }
        assertThat(rows).extracting(r -> r[1]).anyMatch(n -> n.contains("Apache Felix Declarative Services"))
                .anyMatch(n -> n.contains("Apache Felix Configuration Admin"))
                .anyMatch(n -> n.contains("Pylon module runtime"));

        send(shell, "inspect capability service " + idOf(rows, "Apache Felix Declarative Services"));
        send(shell, "inspect capability service " + idOf(rows, "Apache Felix Configuration Admin"));
        send(shell, "scr:list");
        send(shell, "echo END-SERVICES");
        out.await(l -> l.contains("END-SERVICES") && !l.contains("echo"), process);
        String services = String.join("\n", out.lines());
        assertThat(services).contains("service; org.osgi.service.component.runtime.ServiceComponentRuntime with properties")
                .contains("service; org.osgi.service.cm.ConfigurationAdmin with properties")
                .containsPattern("dev\\.pylon\\.runtime in bundle \\d+ .*enabled, 1 instance\\.\\s+Id: \\d+, State:ACTIVE");

        process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its pipes
        assertThat(process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("stopped within %s", DEADLINE).isTrue();
        err.join();
        assertThat(process.exitValue()).as("exit code; stderr:\n%s", String.join("\n", err.lines())).isZero();
        assertThat(err.lines()).anyMatch(l -> l.matches(".* INFO  \\[pylon\\] stopped cleanly in \\d+ ms"));
        assertThat(err.lines()).noneMatch(l -> l.contains(" ERROR ") || l.contains("Exception"))
                .noneMatch(l -> l.startsWith("SLF4J")); // slf4j-api found its provider (slf4j-jdk14)
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void theConsoleAnswersJsonOnAnOwnerOnlySocketAndFailuresExitNonZero() throws Exception {
        Path config = Path.of("..", RunCommand.DEFAULT_CONFIG).toAbsolutePath().normalize();
        process = new ProcessBuilder(java(), "-jar", jar().toString(), "run", "--config", config.toString(),
                "--storage", dir.resolve("cache").toString()).directory(dir.toFile()).start();
        new Output(process.getInputStream());
        Output err = new Output(process.getErrorStream());
        err.await(l -> l.contains(" INFO  [pylon] ready in "), process);

        Path socket = dir.resolve(ConsoleProtocol.DEFAULT_SOCKET); // run/pylon.sock in the working directory
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())))
                .isEqualTo("rwx------");

        Console modules = console("pylon:modules");
        assertThat(modules.exit()).as("exit code; stderr: %s", modules.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(modules.out());
        List<String> configured = new ArrayList<>();
        new ObjectMapper(new YAMLFactory()).readTree(config.toFile()).get("active_modules").fieldNames()
                .forEachRemaining(configured::add);
        assertThat(rows.findValuesAsText("id")).containsExactlyElementsOf(configured);
        for (JsonNode row : rows) {
            assertThat(row.get("state").asText()).as("state of %s", row.get("id")).isEqualTo("ACTIVE");
            assertThat(row.get("ready").asBoolean()).as("ready: %s", row.get("id")).isTrue();
            assertThat(row.get("bundle").asText()).as("bundle of %s", row.get("id")).isNotBlank();
        }

        // the default stack has an EV simulator: drive it, with the script quoted as the README shows
        String ev = null;
        for (JsonNode row : rows) {
            if (row.get("provides").findValuesAsText("interface").contains("car_simulator")) {
                ev = row.get("id").asText() + " " + row.get("provides").get(0).get("implementation").asText();
            }
        }
        assertThat(ev).as("a module providing car_simulator in %s", config).isNotNull();
        Console session = console("pylon:call " + ev + " execute_charging_session "
                + "\"sleep 1;iec_wait_pwr_ready;draw_power_regulated 16,3;sleep 30;unplug\"");
        assertThat(session.exit()).as("stderr: %s", session.err()).isZero();
        assertThat(session.out()).isEqualTo("null\n");

        Console unknown = console("pylon:vars no_such_module");
        assertThat(unknown.exit()).isEqualTo(ExitCode.COMMAND_FAILED);
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err()).startsWith("no module 'no_such_module' in ").contains("modules: [");
        assertThat(console("pylon:nope").exit()).isEqualTo(ExitCode.COMMAND_FAILED);

        process.toHandle().destroy();
        assertThat(process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("stopped within %s", DEADLINE).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(socket).doesNotExist();
        Console gone = console("pylon:modules");
        assertThat(gone.exit()).isEqualTo(ExitCode.NO_CHARGER);
        assertThat(gone.err()).isEqualTo("no charger running at run/pylon.sock\n");
    }

    /** What {@code java -jar pylon-launcher.jar console <command>} printed and its exit code. */
    private record Console(int exit, String out, String err) {
    }

    /** Runs {@code ./pylon console <command>} in the charger's working directory, as a script would. */
    private Console console(String command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "console", ".out");
        Path err = Files.createTempFile(dir, "console", ".err");
        Process console = new ProcessBuilder(java(), "-jar", jar().toString(), "console", command)
                .directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!console.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            console.destroyForcibly();
            fail("./pylon console '" + command + "' did not end within " + DEADLINE);
        }
        return new Console(console.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path jar() {
        return Path.of(System.getProperty("pylon.launcher.jar", "target/pylon-launcher.jar")).toAbsolutePath();
    }

    private static String idOf(List<String[]> rows, String name) {
        return rows.stream().filter(r -> r[1].startsWith(name)).map(r -> r[2]).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not installed"));
    }

    private static void send(OutputStream shell, String command) throws IOException {
        shell.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        shell.flush();
    }

    /** Collects a stream's lines on a thread; {@link #await} polls them until a deadline. */
    private static final class Output {
        private final List<String> lines = new ArrayList<>();
        private final Thread reader;

        Output(InputStream in) {
            reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        synchronized (lines) {
                            lines.add(line);
                            lines.notifyAll();
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        List<String> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }

        /** The first line matching, waiting until the deadline; fails early when the process has exited. */
        String await(Predicate<String> match, Process process) throws InterruptedException {
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            synchronized (lines) {
                while (true) {
                    for (String line : lines) {
                        if (match.test(line)) {
                            return line;
                        }
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || !process.isAlive() && !reader.isAlive()) {
                        fail("not seen within " + DEADLINE + (process.isAlive() ? "" : " (the launcher exited with "
                                + process.exitValue() + ")") + "; output so far:\n" + String.join("\n", lines));
                    }
                    lines.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
                }
            }
        }

        void join() throws InterruptedException {
            reader.join(DEADLINE.toMillis());
        }
    }
}
