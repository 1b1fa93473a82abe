package io.github.geodispatch.stock;

import io.github.geodispatch.journal.StockRecords;
import io.github.geodispatch.spi.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.util.List;

import static io.github.geodispatch.stock.StockJournal.CAP;
import static io.github.geodispatch.stock.StockJournal.VAN;
import static io.github.geodispatch.stock.StockJournal.WAREHOUSE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stock audit that lets go of done jobs after its window reports what one keeping everything reports (stock
 * levels, margin, findings, refused records), for histories whose records about a job all fall within the window:
 * a job every six hours, everything about it within five, a window of one day.
 */
class StockRetentionProperties {
    private static final long SPACING = 6 * 60;
    private static final Duration WINDOW = Duration.ofDays(1);

    /**
     * One job: capacitors received at the warehouse and loaded into the van before it, a take for it with no part
     * line, the part lines, one unit returned, completed or left open, the invoice listing the capacitor or not (or
     * none), a take with no job, a count of the van afterwards (negative: none).
     */
    record JobSpec(int loaded, boolean takeForJob, int parts, boolean returnOne, boolean completed, int invoice,
                   boolean takeWithoutJob, int count) {}

    @Provide
    Arbitrary<List<JobSpec>> histories() {
        Arbitrary<JobSpec> job = Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 2), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 5).map(i -> i > 0), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 4).map(i -> i == 0), Arbitraries.integers().between(-3, 3))
                .as(JobSpec::new);
        return job.list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 150)
    void theWindowedAuditReportsWhatTheKeepEverythingAuditReports(@ForAll("histories") List<JobSpec> jobs) {
        StockJournal journal = StockJournal.opened();
        for (int i = 0; i < jobs.size(); i++) {
            JobSpec s = jobs.get(i);
            String job = "J-" + i;
            long t = 10 + i * SPACING;
            if (s.loaded() > 0) {
                journal.add(new StockRecords.Receipt(StockJournal.at(t), WAREHOUSE, CAP, s.loaded(), Money.inr(20_500),
                        List.of(), "BILL-" + job)).load(CAP, s.loaded(), t + 1);
            }
            journal.job(job, t + 2);
            if (s.takeForJob()) {
                journal.take(CAP, 1, job, t + 30);
            }
            if (s.parts() > 0) {
                journal.part(job, CAP, s.parts(), t + 60);
            }
            if (s.returnOne()) {
                journal.returned(job, CAP, 1, t + 90);
            }
            if (s.completed()) {
                journal.completed(job, t + 120);
            }
            if (s.invoice() == 1) {
                journal.invoice(job, t + 150, CAP);
            } else if (s.invoice() == 2) {
                journal.invoice(job, t + 150);
            }
            if (s.takeWithoutJob()) {
                journal.take(CAP, 1, null, t + 200);
            }
            if (s.count() >= 0) {
                journal.count(VAN, CAP, s.count(), t + 300);
            }
        }
        long asOf = jobs.size() * SPACING + 3 * 24 * 60;

        StockReport windowed = journal.audit(asOf, WINDOW);
        StockReport everything = journal.audit(asOf, Duration.ofDays(100_000));

        assertThat(windowed.levels()).containsExactlyElementsOf(everything.levels());
        assertThat(windowed.margin()).isEqualTo(everything.margin());
        assertThat(windowed.findings()).containsExactlyElementsOf(everything.findings());
        assertThat(windowed.problems()).containsExactlyElementsOf(everything.problems());
        assertThat(windowed.problemCount()).isEqualTo(everything.problemCount());
        assertThat(windowed.untrackedParts()).isEqualTo(everything.untrackedParts());
        assertThat(everything.jobsLetGo()).isZero();
        long completed = jobs.stream().filter(JobSpec::completed).count();
        if (completed >= 10) {
            assertThat(windowed.jobsLetGo()).as("jobs let go").isPositive();
            assertThat(windowed.peakJobsHeld()).isLessThan(everything.peakJobsHeld());
        }
    }
}
