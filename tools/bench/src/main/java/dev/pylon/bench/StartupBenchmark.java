package dev.pylon.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * P1: cold start of the real launcher to global ready, measured from outside. Runs
 * {@code java -jar <launcher> run --config <config> --storage <fresh temp dir>} as a subprocess N times per config and
 * takes the wall time from just before the process is started (fork, JVM start and everything after included) to the
 * moment the launcher's ready line ({@code ready in N ms since JVM start}, logged when the runtime registers its
 * global ready marker) appears on its console; then stops it with SIGTERM (forcibly after 20 s) and waits for it.
 * Not JMH: every run is one cold JVM.
 *
 * <pre>
 * java -cp tools/bench/target/benchmarks.jar dev.pylon.bench.StartupBenchmark \
 *     --launcher launcher/target/pylon-launcher.jar --runs 5 \
 *     --config default=config/sim-ac.yaml --config empty=empty.yaml --out startup.json
 * </pre>
 *
 * Writes a JSON file with every run (read by {@link BusReport}) and prints one line per run and a summary.
 */
public final class StartupBenchmark {
    /** The launcher's line at global ready (launcher/.../osgi/EmbeddedFelix.java). */
    static final String DEFAULT_READY = "ready in (\\d+) ms since JVM start";
    /** The runtime's line at global ready (bundles/runtime/.../bus/ReadyTracker.java). */
    static final Pattern MODULES_READY = Pattern.compile("all (\\d+) modules ready in (\\d+) ms");
    static final Pattern BUNDLES_STARTED = Pattern.compile("started (\\d+) bundles in (\\d+) ms");
    static final long READY_TIMEOUT_SECONDS = 60;
    static final long STOP_TIMEOUT_SECONDS = 20;

    /**
     * @param cpuMillis   CPU time (user + system, all threads) the launcher process had used when its ready line was
     *                    read, or -1 if unknown: on 2 cores a wall time far above cpuMillis / 2 means it waited for CPU
     * @param loadAverage the 1-minute load average when the run started (from /proc/loadavg), or -1
     */
    record Run(int n, long wallMillis, long selfReportedMillis, long cpuMillis, double loadAverage, String modulesReady,
            String bundlesStarted, int exitCode, long stopMillis) {
    }

    public static void main(String[] args) throws Exception {
        Path launcher = null;
        Path out = null;
        int runs = 5;
        Pattern ready = Pattern.compile(DEFAULT_READY);
        Map<String, Path> configs = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--launcher" -> launcher = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--ready-regex" -> ready = Pattern.compile(args[++i]);
                case "--config" -> {
                    String spec = args[++i];
                    int eq = spec.indexOf('=');
                    configs.put(eq > 0 ? spec.substring(0, eq) : spec, Path.of(eq > 0 ? spec.substring(eq + 1) : spec));
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (launcher == null || configs.isEmpty() || !Files.isRegularFile(launcher)) {
            System.err.println("usage: StartupBenchmark --launcher <pylon-launcher.jar> [--runs N] [--out file.json]"
                    + " --config label=path ...  (launcher: " + launcher + ")");
            System.exit(2);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode result = json.createObjectNode();
        result.put("launcher", launcher.toString());
        result.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        result.put("runsPerConfig", runs);
        ObjectNode byConfig = result.putObject("configs");
        boolean failed = false;
        for (Map.Entry<String, Path> config : configs.entrySet()) {
            String label = config.getKey();
            Path file = config.getValue();
            Map<String, String> modules = modules(file);
            System.out.printf("P1 %s: %s, %d module(s) %s%n", label, file, modules.size(), modules);
            ObjectNode node = byConfig.putObject(label);
            node.put("path", file.toString());
            ObjectNode mods = node.putObject("modules");
            modules.forEach(mods::put);
            ArrayNode runNodes = node.putArray("runs");
            List<Long> walls = new ArrayList<>();
            for (int n = 1; n <= runs; n++) {
                Run run;
                try {
                    run = runOnce(java, launcher, file, ready, n);
                } catch (StartupFailed e) {
                    System.out.println("  run " + n + ": FAILED: " + e.getMessage());
                    node.put("error", e.getMessage());
                    failed = true;
                    break;
                }
                walls.add(run.wallMillis());
                System.out.printf("  run %d: %4d ms to ready (launcher says %d ms since JVM start; %d ms CPU; load %.2f;"
                        + " %s; %s; stopped in %d ms, exit %d)%n", n, run.wallMillis(), run.selfReportedMillis(),
                        run.cpuMillis(), run.loadAverage(), run.bundlesStarted(), run.modulesReady(), run.stopMillis(),
                        run.exitCode());
                runNodes.add(json.valueToTree(run));
            }
            if (!walls.isEmpty()) {
                List<Long> sorted = walls.stream().sorted().toList();
                long median = median(sorted);
                node.put("medianMillis", median);
                node.put("minMillis", sorted.get(0));
                node.put("maxMillis", sorted.get(sorted.size() - 1));
                System.out.printf("  %s: median %d ms, min %d ms, max %d ms over %d runs%n", label, median, sorted.get(0),
                        sorted.get(sorted.size() - 1), sorted.size());
            }
        }
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            json.writeValue(out.toFile(), result);
        }
        System.exit(failed ? 1 : 0);
    }

    static long median(List<Long> sorted) {
        int size = sorted.size();
        return size % 2 == 1 ? sorted.get(size / 2) : (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2;
    }

    /** Module id to module type, from the config's {@code active_modules}. */
    static Map<String, String> modules(Path config) throws IOException {
        Map<String, String> modules = new LinkedHashMap<>();
        JsonNode active = new YAMLMapper().readTree(config.toFile()).path("active_modules");
        for (Iterator<Map.Entry<String, JsonNode>> it = active.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            modules.put(entry.getKey(), entry.getValue().path("module").asText("?"));
        }
        return modules;
    }

    static final class StartupFailed extends Exception {
        StartupFailed(String message) {
            super(message);
        }
    }

    static Run runOnce(String java, Path launcher, Path config, Pattern ready, int n) throws Exception {
        Path storage = Files.createTempDirectory("pylon-bench-felix-");
        List<String> command = List.of(java, "-jar", launcher.toString(), "run", "--config", config.toString(),
                "--storage", storage.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Long> readyAt = new CompletableFuture<>();
        CompletableFuture<Long> selfReported = new CompletableFuture<>();
        String[] modulesReady = {"no 'all N modules ready' line"};
        String[] bundlesStarted = {"no 'started N bundles' line"};

        double load = loadAverage();
        long start = System.nanoTime();
        Process process = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    long now = System.nanoTime();
                    output.add(line);
                    Matcher m = ready.matcher(line);
                    if (!readyAt.isDone() && m.find()) {
                        readyAt.complete(now);
                        selfReported.complete(m.groupCount() >= 1 ? Long.parseLong(m.group(1)) : -1);
                    }
                    Matcher mr = MODULES_READY.matcher(line);
                    if (mr.find()) {
                        modulesReady[0] = "runtime: " + mr.group(0) + " of config apply";
                    }
                    Matcher bs = BUNDLES_STARTED.matcher(line);
                    if (bs.find()) {
                        bundlesStarted[0] = bs.group(0);
                    }
                }
            } catch (IOException e) {
                output.add("(reading the output failed: " + e + ")");
            } finally {
                readyAt.complete(-1L); // no-op when ready was seen
            }
        }, "startup-output-" + n);
        reader.setDaemon(true);
        reader.start();

        long readyNanos;
        try {
            readyNanos = readyAt.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            readyNanos = -1;
        }
        long cpuMillis = process.info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
        long stopStart = System.nanoTime();
        process.destroy(); // SIGTERM: the launcher stops the framework cleanly
        if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        long stopMillis = (System.nanoTime() - stopStart) / 1_000_000;
        reader.join(5_000);
        deleteQuietly(storage);
        if (readyNanos < 0) {
            int from = Math.max(0, output.size() - 30);
            throw new StartupFailed("no line matching /" + ready.pattern() + "/ within " + READY_TIMEOUT_SECONDS
                    + " s (exit " + (process.isAlive() ? "-" : process.exitValue()) + "); command " + command
                    + "; last output:\n    " + String.join("\n    ", output.subList(from, output.size())));
        }
        return new Run(n, (readyNanos - start) / 1_000_000, selfReported.getNow(-1L), cpuMillis, load, modulesReady[0],
                bundlesStarted[0], process.isAlive() ? -1 : process.exitValue(), stopMillis);
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }
}
