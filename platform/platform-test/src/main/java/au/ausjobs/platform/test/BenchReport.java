package au.ausjobs.platform.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The figures and Markdown rows the benchmarks (job-service's search and alerts benchmarks, resume-service's resume
 * benchmark) write into their reports under docs/benchmarks: latencies in milliseconds, nearest-rank percentiles, and
 * the machine they ran on; and how each benchmark's {@code main} reads its settings and ends its JVM.
 */
public final class BenchReport {

    /** A benchmark's run: its settings in, its exit status out (0 when it completed). */
    @FunctionalInterface
    public interface Benchmark {
        int run(Map<String, String> settings) throws Exception;
    }

    private BenchReport() {
    }

    /**
     * A benchmark's {@code main}: settings from {@code -Dbench.<name>=<value>} system properties, then
     * {@code name=value} arguments (which win; a leading {@code -} or {@code bench.} is dropped); the run; then
     * {@code System.exit} with its status (1 if it threw), since the services it started (the Mongo wire server, Tomcat,
     * schedulers, clamd's watcher) keep non-daemon threads alive; shutdown hooks still stop them.
     */
    public static void launch(String[] args, Benchmark benchmark) {
        Map<String, String> settings = new LinkedHashMap<>();
        System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("bench."))
            .forEach(n -> settings.put(n.substring("bench.".length()), System.getProperty(n)));
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv.length == 2) {
                settings.put(kv[0].replaceFirst("^-*(bench\\.)?", ""), kv[1]);
            }
        }
        int status = 1;
        try {
            status = benchmark.run(settings);
        }
        catch (Throwable e) {
            e.printStackTrace();
        }
        System.exit(status);
    }

    /** A row "label | count | mean | p50 | p95 | p99 | max" of sorted latencies in nanoseconds; nothing when empty. */
    public static void stats(StringBuilder md, String label, long[] sorted) {
        if (sorted.length == 0) {
            return;
        }
        md.append(String.format("| %s | %,d | %s | %s | %s | %s | %s |%n", label, sorted.length, ms((long) mean(sorted)),
            ms(percentile(sorted, 0.50)), ms(percentile(sorted, 0.95)), ms(percentile(sorted, 0.99)),
            ms(sorted[sorted.length - 1])));
    }

    /** A row "label | time | share of the whole". */
    public static void share(StringBuilder md, String label, double nanos, double whole) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %.0f %% |%n", label, ms((long) nanos), 100 * nanos / whole));
    }

    /** A row "name | value" (pipes in the value escaped). */
    public static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }

    /** Nearest rank. */
    public static long percentile(long[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    public static double mean(long[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    /** Nanoseconds as milliseconds, with three, two or one decimals as the size asks. */
    public static String ms(long nanos) {
        double ms = nanos / 1e6;
        return String.format(Locale.ROOT, ms < 1 ? "%.3f" : ms < 10 ? "%.2f" : "%.1f", ms);
    }

    public static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** The CPU model from /proc/cpuinfo, or "unknown model". */
    public static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown model");
        }
        catch (IOException | RuntimeException e) {
            return "unknown model";
        }
    }
}
