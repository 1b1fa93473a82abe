package io.github.geodispatch.benchmarks.leakage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The audit as a host or an accountant runs it: the {@code geodispatch audit} command in its own JVM (by default
 * pinned to one core with {@code taskset -c 0}, heap {@code -Xmx1g}) over generated journals of 1,000,000 and
 * 5,000,000 lines ({@code --technicians}, 50 by default, {@link JournalGenerator}, seed 42; generated once into {@code --dir} and
 * reused; {@code --upi screenshots} or {@code placeholder} generates them with that {@link JournalGenerator.Upi}
 * profile; {@code --sites campus} puts every job on one campus; {@code --stint DAYS} makes each technician leave
 * after that many days for a new one, {@link JournalGenerator#stints}). Reports per journal the process's wall
 * time, CPU time (user + system, all its threads: parsing, garbage collection, compilation) and how it splits
 * between the main thread, the JIT compiler and the collector ({@link ThreadCpu}), lines per second of wall and CPU time, and peak resident memory (VmHWM), sampled from
 * {@code /proc} every 20 ms. With {@code --reference JAR} it runs another build of the CLI on the same journals
 * and says whether the findings files are byte-identical.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.github.geodispatch.benchmarks.leakage.AuditThroughputMain \
 *     [--cli examples/target/geodispatch.jar] [--lines 1000000,5000000] [--heap 1g] [--cores 1|all] \
 *     [--dir benchmarks/target/audit-journals] [--reference OTHER-geodispatch.jar] \
 *     [--upi referenced|screenshots|placeholder] [--technicians 50] [--sites city|campus] [--stint 0]
 * }</pre>
 *
 * Linux only (it reads {@code /proc}). Not thread-safe.
 */
public final class AuditThroughputMain {
    /** Journals of this many technicians keep their plain names (as measured before the option existed). */
    private static final int DEFAULT_TECHNICIANS = 50;
    /** Clock ticks per second of {@code /proc/PID/stat} times ({@code getconf CLK_TCK} on Linux). */
    private static final double TICKS_PER_SECOND = 100.0;

    /** What to run. */
    public record Options(Path cli, List<Long> lines, String heap, boolean oneCore, Path dir, Path reference,
                          JournalGenerator.Upi upi, int technicians, JournalGenerator.Sites sites, int stintDays) {
        public static Options parse(String... args) {
            Path cli = Path.of("examples/target/geodispatch.jar");
            List<Long> lines = List.of(1_000_000L, 5_000_000L);
            String heap = "1g";
            boolean oneCore = true;
            Path dir = Path.of("benchmarks/target/audit-journals");
            Path reference = null;
            JournalGenerator.Upi upi = JournalGenerator.Upi.REFERENCED;
            int technicians = DEFAULT_TECHNICIANS;
            JournalGenerator.Sites sites = JournalGenerator.Sites.CITY;
            int stintDays = 0;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--cli" -> cli = Path.of(args[++i]);
                    case "--lines" -> lines = Arrays.stream(args[++i].split(",")).map(String::strip).map(Long::parseLong).toList();
                    case "--heap" -> heap = args[++i];
                    case "--cores" -> oneCore = switch (args[++i]) {
                        case "1" -> true;
                        case "all" -> false;
                        default -> throw new IllegalArgumentException("--cores is 1 or all, was " + args[i]);
                    };
                    case "--dir" -> dir = Path.of(args[++i]);
                    case "--reference" -> reference = Path.of(args[++i]);
                    case "--upi" -> upi = switch (args[++i]) {
                        case "referenced" -> JournalGenerator.Upi.REFERENCED;
                        case "screenshots" -> JournalGenerator.Upi.SCREENSHOTS;
                        case "placeholder" -> JournalGenerator.Upi.PLACEHOLDER;
                        default -> throw new IllegalArgumentException(
                                "--upi is referenced, screenshots or placeholder, was " + args[i]);
                    };
                    case "--technicians" -> technicians = Integer.parseInt(args[++i]);
                    case "--sites" -> sites = switch (args[++i]) {
                        case "city" -> JournalGenerator.Sites.CITY;
                        case "campus" -> JournalGenerator.Sites.CAMPUS;
                        default -> throw new IllegalArgumentException("--sites is city or campus, was " + args[i]);
                    };
                    case "--stint" -> stintDays = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (technicians < 1) {
                throw new IllegalArgumentException("--technicians must be at least 1, was " + technicians);
            }
            if (stintDays < 0) {
                throw new IllegalArgumentException("--stint must be 0 (none) or more days, was " + stintDays);
            }
            return new Options(cli, lines, heap, oneCore, dir, reference, upi, technicians, sites, stintDays);
        }
    }

    /** One audit run of the CLI. */
    public record Run(long lines, double wallSeconds, double cpuSeconds, Map<ThreadCpu.Kind, Double> cpuByThread,
                      long peakRssKb, long findings, int exit, Path findingsFile) {
        public double linesPerWallSecond() {
            return lines / wallSeconds;
        }

        public double linesPerCpuSecond() {
            return lines / cpuSeconds;
        }
    }

    /** A journal's runs: ours, and the reference build's when one was given. */
    public record Row(Run ours, Run reference, Boolean sameFindings) {}

    private AuditThroughputMain() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        System.out.println(header(options));
        System.out.println(TABLE_HEAD);
        for (Row row : run(options)) {
            System.out.println(line("ours", row.ours()));
            if (row.reference() != null) {
                System.out.println(line("reference", row.reference()) + " same findings: "
                        + (row.sameFindings() ? "yes" : "NO"));
            }
        }
    }

    public static final String TABLE_HEAD = "| build | lines | wall | lines/s (wall) | CPU | of it: main / JIT compiler / "
            + "collector | lines/s (CPU) | peak RSS | findings | exit |\n"
            + "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |";

    public static String header(Options options) {
        return String.format(Locale.ROOT, "audit through the CLI: java -Xmx%s -jar %s audit, %s, journals in %s, %d technicians%s%s",
                options.heap(), options.cli(), options.oneCore() ? "pinned to one core (taskset -c 0)" : "all cores",
                options.dir(), options.technicians(), switch (options.upi()) {
                    case REFERENCED -> "";
                    case SCREENSHOTS -> ", UPI paid by screenshot";
                    case PLACEHOLDER -> ", UPI paid by screenshot, \"NA\" typed for the UTR";
                }, options.sites() == JournalGenerator.Sites.CAMPUS ? ", every job on one campus" : "")
                + (options.stintDays() == 0 ? "" : ", each technician leaving after " + options.stintDays() + " days");
    }

    public static String line(String build, Run r) {
        Map<ThreadCpu.Kind, Double> split = r.cpuByThread();
        return String.format(Locale.ROOT, "| %s | %,d | %.1f s | %,.0f | %.1f s | %.1f / %.1f / %.1f s | %,.0f | %,d MB | %d | %d |",
                build, r.lines(), r.wallSeconds(), r.linesPerWallSecond(), r.cpuSeconds(), split.get(ThreadCpu.Kind.MAIN),
                split.get(ThreadCpu.Kind.COMPILER), split.get(ThreadCpu.Kind.COLLECTOR), r.linesPerCpuSecond(),
                r.peakRssKb() / 1024, r.findings(), r.exit());
    }

    /** Generates (or reuses) each journal and audits it through the CLI, and through the reference when given. */
    public static List<Row> run(Options options) throws IOException, InterruptedException {
        Files.createDirectories(options.dir());
        List<Row> rows = new ArrayList<>();
        for (long lines : options.lines()) {
            String name = "journal-" + lines + (options.technicians() == DEFAULT_TECHNICIANS ? "" : "-" + options.technicians() + "-technicians")
                    + (options.upi() == JournalGenerator.Upi.REFERENCED ? "" : "-" + options.upi().name().toLowerCase(Locale.ROOT))
                    + (options.sites() == JournalGenerator.Sites.CITY ? "" : "-" + options.sites().name().toLowerCase(Locale.ROOT))
                    + (options.stintDays() == 0 ? "" : "-stints-of-" + options.stintDays() + "-days");
            Path journal = options.dir().resolve(name + ".jsonl");
            Path asOfFile = options.dir().resolve(name + ".as-of");
            if (!Files.exists(journal) || !Files.exists(asOfFile)) {
                int days = new JournalGenerator(42, options.technicians(), options.upi(), options.sites())
                        .stints(options.stintDays()).write(journal, lines);
                Files.writeString(asOfFile, JournalGenerator.asOf(days).toString());
            }
            long actualLines;
            try (var stream = Files.lines(journal)) {
                actualLines = stream.count();
            }
            Instant asOf = OffsetDateTime.parse(Files.readString(asOfFile).strip()).toInstant();
            Run ours = audit(options, options.cli(), journal, asOf, actualLines, "ours");
            Run reference = null;
            Boolean same = null;
            if (options.reference() != null) {
                reference = audit(options, options.reference(), journal, asOf, actualLines, "reference");
                same = Arrays.equals(Files.readAllBytes(ours.findingsFile()), Files.readAllBytes(reference.findingsFile()));
            }
            rows.add(new Row(ours, reference, same));
        }
        return rows;
    }

    private static Run audit(Options options, Path cli, Path journal, Instant asOf, long lines, String build)
            throws IOException, InterruptedException {
        Path findings = options.dir().resolve(journal.getFileName() + "." + build + ".findings.jsonl");
        List<String> command = new ArrayList<>();
        if (options.oneCore()) {
            command.addAll(List.of("taskset", "-c", "0"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + options.heap(),
                "-jar", cli.toString(), "audit", "--journal", journal.toString(), "--as-of", asOf.toString(),
                "--out", findings.toString()));
        Path printed = options.dir().resolve(journal.getFileName() + "." + build + ".out.txt");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(printed.toFile()).start();
        long cpuTicks = 0;
        long peakKb = 0;
        ThreadCpu threads = new ThreadCpu(process.pid());
        while (!process.waitFor(20, TimeUnit.MILLISECONDS)) {
            cpuTicks = Math.max(cpuTicks, cpuTicks(process.pid()));
            peakKb = Math.max(peakKb, peakRssKb(process.pid()));
            threads.sample();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        long found = Files.exists(findings) ? countLines(findings) : -1;
        return new Run(lines, wall, cpuTicks / TICKS_PER_SECOND, threads.seconds(TICKS_PER_SECOND), peakKb, found,
                process.exitValue(), findings);
    }

    private static long countLines(Path file) throws IOException {
        try (var stream = Files.lines(file)) {
            return stream.count();
        }
    }

    /** utime + stime of the process so far, in clock ticks; 0 once it is gone. */
    private static long cpuTicks(long pid) {
        try {
            return ThreadCpu.ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** The process's peak resident set (VmHWM) so far, in KB; 0 once it is gone. */
    private static long peakRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended between the poll and the read
        }
        return 0;
    }
}
