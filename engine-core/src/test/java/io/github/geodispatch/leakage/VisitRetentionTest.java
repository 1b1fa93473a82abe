package io.github.geodispatch.leakage;

import io.github.geodispatch.journal.JournalImporter;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.TechnicianId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Letting go after the window leaves the visit rules' findings as they would be with everything kept, when a stay is
 * reported long after its job was last touched (its technician went quiet at the site) and when a stay at a job's
 * site comes after the job (a visit off the books).
 */
class VisitRetentionTest {
    private static final TechnicianId TECH = TechnicianId.of("T-1");
    private static final SiteId SITE = SiteId.of("J-1");
    private static final Instant AS_OF = Scenario.instant(10 * 24 * 60);

    /** J-1: assigned at minute 0, completed and paid in cash at minute 15. */
    private static Scenario oneJob() {
        return new Scenario().technician("T-1").job("J-1", -30, 50_000).assigned("J-1", "T-1", 0)
                .proof("J-1", ProofKind.PHOTO, 5).proof("J-1", ProofKind.SIGNATURE, 6)
                .status("J-1", JobStatus.COMPLETED, 15).payment("J-1", PaymentMode.CASH, 50_000, null, 15);
    }

    private static LeakageMonitor fed(Scenario s) {
        LeakageMonitor monitor = LeakageMonitor.create();
        JournalImporter importer = Scenario.importer(monitor);
        long line = 0;
        for (JournalRecord r : s.records) {
            importer.record(++line, r);
        }
        return monitor;
    }

    @Test
    void aVisitStillGoingOnKeepsTheJobItCanClear() {
        LeakageMonitor kept = fed(oneJob());
        kept.visit(TECH, SITE, Scenario.instant(2), Scenario.instant(40));

        LeakageMonitor retained = fed(oneJob());
        retained.visitStarted(TECH, SITE, Scenario.instant(2)); // the technician stays on after completing, then goes quiet
        assertThat(retained.retire(Scenario.instant(20)).jobs()).as("the visit may still clear it").isEmpty();
        retained.visit(TECH, SITE, Scenario.instant(2), Scenario.instant(40)); // reported when they are let go
        assertThat(retained.retire(Scenario.instant(9 * 24 * 60)).jobs()).hasSize(1);

        assertThat(retained.findings(AS_OF)).containsExactlyElementsOf(kept.findings(AS_OF))
                .noneMatch(f -> f.code() == LeakageCode.GHOST_VISIT);
    }

    @Test
    void aStayOffTheBooksAfterItsJobWasLetGoIsStillJudged() {
        long nextMorning = 23 * 60; // 08:00 the next day: no job there that day
        LeakageMonitor kept = fed(oneJob());
        kept.visit(TECH, SITE, Scenario.instant(2), Scenario.instant(20));
        kept.visit(TECH, SITE, Scenario.instant(nextMorning), Scenario.instant(nextMorning + 40));

        LeakageMonitor retained = fed(oneJob());
        retained.visit(TECH, SITE, Scenario.instant(2), Scenario.instant(20));
        retained.visit(TECH, SITE, Scenario.instant(nextMorning), Scenario.instant(nextMorning + 40));
        assertThat(retained.retire(Scenario.instant(30)).jobs()).as("nothing after its completion touched it")
                .hasSize(1);
        retained.retire(Scenario.instant(nextMorning + 60)); // the next morning's stay is settled now

        assertThat(retained.findings(AS_OF)).containsExactlyElementsOf(kept.findings(AS_OF))
                .anyMatch(f -> f.code() == LeakageCode.OFF_BOOK_VISIT);
    }

    /** A stay from the job's day into the day after next (no ping between): judged against the day it began. */
    @Test
    void aVisitGoingOnForDaysIsJudgedAgainstTheDayItBegan() {
        long ends = 2 * 24 * 60 + 385;
        LeakageMonitor kept = fed(oneJob());
        kept.visit(TECH, SITE, Scenario.instant(2), Scenario.instant(ends));

        LeakageMonitor retained = fed(oneJob());
        retained.visitStarted(TECH, SITE, Scenario.instant(2));
        for (long cut = 20; cut < ends; cut += 6 * 60) {
            retained.retire(Scenario.instant(cut));
        }
        retained.visit(TECH, SITE, Scenario.instant(2), Scenario.instant(ends));
        retained.retire(Scenario.instant(ends + 60));

        assertThat(retained.findings(AS_OF)).containsExactlyElementsOf(kept.findings(AS_OF))
                .noneMatch(f -> f.code() == LeakageCode.OFF_BOOK_VISIT || f.code() == LeakageCode.GHOST_VISIT);
    }
}
