package io.github.geodispatch.benchmarks.leakage;

import io.github.geodispatch.leakage.AuditReport;
import io.github.geodispatch.leakage.LeakageAudit;
import io.github.geodispatch.leakage.LeakagePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit that lets go of what left its window finds exactly what an audit keeping everything finds, on a
 * generated journal of 60 days (the generator's jobs close within a day), while holding far fewer jobs: with UTRs
 * and bill references, with UPI paid by screenshot (credits that link by amount and time, some of them ambiguous)
 * and with "NA" typed for the UTR (a reference hundreds of jobs claim).
 */
class AuditRetentionTest {

    /** One journal audited with the default window and with a window longer than the journal (everything kept). */
    private record Audits(AuditReport windowed, AuditReport everything) {
        static Audits of(JournalGenerator generator, Path journal, long lines) throws Exception {
            int days = generator.write(journal, lines);
            assertThat(days).isGreaterThan(50);
            Instant asOf = JournalGenerator.asOf(days).toInstant();
            return new Audits(LeakageAudit.run(journal, asOf, LeakagePolicy.defaults()),
                    LeakageAudit.run(journal, asOf, LeakagePolicy.defaults(), Duration.ofDays(100_000)));
        }
    }

    @ParameterizedTest
    @EnumSource(JournalGenerator.Upi.class)
    void theWindowedAuditFindsWhatTheKeepEverythingAuditFinds(JournalGenerator.Upi upi, @TempDir Path dir) throws Exception {
        Audits audits = Audits.of(new JournalGenerator(7, 4, upi), dir.resolve("journal.jsonl"), 160_000);
        AuditReport windowed = audits.windowed();
        AuditReport everything = audits.everything();

        assertThat(windowed.findings()).isNotEmpty().containsExactlyElementsOf(everything.findings());
        assertThat(everything.jobsLetGo()).isZero();
        assertThat(windowed.jobsLetGo()).isGreaterThan(everything.peakJobsHeld() / 4);
        assertThat(windowed.peakJobsHeld()).isLessThan(everything.peakJobsHeld());
        assertThat(windowed.importCounts()).isEqualTo(everything.importCounts());
        if (upi == JournalGenerator.Upi.REFERENCED) {
            assertThat(windowed.importCounts()).isEmpty();
        }
    }

    /**
     * A resident team on one campus: each day's stays overlap the fences of jobs done on earlier days, and cannot change
     * their findings, so those jobs are let go like any other.
     */
    @Test
    void jobsOnOneCampusVisitedEveryDayAreLetGo(@TempDir Path dir) throws Exception {
        Audits audits = Audits.of(new JournalGenerator(7, 1, JournalGenerator.Upi.REFERENCED, JournalGenerator.Sites.CAMPUS),
                dir.resolve("campus.jsonl"), 80_000);
        AuditReport windowed = audits.windowed();
        AuditReport everything = audits.everything();

        assertThat(windowed.importCounts()).isEmpty();
        assertThat(windowed.findings()).isNotEmpty().containsExactlyElementsOf(everything.findings());
        assertThat(windowed.jobsLetGo()).isGreaterThan(everything.peakJobsHeld() / 3);
        assertThat(windowed.peakJobsHeld()).isLessThan(everything.peakJobsHeld() / 2);
    }

    /**
     * A team with turnover: each technician works three days and leaves, ending the last day inside the site of
     * their last job. Their ping state is let go with the window, and the stay still open when they went quiet is
     * judged with its job, as when everything is kept.
     */
    @Test
    void techniciansWhoLeaveAreLetGoWithTheirLastStayJudged(@TempDir Path dir) throws Exception {
        Audits audits = Audits.of(new JournalGenerator(7, 4).stints(3), dir.resolve("turnover.jsonl"), 160_000);
        AuditReport windowed = audits.windowed();
        AuditReport everything = audits.everything();

        assertThat(windowed.importCounts()).isEmpty();
        assertThat(windowed.findings()).isNotEmpty().containsExactlyElementsOf(everything.findings());
        assertThat(windowed.jobsLetGo()).isGreaterThan(everything.peakJobsHeld() / 4);
    }
}
