package io.github.geodispatch.leakage;

import io.github.geodispatch.geofence.SpoofSignal;
import io.github.geodispatch.geofence.SuspectVisitPolicy;
import io.github.geodispatch.journal.JournalImporter;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.TechnicianId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stay judges again only the jobs whose visit findings it can change: those of its technician whose last assignment
 * up to first completion it overlaps (GHOST_VISIT and SUSPECT_VISIT read nothing else). Whatever order the stays and
 * the jobs' records come in, the findings are those of the stays all known before any job, each job then judged by
 * its own records with every stay in view.
 */
class StayWindowProperties {
    /**
     * A job starting at {@code start} minutes, assigned to technician {@code technician}, then (if not 0) to
     * {@code reassignedTo} {@code reassignedAfter} minutes later, and completed (if not 0) {@code completesAfter}
     * minutes after its start.
     */
    record DrawnJob(int start, int technician, int reassignedTo, int reassignedAfter, int completesAfter) {}

    /** A stay of technician {@code technician} at job {@code job}'s site, built from suspect pings or not. */
    record DrawnStay(int job, int technician, int from, int minutes, Suspect suspect) {}

    enum Suspect { NO, FLAGGED, REFUSED }

    @Provide
    Arbitrary<List<DrawnJob>> jobs() {
        return Combinators.combine(Arbitraries.integers().between(0, 180), Arbitraries.integers().between(1, 3),
                        Arbitraries.integers().between(0, 3), Arbitraries.integers().between(1, 60),
                        Arbitraries.of(0, 15, 40, 60, 90, 150))
                .as(DrawnJob::new).list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<DrawnStay>> stays() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(1, 3),
                        Arbitraries.integers().between(-60, 360), Arbitraries.of(5, 10, 20, 45, 120),
                        Arbitraries.of(Suspect.class))
                .as(DrawnStay::new).list().ofMaxSize(12);
    }

    @Property(tries = 300)
    void anyOrderOfStaysAndRecordsGivesTheFindingsOfTheStaysFirst(@ForAll("jobs") List<DrawnJob> jobs,
                                                                  @ForAll("stays") List<DrawnStay> drawn,
                                                                  @ForAll long seed) {
        Scenario s = history(jobs);
        List<Consumer<LeakageMonitor>> stays = new ArrayList<>();
        for (DrawnStay d : drawn) {
            if (d.job() < jobs.size()) {
                stays.add(stay(d));
            }
        }
        Instant asOf = Scenario.instant(10 * 24 * 60);

        LeakageMonitor staysFirst = LeakageMonitor.create();
        stays.forEach(stay -> stay.accept(staysFirst));
        feedRecords(s, staysFirst);

        LeakageMonitor staysLast = LeakageMonitor.create();
        feedRecords(s, staysLast);
        stays.forEach(stay -> stay.accept(staysLast));

        // the records in order, and the stays in order (a job's evidence names its stays in the order fed), each at a
        // random place among the records
        LeakageMonitor interleaved = LeakageMonitor.create();
        JournalImporter importer = Scenario.importer(interleaved);
        List<Runnable> inputs = new ArrayList<>();
        long[] line = {0};
        s.records.forEach(r -> inputs.add(() -> importer.record(++line[0], r)));
        Random random = new Random(seed);
        int at = 0;
        for (Consumer<LeakageMonitor> stay : stays) {
            at += random.nextInt(inputs.size() - at + 1);
            inputs.add(at++, () -> stay.accept(interleaved));
        }
        inputs.forEach(Runnable::run);

        List<Finding> expected = staysFirst.findings(asOf);
        assertThat(staysLast.findings(asOf)).containsExactlyElementsOf(expected);
        assertThat(interleaved.findings(asOf)).containsExactlyElementsOf(expected);
    }

    /**
     * A technician who comes back to a site every day (a campus with a resident technician): the stays after the job's
     * completion cannot change its findings and do not touch it, so it is let go after the window.
     */
    @Example
    void staysAfterTheCompletionLeaveTheJobToBeLetGo() {
        Scenario s = new Scenario().technician("T-1").completedJob("J-1", "T-1", 0, 50_000)
                .payment("J-1", PaymentMode.CASH, 50_000, null, 60);
        LeakageMonitor monitor = LeakageMonitor.create();
        feedRecords(s, monitor);
        s.visits.forEach(v -> monitor.visit(v.technician(), v.site(), v.from(), v.to()));
        List<JobId> letGo = new ArrayList<>();
        for (int day = 1; day <= 60; day++) {
            Instant morning = Scenario.instant(day * 24 * 60);
            monitor.visit(TechnicianId.of("T-1"), SiteId.of("J-1"), morning, morning.plus(Duration.ofHours(2)));
            letGo.addAll(monitor.retire(morning.minus(Duration.ofDays(35))).jobs());
        }
        assertThat(letGo).containsExactly(JobId.of("J-1"));
    }

    private static Scenario history(List<DrawnJob> jobs) {
        Scenario s = new Scenario().technician("T-1").technician("T-2").technician("T-3");
        for (int i = 0; i < jobs.size(); i++) {
            DrawnJob j = jobs.get(i);
            String job = "J-" + i;
            s.job(job, j.start() - 30, 50_000).assigned(job, "T-" + j.technician(), j.start());
            if (j.reassignedTo() > 0) {
                s.assigned(job, "T-" + j.reassignedTo(), j.start() + j.reassignedAfter());
            }
            s.proof(job, ProofKind.PHOTO, j.start() + 5).proof(job, ProofKind.SIGNATURE, j.start() + 6);
            if (j.completesAfter() > 0) {
                s.status(job, JobStatus.COMPLETED, j.start() + j.completesAfter())
                        .payment(job, PaymentMode.CASH, 50_000, null, j.start() + j.completesAfter());
            }
        }
        // the records in time order, as a journal holds them
        s.records.sort(Comparator.comparing(Scenario::timeOf));
        return s;
    }

    private static void feedRecords(Scenario s, LeakageMonitor monitor) {
        JournalImporter importer = Scenario.importer(monitor);
        long line = 0;
        for (JournalRecord r : s.records) {
            importer.record(++line, r);
        }
    }

    private static Consumer<LeakageMonitor> stay(DrawnStay d) {
        TechnicianId technician = TechnicianId.of("T-" + d.technician());
        SiteId site = SiteId.of("J-" + d.job());
        Instant from = Scenario.instant(d.from());
        Instant to = Scenario.instant(d.from() + d.minutes());
        return switch (d.suspect()) {
            case NO -> m -> m.visit(technician, site, from, to);
            case FLAGGED -> m -> m.suspectVisit(technician, site, from, to, Set.of(SpoofSignal.MOCK_LOCATION),
                    SuspectVisitPolicy.FLAG);
            case REFUSED -> m -> m.suspectVisit(technician, site, from, to, Set.of(SpoofSignal.MOCK_LOCATION),
                    SuspectVisitPolicy.REFUSE);
        };
    }
}
