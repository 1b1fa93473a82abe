package io.github.geodispatch.benchmarks;

import io.github.geodispatch.benchmarks.leakage.AuditThroughputMain;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Every benchmark in one command, and the whole table at the end: each JMH benchmark ({@code -prof gc}) with ours
 * beside each naive baseline of the same class, parameters and run (methods named {@code naive*} are the
 * baselines); then the audit through the CLI ({@link AuditThroughputMain}), the JDBC adapter on PostgreSQL when
 * {@code GEODISPATCH_PG_URL} names one (skipped with the reason otherwise), and the VRPTW quality suite against
 * jsprit. The header and footer give the machine (cores, CPU model, JVM), the load average before and after, and
 * the date. Run from the repository root:
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.github.geodispatch.benchmarks.Harness [--quick]
 * }</pre>
 *
 * {@code --quick} is a smoke run (minutes, not an hour): one fork, a 1 s warm-up and two 1 s iterations of
 * everything, small parameters ({@code fences=1000 technicians=500 lines=100000 jobs=10000}), a 200,000-line audit,
 * two VRPTW instances for 5 s; its figures show the harness works and are not results. Not thread-safe.
 */
public final class Harness {
    private static final Path CLI_JAR = Path.of("examples/target/geodispatch.jar");

    private Harness() {}

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        String started = now();
        String loadBefore = loadAverage();
        List<RunResult> jmh = jmh(quick);
        List<AuditThroughputMain.Row> audit = audit(quick);
        String jdbc = jdbc(quick);
        String vrptw = vrptw(quick);
        String loadAfter = loadAverage();

        System.out.println();
        System.out.println("# geodispatch benchmarks" + (quick ? " (--quick: a smoke run, not results)" : ""));
        System.out.println();
        System.out.println(machine());
        System.out.printf("started %s, load average %s; ended %s, load average %s%n%n", started, loadBefore, now(), loadAfter);
        System.out.println("## JMH: ours beside each naive baseline, same run");
        System.out.println();
        System.out.println(table(jmh));
        System.out.println("## Audit through the CLI");
        System.out.println();
        if (audit.isEmpty()) {
            System.out.println("skipped: " + CLI_JAR + " is missing (build it: mvn -B -q -DskipTests package)");
        } else {
            System.out.println(AuditThroughputMain.header(AuditThroughputMain.Options.parse()));
            System.out.println();
            System.out.println(AuditThroughputMain.TABLE_HEAD);
            audit.forEach(row -> System.out.println(AuditThroughputMain.line("ours", row.ours())));
        }
        System.out.println();
        System.out.println("## JDBC adapter");
        System.out.println();
        System.out.println(jdbc);
        System.out.println("## VRPTW quality: ours beside jsprit");
        System.out.println();
        System.out.println(vrptw);
    }

    private static List<RunResult> jmh(boolean quick) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder().include(".*").addProfiler(GCProfiler.class)
                .shouldFailOnError(true);
        if (quick) {
            options.forks(1).warmupIterations(1).warmupTime(TimeValue.seconds(1)).measurementIterations(2)
                    .measurementTime(TimeValue.seconds(1)).jvmArgs("-Xmx2g")
                    .param("fences", "1000").param("technicians", "500").param("lines", "100000").param("jobs", "10000");
        }
        return new ArrayList<>(new Runner(options.build()).run());
    }

    /**
     * The JMH results as rows: per class and parameters, each of ours beside each baseline of the same class and mode
     * whose parameters ours shares (a baseline may have fewer: {@code PingIngestionBenchmark}'s have no {@code large});
     * a baseline no method of ours matches gets a row of its own, so none is left out.
     */
    static String table(Collection<RunResult> results) {
        Map<String, List<RunResult>> classes = new TreeMap<>();
        for (RunResult r : results) {
            classes.computeIfAbsent(className(r), k -> new ArrayList<>()).add(r);
        }
        Map<String, List<String>> rows = new TreeMap<>();
        for (List<RunResult> group : classes.values()) {
            List<RunResult> baselines = group.stream().filter(r -> method(r).startsWith("naive")).toList();
            List<RunResult> unmatched = new ArrayList<>(baselines);
            for (RunResult o : group.stream().filter(r -> !method(r).startsWith("naive")).toList()) {
                String key = className(o) + " " + params(o);
                List<RunResult> beside = baselines.stream().filter(b -> comparable(o, b)).toList();
                unmatched.removeAll(beside);
                if (beside.isEmpty()) {
                    rows.computeIfAbsent(key, k -> new ArrayList<>()).add(String.format(Locale.ROOT,
                            "| %s | %s | %s | %s | %s | – | | | | |", key, method(o), median(o), mean(o), bytesPerOp(o)));
                }
                for (RunResult b : beside) {
                    rows.computeIfAbsent(key, k -> new ArrayList<>()).add(String.format(Locale.ROOT,
                            "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %.1f× |", key, method(o), median(o), mean(o),
                            bytesPerOp(o), method(b), median(b), mean(b), bytesPerOp(b),
                            b.getPrimaryResult().getScore() / o.getPrimaryResult().getScore()));
                }
            }
            for (RunResult b : unmatched) {
                String key = className(b) + " " + params(b);
                rows.computeIfAbsent(key, k -> new ArrayList<>()).add(String.format(Locale.ROOT,
                        "| %s | – | | | | %s | %s | %s | %s | |", key, method(b), median(b), mean(b), bytesPerOp(b)));
            }
        }
        StringBuilder out = new StringBuilder("| benchmark, parameters | ours | median | mean ± error | B/op | baseline | "
                + "median | mean ± error | B/op | baseline mean / ours |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        rows.values().forEach(lines -> lines.forEach(line -> out.append(line).append('\n')));
        return out.toString();
    }

    /** Whether baseline {@code b} was measured like {@code ours}: the same mode, and each of its parameters at ours' value. */
    private static boolean comparable(RunResult ours, RunResult b) {
        if (ours.getParams().getMode() != b.getParams().getMode()) {
            return false;
        }
        for (String key : b.getParams().getParamsKeys()) {
            if (!b.getParams().getParam(key).equals(ours.getParams().getParam(key))) {
                return false;
            }
        }
        return true;
    }

    /** The benchmark's class, with its package below {@code benchmarks}: {@code geofence.PingIngestionBenchmark}. */
    private static String className(RunResult r) {
        String benchmark = r.getParams().getBenchmark();
        String type = benchmark.substring(0, benchmark.lastIndexOf('.'));
        return type.substring(type.lastIndexOf('.', type.lastIndexOf('.') - 1) + 1);
    }

    private static String method(RunResult r) {
        String benchmark = r.getParams().getBenchmark();
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    private static String params(RunResult r) {
        List<String> out = new ArrayList<>();
        for (String key : r.getParams().getParamsKeys()) {
            out.add(key + "=" + r.getParams().getParam(key));
        }
        return String.join(" ", out);
    }

    /** The median of the samples in sample-time mode; a dash in the other modes (their score is a mean). */
    private static String median(RunResult r) {
        Result<?> primary = r.getPrimaryResult();
        if (r.getParams().getMode() == Mode.SampleTime) {
            return String.format(Locale.ROOT, "%,.1f %s", primary.getStatistics().getPercentile(50), primary.getScoreUnit());
        }
        return "–";
    }

    private static String mean(RunResult r) {
        Result<?> primary = r.getPrimaryResult();
        return String.format(Locale.ROOT, "%,.1f ± %,.1f %s", primary.getScore(), primary.getScoreError(),
                primary.getScoreUnit());
    }

    private static String bytesPerOp(RunResult r) {
        for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
            if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                return String.format(Locale.ROOT, "%,.1f", e.getValue().getScore());
            }
        }
        return "?";
    }

    private static List<AuditThroughputMain.Row> audit(boolean quick) throws IOException, InterruptedException {
        if (!Files.exists(CLI_JAR)) {
            return List.of();
        }
        List<String> args = new ArrayList<>(List.of("--cli", CLI_JAR.toString()));
        if (quick) {
            args.addAll(List.of("--lines", "200000"));
        }
        return AuditThroughputMain.run(AuditThroughputMain.Options.parse(args.toArray(String[]::new)));
    }

    private static String jdbc(boolean quick) throws IOException, InterruptedException {
        if (System.getenv("GEODISPATCH_PG_URL") == null) {
            return "skipped: no database configured (GEODISPATCH_PG_URL, GEODISPATCH_PG_USER, GEODISPATCH_PG_PASSWORD "
                    + "unset; .ci/with-postgres sets them)\n";
        }
        return main("io.github.geodispatch.benchmarks.jdbc.JdbcThroughput", "postgres", quick ? "10000" : "1000000");
    }

    private static String vrptw(boolean quick) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--data", "examples/data/solomon", "--seconds", quick ? "5" : "60"));
        if (quick) {
            args.addAll(List.of("C101", "R101"));
        }
        return main("io.github.geodispatch.benchmarks.vrptw.VrptwQualitySuite", args.toArray(String[]::new));
    }

    /** Runs a main of this jar in its own JVM (its own heap and compiler state) and returns what it printed. */
    private static String main(String className, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), className));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        process.waitFor(1, TimeUnit.HOURS);
        return printed + (process.exitValue() == 0 ? "" : "(exit code " + process.exitValue() + ")\n");
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).strip();
                    break;
                }
            }
        } catch (IOException e) {
            cpu = "unknown CPU (" + e.getMessage() + ")";
        }
        return String.format(Locale.ROOT, "machine: %d cores, %s, %.1f GB memory; JVM %s %s; %s %s",
                Runtime.getRuntime().availableProcessors(), cpu, totalMemoryGb(), System.getProperty("java.vm.name"),
                System.getProperty("java.vm.version"), System.getProperty("os.name"), System.getProperty("os.version"));
    }

    private static double totalMemoryGb() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / 1e9;
        }
        return Double.NaN;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String now() {
        return ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
