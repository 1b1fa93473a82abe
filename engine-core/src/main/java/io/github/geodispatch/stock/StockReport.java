package io.github.geodispatch.stock;

import io.github.geodispatch.journal.JournalProblem;
import io.github.geodispatch.journal.JournalSummary;
import io.github.geodispatch.leakage.Finding;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What {@link StockAudit} made of a journal as of {@code asOf}: every holding of every location with its value,
 * the parts margin, the stock findings, what reading the journal found, the records it could not apply (stock
 * records the stock refuses, job records the import rejects; the first 1,000 with their line numbers, and how many
 * in all), the records dated after {@code asOf} (left out), and the part lines of jobs not taken from any van (a
 * technician with no van, a SKU not in the catalogue, a job with no technician); and the audit window, how many jobs
 * were let go after it and the most held at once. Immutable and thread-safe.
 */
public record StockReport(Instant asOf, List<StockLevel> levels, MarginReport margin, List<Finding> findings,
                          JournalSummary journal, List<JournalProblem> problems, long problemCount,
                          long recordsAfterAsOf, long untrackedParts, Duration window, long jobsLetGo,
                          int peakJobsHeld) {
    public StockReport {
        levels = List.copyOf(levels);
        findings = List.copyOf(findings);
        problems = List.copyOf(problems);
    }
}
