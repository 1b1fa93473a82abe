package io.github.geodispatch;

import io.github.geodispatch.geofence.DailyAttendance;
import io.github.geodispatch.geofence.JobVisitFinding;
import io.github.geodispatch.geofence.Ping;
import io.github.geodispatch.geofence.SpoofSignal;
import io.github.geodispatch.geofence.SuspectVisitPolicy;
import io.github.geodispatch.job.ArrivalEvidence;
import io.github.geodispatch.job.CommandResult;
import io.github.geodispatch.job.JobCommand.AddProof;
import io.github.geodispatch.job.JobCommand.Assign;
import io.github.geodispatch.job.JobCommand.ChangeStatus;
import io.github.geodispatch.job.JobCommand.CreateJob;
import io.github.geodispatch.job.JobCommand.RecordPayment;
import io.github.geodispatch.job.JobState;
import io.github.geodispatch.job.Rejection;
import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.leakage.LeakageCode;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The business's policy for visits built from suspect pings, through the front door: the hostile input of issue 17
 * (21 pings at identical coordinates at the job's site) is a flagged arrival, counted and reported as
 * SUSPECT_VISIT, or a refused one: no arrival, no time on site, and the completion a GHOST_VISIT naming it.
 */
class SuspectVisitPolicyTest {
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 16);
    private static final TenantId TENANT = TenantId.of("sheetal-care");
    private static final BranchId BRANCH = BranchId.of("BR-1");
    private static final TechnicianId RAVI = TechnicianId.of("ravi");
    private static final Actor DESK = Actor.dispatcher(TENANT, BRANCH, "priya");
    private static final Actor TECH = Actor.technician(TENANT, BRANCH, RAVI);
    private static final Site SITE = new Site(SiteId.of("S-77"), GeoPoint.of(12.9719, 77.6412), 60, "100 Feet Rd");
    private static final JobId JOB = JobId.of("JOB-1");

    private Instant now = DAY.atTime(9, 0).atZone(IST).toInstant();

    private GeoDispatch frontDoor(SuspectVisitPolicy policy) {
        GeoDispatch gd = GeoDispatch.builder().business(TENANT, Currency.INR, IST).clock(() -> now).suspectVisits(policy)
                .build();
        gd.jobs().execute(DESK, CreateJob.builder(JOB, BRANCH, CustomerId.of("C-1"), SITE, "INSPECTION")
                .quote(Money.inr(99_900)).build()).orThrow();
        gd.jobs().execute(DESK, Assign.of(JOB, RAVI)).orThrow();
        gd.jobs().execute(TECH, ChangeStatus.enRoute(JOB)).orThrow();
        return gd;
    }

    /** 21 pings 30 s apart at exactly the site's coordinates, then the technician drives off. */
    private void identicalPings(GeoDispatch gd) {
        for (int i = 0; i < 21; i++) {
            now = now.plusSeconds(30);
            gd.visits().accept(new Ping("same-" + i, RAVI, now, SITE.location(), 8));
        }
        for (int i = 1; i <= 4; i++) {
            now = now.plusSeconds(30);
            gd.visits().accept(new Ping("away-" + i, RAVI, now, GeoPoint.of(12.9719 + 0.003 * i, 77.6412), 8));
        }
    }

    private void finish(GeoDispatch gd) {
        gd.jobs().execute(TECH, ChangeStatus.workStarted(JOB)).orThrow();
        gd.jobs().execute(TECH, AddProof.photo(JOB, "done", "p.jpg", "c".repeat(64))).orThrow();
        gd.jobs().execute(TECH, AddProof.signature(JOB, "sig.png", "cd".repeat(32))).orThrow();
        gd.jobs().execute(TECH, ChangeStatus.completed(JOB)).orThrow();
        gd.jobs().execute(TECH, RecordPayment.cash(JOB, Money.inr(99_900))).orThrow();
        gd.visits().flush(); // the end of the day: held pings replayed, the visit ended
    }

    private List<Finding> visitFindings(GeoDispatch gd) {
        return gd.payments().audit(now.plus(Duration.ofDays(3))).stream()
                .filter(f -> f.code() == LeakageCode.GHOST_VISIT || f.code() == LeakageCode.SUSPECT_VISIT).toList();
    }

    @Test
    void flaggedTheVisitProvesTheArrivalAndCarriesItsSignalsIntoAttendanceAndLeakage() {
        GeoDispatch gd = frontDoor(SuspectVisitPolicy.FLAG);
        identicalPings(gd);

        JobState arrived = gd.jobs().job(DESK, JOB).orElseThrow();
        assertThat(arrived.status()).isEqualTo(JobStatus.ARRIVED);
        assertThat(arrived.arrival()).get().isInstanceOfSatisfying(ArrivalEvidence.Visit.class,
                v -> assertThat(v.signals()).containsExactly("REPEATED_COORDINATES"));
        assertThat(gd.visits().takeArrivals()).singleElement().isInstanceOf(JobVisitFinding.ArrivalRecorded.class);
        finish(gd);

        DailyAttendance day = gd.visits().attendance(DAY).get(0);
        assertThat(day.siteVisits()).isEqualTo(1);
        assertThat(day.suspectVisits()).isEqualTo(1);
        assertThat(day.signals()).containsExactly(SpoofSignal.REPEATED_COORDINATES);
        assertThat(visitFindings(gd)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(LeakageCode.SUSPECT_VISIT);
            assertThat(f.evidence()).anyMatch(e -> e.startsWith("visit:S-77@") && e.endsWith(" flagged:REPEATED_COORDINATES"));
            assertThat(f.amountAtRisk()).isEqualTo(Money.inr(99_900));
        });
    }

    @Test
    void refusedTheVisitProvesNothingAddsNoTimeAndLeavesAGhost() {
        GeoDispatch gd = frontDoor(SuspectVisitPolicy.REFUSE);
        identicalPings(gd);

        assertThat(gd.jobs().job(DESK, JOB).orElseThrow().status()).isEqualTo(JobStatus.EN_ROUTE);
        assertThat(gd.visits().takeArrivals()).singleElement().isInstanceOfSatisfying(JobVisitFinding.ArrivalRefused.class,
                f -> assertThat(f.signals()).containsExactly(SpoofSignal.REPEATED_COORDINATES));
        CommandResult tap = gd.jobs().execute(TECH, ChangeStatus.arrived(JOB));
        assertThat(((CommandResult.Rejected) tap).rejection().reason()).isEqualTo(Rejection.Reason.ARRIVAL_NOT_PROVEN);
        gd.jobs().execute(DESK, ChangeStatus.arrivalOverride(JOB, "customer confirmed by phone")).orThrow();
        finish(gd);

        DailyAttendance day = gd.visits().attendance(DAY).get(0);
        assertThat(day.siteVisits()).isZero();
        assertThat(day.onSites()).isZero();
        assertThat(day.suspectVisits()).isEqualTo(1);
        assertThat(visitFindings(gd)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(LeakageCode.GHOST_VISIT);
            assertThat(f.evidence()).anyMatch(e -> e.endsWith(" refused:REPEATED_COORDINATES"));
        });
    }
}
