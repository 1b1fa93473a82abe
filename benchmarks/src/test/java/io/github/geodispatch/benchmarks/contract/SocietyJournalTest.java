package io.github.geodispatch.benchmarks.contract;

import io.github.geodispatch.leakage.AuditReport;
import io.github.geodispatch.leakage.LeakageAudit;
import io.github.geodispatch.leakage.LeakageCode;
import io.github.geodispatch.leakage.LeakagePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The society journal reads cleanly, and each flat's call is placed at its own flat, under its own contract. */
class SocietyJournalTest {

    @Test
    void theJournalReadsCleanlyAndEachCallIsCoveredByItsFlatsContract(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("society.jsonl");
        SocietyJournal.write(60, journal);

        AuditReport report = LeakageAudit.run(journal, OffsetDateTime.parse("2026-06-01T00:00:00+05:30").toInstant(),
                LeakagePolicy.defaults());

        assertThat(report.journal().problems()).isEmpty();
        assertThat(report.importCounts()).isEmpty();
        assertThat(report.journal().records()).isEqualTo(2 + 9 * 60);
        // flats 1.1 m apart within an 80 m radius: a call placed at another flat would claim a contract not covering it
        assertThat(report.findings()).noneMatch(f -> f.code() == LeakageCode.AMC_CLAIM_UNCOVERED
                || f.code() == LeakageCode.EXPIRED_CONTRACT_WORK_NOT_BILLED);
        assertThat(report.findings()).isNotEmpty();
    }
}
