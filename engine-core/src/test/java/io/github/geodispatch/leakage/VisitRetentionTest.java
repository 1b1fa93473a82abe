package io.github.geodispatch.leakage;

import io.github.geodispatch.journal.JournalImporter;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.TechnicianId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        LeakageMonitor.Retired retired = retained.retire(Scenario.instant(30));
        assertThat(retired.jobs()).as("nothing after its completion touched it").hasSize(1);
        assertThat(retired.sites()).as("no visit going on there: its fence may go").containsExactly(SITE);
        assertThat(retained.lapsedSitesHeld()).as("kept for the next morning's stay").isOne();
        retained.retire(Scenario.instant(nextMorning + 60)); // the next morning's stay is settled now
        assertThat(retained.lapsedSitesHeld()).as("let go once its stay is judged").isZero();

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

    /**
     * T-1 completed J-1; the next morning T-2 stays there, still there when J-1 is let go: for two hours (off the books)
     * or for ten minutes (too short to be). The site's fence stays until T-2 leaves, the site until the stay is judged.
     */
    @ParameterizedTest
    @ValueSource(longs = {120, 10})
    void aStayStillGoingOnWhenItsSitesJobIsLetGoIsJudgedWhenItEnds(long minutes) {
        long nextMorning = 23 * 60;
        long leaves = nextMorning + minutes;
        LeakageMonitor kept = fed(oneJob());
        LeakageMonitor retained = fed(oneJob());
        TechnicianId other = TechnicianId.of("T-2");
        kept.visit(other, SITE, Scenario.instant(nextMorning), Scenario.instant(leaves));

        retained.visitStarted(other, SITE, Scenario.instant(nextMorning));
        LeakageMonitor.Retired retired = retained.retire(Scenario.instant(nextMorning + 5));
        assertThat(retired.jobs()).as("nothing T-2 does can change it").hasSize(1);
        assertThat(retired.sites()).as("its fence stays while T-2 is there").isEmpty();
        assertThat(retained.lapsedSitesHeld()).isOne();
        retained.visit(other, SITE, Scenario.instant(nextMorning), Scenario.instant(leaves));
        assertThat(retained.retire(Scenario.instant(leaves + 60)).sites()).as("T-2 has left").containsExactly(SITE);
        assertThat(retained.lapsedSitesHeld()).as("the stay judged, the site let go").isZero();

        boolean offTheBooks = minutes >= 20;
        assertThat(retained.findings(AS_OF)).containsExactlyElementsOf(kept.findings(AS_OF))
                .matches(found -> found.stream().anyMatch(f -> f.code() == LeakageCode.OFF_BOOK_VISIT) == offTheBooks);
    }

    /**
     * Through the audit: T-1 completes J-1 at 06:58 among pings on site from 06:53 to 06:59, then goes quiet; the
     * daily cut falls at 06:58:30, while the pings that make the stay a visit still wait in the reorder window.
     */
    @Test
    void pingsStillHeldForTheirOrderAreReadBeforeTheJobsTheyVisitAreLetGo() throws Exception {
        java.util.TreeMap<String, String> lines = new java.util.TreeMap<>(); // by time, then kind
        String day = "2027-01-05T";
        lines.put(day + "05:00:00 a", "{\"type\":\"job.created\",\"job\":\"J-1\",\"at\":\"" + day + "05:00:00+05:30\","
                + "\"branch\":\"BR-1\",\"customer\":\"C-1\",\"job_type\":\"AC_SERVICE\",\"site\":{\"lat\":13.0,"
                + "\"lng\":77.7,\"radius_m\":80.0},\"quote\":{\"amount\":\"500.00\",\"currency\":\"INR\"}}");
        lines.put(day + "06:00:00 a", "{\"type\":\"job.assigned\",\"job\":\"J-1\",\"at\":\"" + day
                + "06:00:00+05:30\",\"technician\":\"T-1\"}");
        for (int s = 0; s <= 360; s += 30) {
            String at = String.format("%s06:%02d:%02d", day, 53 + s / 60, s % 60);
            lines.put(at + " p", "{\"type\":\"ping\",\"ping_id\":\"P" + s + "\",\"technician\":\"T-1\",\"at\":\""
                    + at + "+05:30\",\"lat\":13.0,\"lng\":77.7,\"accuracy_m\":5.0}");
        }
        lines.put(day + "06:55:00 a", "{\"type\":\"job.proof\",\"job\":\"J-1\",\"at\":\"" + day
                + "06:55:00+05:30\",\"kind\":\"PHOTO\",\"ref\":\"ph\"}");
        lines.put(day + "06:56:00 a", "{\"type\":\"job.proof\",\"job\":\"J-1\",\"at\":\"" + day
                + "06:56:00+05:30\",\"kind\":\"OTP\",\"ref\":\"otp\"}");
        lines.put(day + "06:58:00 a", "{\"type\":\"job.status\",\"job\":\"J-1\",\"at\":\"" + day
                + "06:58:00+05:30\",\"status\":\"COMPLETED\"}");
        lines.put(day + "06:58:00 b", "{\"type\":\"job.payment\",\"job\":\"J-1\",\"at\":\"" + day
                + "06:58:00+05:30\",\"mode\":\"CASH\",\"amount\":{\"amount\":\"500.00\",\"currency\":\"INR\"}}");
        // another technician's empty deposit each hour from the day before, so that the audit's daily cut falls at :58:30
        java.time.OffsetDateTime hour = java.time.OffsetDateTime.parse("2027-01-04T06:58:30+05:30");
        for (int h = 0; h < 41 * 24; h++, hour = hour.plusHours(1)) {
            String at = hour.toString();
            lines.put(at.substring(0, 19) + " d", "{\"type\":\"cash.deposit\",\"at\":\"" + at + "\",\"technician\":"
                    + "\"T-9\",\"amount\":{\"amount\":\"0.00\",\"currency\":\"INR\"},\"reference\":\"F" + h + "\"}");
        }
        byte[] journal = ("{\"type\":\"technician\",\"id\":\"T-1\",\"branch\":\"BR-1\"}\n"
                + "{\"type\":\"technician\",\"id\":\"T-9\",\"branch\":\"BR-1\"}\n"
                + String.join("\n", lines.values()) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Instant asOf = Instant.parse("2027-02-15T00:00:00Z");

        AuditReport windowed = LeakageAudit.run(new java.io.ByteArrayInputStream(journal), asOf, LeakagePolicy.defaults());
        AuditReport everything = LeakageAudit.run(new java.io.ByteArrayInputStream(journal), asOf,
                LeakagePolicy.defaults(), java.time.Duration.ofDays(100_000));

        assertThat(windowed.findings()).containsExactlyElementsOf(everything.findings())
                .noneMatch(f -> f.code() == LeakageCode.GHOST_VISIT);
    }
}
