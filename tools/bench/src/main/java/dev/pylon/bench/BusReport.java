package dev.pylon.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the summary of a {@code tools/bench/run-bus} run: the JMH results of {@link BusBenchmark} (JSON files written
 * with {@code -rf json}) side by side, the bus/direct ratios from the same run, the start-up figures of
 * {@link StartupBenchmark}, and each against its target in DESIGN.md §5 (P1, P2).
 *
 * <pre>java -cp benchmarks.jar dev.pylon.bench.BusReport jmh.json [more-jmh.json ...] [--startup startup.json]</pre>
 */
public final class BusReport {
    static final String PREFIX = BusBenchmark.class.getName() + ".";
    static final double P2_P50_NS = 5_000;
    static final double P2_P99_NS = 50_000;
    static final double P2_OFF_RATIO = 3.0;
    static final long P1_MILLIS = 1_000;

    /** One benchmark × params, both modes. */
    static final class Row {
        String name;
        String label;
        double avgt = Double.NaN;
        double avgtError = Double.NaN;
        double mean = Double.NaN;
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        double p999 = Double.NaN;
        long samples;
        Boolean validate;
        Boolean cmdDirect;
    }

    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Row> rows = new ArrayList<>();
        JsonNode startup = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--startup")) {
                File file = new File(args[++i]);
                if (file.isFile()) {
                    startup = json.readTree(file);
                }
                continue;
            }
            File file = new File(args[i]);
            if (file.isFile()) {
                for (JsonNode result : json.readTree(file)) {
                    add(rows, result);
                }
            }
        }
        print(rows, startup);
    }

    private static void add(List<Row> rows, JsonNode result) {
        String name = result.path("benchmark").asText().replace(PREFIX, "");
        JsonNode params = result.path("params");
        Boolean validate = params.has("validate") ? params.get("validate").asBoolean() : null;
        Boolean direct = params.has("cmdDirect") ? params.get("cmdDirect").asBoolean() : null;
        Row row = null;
        for (Row r : rows) {
            if (r.name.equals(name) && eq(r.validate, validate) && eq(r.cmdDirect, direct)) {
                row = r;
            }
        }
        if (row == null) {
            row = new Row();
            row.name = name;
            row.validate = validate;
            row.cmdDirect = direct;
            row.label = label(name, validate, direct);
            rows.add(row);
        }
        JsonNode metric = result.path("primaryMetric");
        double scale = toNanos(metric.path("scoreUnit").asText());
        switch (result.path("mode").asText()) {
            case "avgt" -> {
                row.avgt = metric.path("score").asDouble() * scale;
                row.avgtError = metric.path("scoreError").asDouble() * scale;
            }
            case "sample" -> {
                row.mean = metric.path("score").asDouble() * scale;
                JsonNode p = metric.path("scorePercentiles");
                row.p50 = p.path("50.0").asDouble() * scale;
                row.p99 = p.path("99.0").asDouble() * scale;
                row.p999 = p.path("99.9").asDouble() * scale;
                long count = 0;
                for (JsonNode iteration : metric.path("rawDataHistogram")) {
                    for (JsonNode histogram : iteration) {
                        for (JsonNode bin : histogram) {
                            count += bin.path(1).asLong();
                        }
                    }
                }
                row.samples = count;
            }
            default -> { }
        }
    }

    private static boolean eq(Boolean a, Boolean b) {
        return a == null ? b == null : a.equals(b);
    }

    private static String label(String name, Boolean validate, Boolean direct) {
        String v = validate == null ? "" : validate ? "validation on" : "validation off";
        return switch (name) {
            case "cmdThroughBus" -> "cmd via bus, " + v + ", " + (direct ? "cmd_direct" : "pool mode");
            case "cmdDirectJavaCall" -> "direct Java call (floor)";
            case "varPublishToListener" -> "var publish → listener (ping-pong), " + v;
            case "varBurstToListener" -> "var burst of " + BusBenchmark.BURST + " → listener, per value, " + v;
            default -> name + (v.isEmpty() ? "" : ", " + v);
        };
    }

    private static double toNanos(String unit) {
        return switch (unit) {
            case "ns/op" -> 1;
            case "us/op" -> 1_000;
            case "ms/op" -> 1_000_000;
            case "s/op" -> 1_000_000_000;
            default -> throw new IllegalArgumentException("unexpected unit " + unit);
        };
    }

    /** ns below 10 µs with one decimal, µs above. */
    static String t(double nanos) {
        if (Double.isNaN(nanos)) {
            return "–";
        }
        if (nanos < 1_000) {
            return String.format(Locale.ROOT, "%.1f ns", nanos);
        }
        if (nanos < 100_000) {
            return String.format(Locale.ROOT, "%.2f µs", nanos / 1_000);
        }
        return String.format(Locale.ROOT, "%.0f µs", nanos / 1_000);
    }

    static String x(double ratio) {
        return Double.isNaN(ratio) ? "–" : String.format(Locale.ROOT, ratio < 10 ? "%.1f×" : "%.0f×", ratio);
    }

    private static void print(List<Row> rows, JsonNode startup) {
        Row floor = rows.stream().filter(r -> r.name.equals("cmdDirectJavaCall")).findFirst().orElse(null);
        System.out.println();
        System.out.println("== P2: cmd allow_power_on(PowerOnOff) from one module to another; var event (BspEvent) ==");
        System.out.println("avgt ± 99.9 % CI; sample: median, p99, p99.9 of per-call times; ratios = bus / direct call "
                + "from the same run (sample times include ~2 System.nanoTime() calls, so the floor's p50 is timer-bound:"
                + " compare avgt)");
        System.out.println();
        System.out.println("| path | avgt | sample p50 | sample p99 | sample p99.9 | avgt / direct | p50 / direct p50 |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Row r : rows) {
            boolean cmd = r.name.startsWith("cmd");
            String ratioAvgt = cmd && floor != null && r != floor ? x(r.avgt / floor.avgt) : cmd ? "1×" : "";
            String ratioP50 = cmd && floor != null && r != floor ? x(r.p50 / floor.p50) : cmd ? "1×" : "";
            System.out.printf("| %s | %s ± %s | %s | %s | %s | %s | %s |%n", r.label, t(r.avgt), t(r.avgtError), t(r.p50),
                    t(r.p99), t(r.p999), ratioAvgt, ratioP50);
        }
        System.out.println();
        System.out.println("Against DESIGN.md §5 P2:");
        for (Row r : rows) {
            if (!r.name.equals("cmdThroughBus")) {
                continue;
            }
            if (r.validate) {
                boolean p50 = r.p50 <= P2_P50_NS;
                boolean p99 = r.p99 <= P2_P99_NS;
                System.out.printf("  %-45s p50 %s (target ≤ 5 µs: %s), p99 %s (target ≤ 50 µs: %s)%n", r.label + ":",
                        t(r.p50), p50 ? "met" : "NOT met", t(r.p99), p99 ? "met" : "NOT met");
            } else if (floor != null) {
                double ratio = r.avgt / floor.avgt;
                System.out.printf("  %-45s avgt %s = %s the direct call's %s (target ≤ 3×: %s)%n", r.label + ":", t(r.avgt),
                        x(ratio), t(floor.avgt), ratio <= P2_OFF_RATIO ? "met" : "NOT met");
            }
        }
        System.out.println();
        System.out.println("== P1: launcher cold start to global ready (wall time from process start, JVM included) ==");
        if (startup == null) {
            System.out.println("  not measured (no start-up results)");
            return;
        }
        System.out.println();
        System.out.println("| config | modules | runs | median | min | max | launcher's own figure (median) "
                + "| CPU used by ready (median) | load average (median) |");
        System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Iterator<Map.Entry<String, JsonNode>> it = startup.path("configs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode c = e.getValue();
            List<String> modules = new ArrayList<>();
            c.path("modules").fields().forEachRemaining(m -> modules.add(m.getKey() + " (" + m.getValue().asText() + ")"));
            List<Long> self = new ArrayList<>();
            List<Long> cpu = new ArrayList<>();
            List<Double> load = new ArrayList<>();
            c.path("runs").forEach(run -> {
                self.add(run.path("selfReportedMillis").asLong());
                cpu.add(run.path("cpuMillis").asLong());
                load.add(run.path("loadAverage").asDouble());
            });
            String label = e.getKey() + ": " + c.path("path").asText();
            if (c.has("error")) {
                System.out.printf("| %s | %s | FAILED: %s |%n", label, modules.isEmpty() ? "none" : String.join(", ", modules),
                        c.path("error").asText().lines().findFirst().orElse(""));
                continue;
            }
            System.out.printf("| %s | %s | %d | %d ms | %d ms | %d ms | %s | %s | %s |%n", label,
                    modules.isEmpty() ? "none" : String.join(", ", modules), c.path("runs").size(),
                    c.path("medianMillis").asLong(), c.path("minMillis").asLong(), c.path("maxMillis").asLong(),
                    self.isEmpty() ? "–" : StartupBenchmark.median(self.stream().sorted().toList()) + " ms",
                    cpu.isEmpty() ? "–" : StartupBenchmark.median(cpu.stream().sorted().toList()) + " ms",
                    load.isEmpty() ? "–" : String.format(Locale.ROOT, "%.2f", load.stream().sorted().toList()
                            .get(load.size() / 2)));
        }
        System.out.println();
        for (Iterator<Map.Entry<String, JsonNode>> it = startup.path("configs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().has("medianMillis")) {
                long median = e.getValue().path("medianMillis").asLong();
                System.out.printf("  %s: median %d ms (target ≤ %d ms: %s)%n", e.getKey(), median, P1_MILLIS,
                        median <= P1_MILLIS ? "met" : "NOT met");
            }
        }
    }
}
