package io.github.geodispatch.benchmarks.stock;

import io.github.geodispatch.examples.cli.GeodispatchCli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A measured main for the {@code stock} command end to end (read the journal, fold the stock, run the rules, write
 * {@code stock.csv}, {@code margin.csv} and {@code findings.jsonl} atomically): generates a 1,000,000-line journal
 * (4 branches of 25 technicians, receipt costs drifting around the catalogue cost, a leak of each kind every 7 days,
 * {@code pingsPerJob} GPS pings per job: 0 for a journal of job and stock records only, 120 for a whole business's
 * journal as the {@code audit} benchmark's, about 93% pings), or uses the journal given, then runs {@code rounds}
 * rounds (the first two are warm-up) of {@code geodispatch stock} in this JVM, printing wall-clock and thread CPU
 * time (of this thread, and of the whole process: the journal's reading thread, the garbage collector's and the
 * compiler's threads too), lines per second and the bytes this thread allocated per line for each (the command reads
 * the journal ahead on a second thread, whose CPU time and allocations only the process figure counts). CPU time
 * shows the cost even when other processes compete for the cores; the bytes allocated do not depend on the load.
 *
 * <pre>{@code java -Xmx2g -cp benchmarks/target/benchmarks.jar io.github.geodispatch.benchmarks.stock.StockCliMain rounds pingsPerJob
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar io.github.geodispatch.benchmarks.stock.StockCliMain rounds journal as-of}</pre>
 */
public final class StockCliMain {
    private StockCliMain() {}

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int pingsPerJob = args.length == 2 ? Integer.parseInt(args[1]) : 0;
        boolean generated = args.length < 3;
        Path file;
        OffsetDateTime asOf;
        long lines;
        if (generated) {
            file = Files.createTempFile("stock-journal-", ".jsonl");
            asOf = StockJournalGenerator.asOf(new StockJournalGenerator(42, 4, 25, true, 7, pingsPerJob)
                    .writeLines(file, 1_000_000));
        } else {
            file = Path.of(args[1]);
            asOf = OffsetDateTime.parse(args[2]);
        }
        try (Stream<String> all = Files.lines(file)) {
            lines = all.count();
        }
        Path out = Files.createTempDirectory("stock-out-");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean process =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        PrintStream console = System.out;
        try {
            System.out.printf("journal %s: %,d lines, as of %s%n", file, lines, asOf);
            for (int r = 1; r <= rounds; r++) {
                long wall0 = System.nanoTime();
                long cpu0 = threads.getCurrentThreadCpuTime();
                long processCpu0 = process.getProcessCpuTime();
                long allocated0 = threads.getCurrentThreadAllocatedBytes();
                System.setOut(new PrintStream(OutputStream.nullOutputStream()));
                int exit;
                try {
                    exit = GeodispatchCli.run("stock", "--journal", file.toString(), "--as-of", asOf.toString(),
                            "--out", out.resolve("r" + r).toString());
                } finally {
                    System.setOut(console);
                }
                long wall = System.nanoTime() - wall0;
                long cpu = threads.getCurrentThreadCpuTime() - cpu0;
                long processCpu = process.getProcessCpuTime() - processCpu0;
                long allocated = threads.getCurrentThreadAllocatedBytes() - allocated0;
                System.out.printf("round %d%s: exit %d | %,d ms wall, %,d ms cpu, %,d ms process cpu | %,.0f lines/s "
                                + "(wall), %,.0f lines/s (cpu), %,.0f lines/s (process cpu) | %,d B allocated per line (this thread)%n", r,
                        r <= 2 ? " (warm-up)" : "", exit, wall / 1_000_000, cpu / 1_000_000, processCpu / 1_000_000,
                        lines * 1e9 / wall, lines * 1e9 / cpu, lines * 1e9 / processCpu, allocated / lines);
            }
            System.out.println(Files.readString(out.resolve("r" + rounds).resolve("margin.csv")).lines().limit(6)
                    .reduce((a, b) -> a + "\n" + b).orElse(""));
        } finally {
            if (generated) {
                Files.delete(file);
            }
            try (Stream<Path> walk = Files.walk(out)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
