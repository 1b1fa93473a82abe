package io.github.geodispatch.benchmarks.leakage;

import io.github.geodispatch.journal.JournalReader;
import io.github.geodispatch.leakage.AuditReport;
import io.github.geodispatch.leakage.LeakageAudit;
import io.github.geodispatch.leakage.LeakagePolicy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A measured main for the batch audit on one thread: generates a 1,000,000-line journal (or audits the one
 * given), then runs {@code rounds} rounds (default 6, the first two are warm-up) of parse-only and full audit,
 * printing wall-clock and thread CPU time and lines per second for each. CPU time shows the single-core cost
 * even when other processes compete for the cores; wall-clock is what a quiet machine would show.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar io.github.geodispatch.benchmarks.leakage.BatchAuditMain [rounds] [journal as-of]}</pre>
 */
public final class BatchAuditMain {
    private BatchAuditMain() {}

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        Path file;
        Instant asOf;
        boolean generated = args.length < 3;
        if (generated) {
            file = Files.createTempFile("journal-", ".jsonl");
            int days = new JournalGenerator(42, 50).write(file, 1_000_000);
            asOf = JournalGenerator.asOf(days).toInstant();
        } else {
            file = Path.of(args[1]);
            asOf = java.time.OffsetDateTime.parse(args[2]).toInstant();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try {
            for (int r = 1; r <= rounds; r++) {
                long wall0 = System.nanoTime();
                long cpu0 = threads.getCurrentThreadCpuTime();
                long lines = JournalReader.create().read(file, (line, record) -> { }).lines();
                long wall1 = System.nanoTime();
                long cpu1 = threads.getCurrentThreadCpuTime();
                AuditReport report = LeakageAudit.run(file, asOf, LeakagePolicy.defaults());
                long wall2 = System.nanoTime();
                long cpu2 = threads.getCurrentThreadCpuTime();
                System.out.printf("round %d%s: %,d lines | parse only: %,d ms wall, %,d ms cpu, %,.0f lines/s (cpu)"
                                + " | audit: %,d ms wall, %,d ms cpu, %,.0f lines/s (cpu), %,.0f lines/s (wall), %d findings%n",
                        r, r <= 2 ? " (warm-up)" : "", lines, (wall1 - wall0) / 1_000_000, (cpu1 - cpu0) / 1_000_000,
                        lines * 1e9 / (cpu1 - cpu0), (wall2 - wall1) / 1_000_000, (cpu2 - cpu1) / 1_000_000,
                        lines * 1e9 / (cpu2 - cpu1), lines * 1e9 / (wall2 - wall1), report.findings().size());
            }
        } finally {
            if (generated) {
                Files.delete(file);
            }
        }
    }
}
