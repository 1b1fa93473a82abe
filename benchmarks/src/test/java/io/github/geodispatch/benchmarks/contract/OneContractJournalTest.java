package io.github.geodispatch.benchmarks.contract;

import io.github.geodispatch.leakage.AuditReport;
import io.github.geodispatch.leakage.LeakageAudit;
import io.github.geodispatch.leakage.LeakagePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-contract journal reads cleanly, and its calls, and the repairs at its site that do not claim the contract, are
 * let go after the audit window like any done job.
 */
class OneContractJournalTest {

    @Test
    void theJournalReadsCleanlyAndItsCallsAreLetGo(@TempDir Path dir) throws Exception {
        AuditReport report = audit(40, 0, dir);

        assertThat(report.importCounts()).isEmpty();
        // calls about eight days apart, each judged again only by calls completed before it: a 35-day window holds few
        assertThat(report.jobsLetGo()).isGreaterThan(30);
        assertThat(report.peakJobsHeld()).isLessThan(10);
    }

    @Test
    void repairsThatDoNotClaimTheContractAreLetGoToo(@TempDir Path dir) throws Exception {
        AuditReport report = audit(40, 2, dir);

        // each call's completion changes the entitlement used from its day on: the repairs of earlier days are not
        // judged again, so they leave with the window
        assertThat(report.jobsLetGo()).isGreaterThan(90);
        assertThat(report.peakJobsHeld()).isLessThan(30);
    }

    /** Audits the journal of {@code calls} calls, each followed by {@code charged} repairs; checks that it read cleanly. */
    private static AuditReport audit(int calls, int charged, Path dir) throws Exception {
        Path journal = dir.resolve("one-contract.jsonl");
        OneContractJournal.write(calls, charged, journal);
        AuditReport report = LeakageAudit.run(journal, OffsetDateTime.parse("2027-01-01T00:00:00+05:30").toInstant(),
                LeakagePolicy.defaults());
        assertThat(report.journal().problems()).isEmpty();
        assertThat(report.journal().records()).isEqualTo(5 + 4 * calls * (1 + charged));
        return report;
    }
}
