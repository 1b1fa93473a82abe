package io.github.geodispatch.benchmarks.stock;

import io.github.geodispatch.stock.StockAudit;
import io.github.geodispatch.stock.StockReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stock audit that lets go of done jobs after its 35-day window reports exactly what one keeping everything
 * reports, on a generated journal of about 90 days with a leak of each kind every 7 days, while holding far fewer
 * jobs.
 */
class StockRetentionTest {

    @Test
    void theWindowedStockAuditReportsWhatTheKeepEverythingAuditReports(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("journal.jsonl");
        int days = new StockJournalGenerator(42, 4, 25, true, 7, 0).writeLines(journal, 400_000);
        Instant asOf = StockJournalGenerator.asOf(days).toInstant();

        StockReport windowed = StockAudit.run(journal, asOf, StockAudit.Options.defaults());
        StockReport everything = StockAudit.run(journal, asOf,
                StockAudit.Options.defaults().withWindow(Duration.ofDays(100_000)));

        assertThat(days).isGreaterThan(80);
        assertThat(windowed.findings()).isNotEmpty().containsExactlyElementsOf(everything.findings());
        assertThat(windowed.levels()).containsExactlyElementsOf(everything.levels());
        assertThat(windowed.margin()).isEqualTo(everything.margin());
        assertThat(windowed.problemCount()).isEqualTo(everything.problemCount());
        assertThat(everything.jobsLetGo()).isZero();
        assertThat(windowed.jobsLetGo()).isGreaterThan(everything.peakJobsHeld() / 3);
        assertThat(windowed.peakJobsHeld()).isLessThan(everything.peakJobsHeld() / 2);
    }
}
