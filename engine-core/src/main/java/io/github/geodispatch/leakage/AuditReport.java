package io.github.geodispatch.leakage;

import io.github.geodispatch.journal.JournalProblem;
import io.github.geodispatch.journal.JournalSummary;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of auditing a journal: the findings as of {@code asOf}, what reading the journal found
 * ({@code journal}: lines, records, rejected lines with their numbers), what the import flagged or rejected
 * ({@code importCounts}: exact counts by kind; {@code importProblems}: the first of them, for printing), how many
 * records were dated after {@code asOf} and so left out, and how many pings the visit tracker saw and rejected
 * (duplicates, poor accuracy, impossible speed, too late to reorder); and the memory side: the audit
 * {@code window}, how many jobs were let go after it ({@code jobsLetGo}) and the most held at once
 * ({@code peakJobsHeld}, checked once a day of journal time). Immutable and thread-safe.
 */
public record AuditReport(Instant asOf, List<Finding> findings, JournalSummary journal,
                          Map<JournalProblem.Kind, Long> importCounts, List<JournalProblem> importProblems,
                          long recordsAfterAsOf, long pings, long pingsRejected, Duration window, long jobsLetGo,
                          int peakJobsHeld) {
    public AuditReport {
        findings = List.copyOf(findings);
        importCounts = importCounts.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(importCounts));
        importProblems = List.copyOf(importProblems);
    }

    /** How many records the import reported as {@code kind} (never capped). */
    public long importCount(JournalProblem.Kind kind) {
        return importCounts.getOrDefault(kind, 0L);
    }
}
