package io.github.geodispatch.benchmarks.leakage;

import io.github.geodispatch.leakage.AuditReport;
import io.github.geodispatch.leakage.LeakageAudit;
import io.github.geodispatch.leakage.LeakagePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit that lets go of what left its window finds exactly what an audit keeping everything finds, on a
 * generated journal of 60 days (the generator's jobs close within a day), while holding far fewer jobs.
 */
class AuditRetentionTest {

    @Test
    void theWindowedAuditFindsWhatTheKeepEverythingAuditFinds(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("journal.jsonl");
        int days = new JournalGenerator(7, 1).write(journal, 40_000);
        Instant asOf = JournalGenerator.asOf(days).toInstant();

        AuditReport windowed = LeakageAudit.run(journal, asOf, LeakagePolicy.defaults());
        AuditReport everything = LeakageAudit.run(journal, asOf, LeakagePolicy.defaults(), Duration.ofDays(100_000));

        assertThat(days).isGreaterThan(50);
        assertThat(windowed.findings()).isNotEmpty().containsExactlyElementsOf(everything.findings());
        assertThat(everything.jobsLetGo()).isZero();
        assertThat(windowed.jobsLetGo()).isGreaterThan(everything.peakJobsHeld() / 4);
        assertThat(windowed.peakJobsHeld()).isLessThan(everything.peakJobsHeld());
        assertThat(windowed.importCounts()).isEmpty();
    }
}
