package io.github.geodispatch.internal;
import io.github.geodispatch.geofence.Fence;
import io.github.geodispatch.geofence.FenceId;
import io.github.geodispatch.geofence.FenceIndex;
import io.github.geodispatch.geofence.FenceKind;
import io.github.geodispatch.geofence.FenceShape;
import io.github.geodispatch.geofence.JobVisitFinding;
import io.github.geodispatch.geofence.Ping;
import io.github.geodispatch.geofence.SuspectVisitPolicy;
import io.github.geodispatch.geofence.VisitTracker;
import io.github.geodispatch.job.JobCommand.AddProof;
import io.github.geodispatch.job.JobCommand.Assign;
import io.github.geodispatch.job.JobCommand.ChangeStatus;
import io.github.geodispatch.job.JobCommand.CreateJob;
import io.github.geodispatch.job.JobCommand.RecordPayment;
import io.github.geodispatch.job.ArrivalEvidence;
import io.github.geodispatch.job.JobRecord;
import io.github.geodispatch.job.JobState;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
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
import java.time.InstantSource;
import static org.assertj.core.api.Assertions.assertThat;

class JobVisitLinkTest {
    private static final TenantId TENANT = TenantId.of("coolair");
    private static final BranchId BRANCH = BranchId.of("blr");
    private static final TechnicianId RAVI = TechnicianId.of("ravi");
    private static final Actor DISPATCHER = Actor.dispatcher(TENANT, BRANCH, "priya");
    private static final Actor TECH = Actor.technician(TENANT, BRANCH, RAVI);
    private final Instant T0 = Instant.parse("2025-06-02T04:30:00Z");
    /** The engine's clock: it follows the pings, as a live host's clock does. */
    private Instant now = T0;

    private final JobRecord engine = JobRecord.builder().clock(() -> this.now)
            .arrivalVisits((technician, site, from, to) -> this.link.visits(technician, site, from, to)).build();
    private final FenceIndex index = FenceIndex.builder().build();
    private final JobVisitLink link = new JobVisitLink(engine, index, Duration.ofMinutes(10), SuspectVisitPolicy.FLAG);
    private final VisitTracker tracker = VisitTracker.builder(index)
            .clock(InstantSource.fixed(Instant.parse("2030-01-01T00:00:00Z"))).listener(link).build();

    {
        engine.subscribe(link);
    }

    private JobId job(String id, String siteId, GeoPoint where) {
        JobId job = JobId.of(id);
        engine.execute(DISPATCHER, CreateJob.builder(job, BRANCH, CustomerId.of("C-1"),
                new Site(SiteId.of(siteId), where, 60, ""), "INSPECTION").build()).orThrow();
        engine.execute(DISPATCHER, Assign.of(job, RAVI)).orThrow();
        return job;
    }

    private void complete(JobId job) {
        engine.execute(TECH, ChangeStatus.workStarted(job)).orThrow();
        engine.execute(TECH, AddProof.photo(job, "after", "photos/" + job + ".jpg", "a".repeat(64))).orThrow();
        engine.execute(TECH, AddProof.signature(job, "sig:" + job, "c".repeat(64))).orThrow();
        engine.execute(TECH, ChangeStatus.completed(job)).orThrow();
    }

    private void stay(GeoPoint where, long fromS, long toS) {
        for (long s = fromS; s < toS; s += 15) {
            now = T0.plusSeconds(s);
            // a real fix moves in its last digits from ping to ping; identical ones are a spoof signal
            tracker.accept(new Ping("p" + s, RAVI, now, GeoPoint.of(where.lat() + (s % 45) * 1e-7, where.lng()), 10));
        }
    }

    @Test
    void aVisitAtTheAssignedSiteRecordsArrivedWithTheVisitAsEvidence() {
        GeoPoint site = GeoPoint.of(12.9719, 77.6412);
        JobId job = job("JOB-1", "S-77", site);
        assertThat(index.fence(FenceId.of("S-77"))).isPresent();
        stay(GeoPoint.of(12.9764, 77.6412), 0, 300); // 500 m down the road
        stay(site, 300, 1200);
        JobState state = engine.job(DISPATCHER, job).orElseThrow();
        assertThat(state.status()).isEqualTo(JobStatus.ARRIVED);
        assertThat(state.arrival()).get().isEqualTo(ArrivalEvidence.Visit.of(RAVI, SiteId.of("S-77"), T0.plusSeconds(300)));
        assertThat(link.arrivals()).singleElement().isInstanceOf(JobVisitFinding.ArrivalRecorded.class);
    }

    @Test
    void aManualArrivalIsVerifiedByALaterVisit() {
        GeoPoint site = GeoPoint.of(12.9719, 77.6412);
        JobId job = job("JOB-2", "S-78", site);
        engine.execute(DISPATCHER, ChangeStatus.arrivalOverride(job, "technician phoned: GPS off")).orThrow();
        stay(site, 0, 900);
        stay(GeoPoint.of(13.05, 77.70), 900, 1500); // out to fetch a part, and back: a second visit
        stay(site, 1500, 2400);
        tracker.flush();
        assertThat(tracker.visitLog().all()).hasSize(2);
        assertThat(link.arrivals()).as("verified once").singleElement()
                .isInstanceOfSatisfying(JobVisitFinding.ManualArrivalVerified.class, f -> assertThat(f.job()).isEqualTo(job));
    }

    @Test
    void standingAtOneJobDoesNotArriveTheNextJobNextDoor() {
        GeoPoint here = GeoPoint.of(12.9719, 77.6412);
        JobId current = job("JOB-5", "S-90", here);
        JobId nextDoor = job("JOB-6", "S-91", GeoPoint.of(12.9719, 77.64157)); // 40 m east: the 60 m fences overlap
        engine.execute(TECH, ChangeStatus.enRoute(current)).orThrow();
        stay(here, 0, 900);
        assertThat(engine.job(DISPATCHER, current).orElseThrow().status()).isEqualTo(JobStatus.ARRIVED);
        assertThat(engine.job(DISPATCHER, nextDoor).orElseThrow().status()).isEqualTo(JobStatus.ASSIGNED);
        assertThat(link.arrivals()).singleElement().isInstanceOfSatisfying(JobVisitFinding.ArrivalRecorded.class,
                f -> assertThat(f.job()).isEqualTo(current));
    }

    @Test
    void aCompletionWithNoVisitBehindItIsFlagged() {
        JobId visited = job("JOB-3", "S-80", GeoPoint.of(12.9719, 77.6412));
        stay(GeoPoint.of(12.9719, 77.6412), 0, 900);
        complete(visited);

        JobId ghost = job("JOB-4", "S-81", GeoPoint.of(12.99, 77.66));
        engine.execute(DISPATCHER, ChangeStatus.arrivalOverride(ghost, "technician phoned: GPS off")).orThrow();
        complete(ghost);
        tracker.flush();

        Instant later = now.plus(Duration.ofHours(1));
        assertThat(link.completedWithoutVisit(later)).singleElement().satisfies(f -> {
            assertThat(f.job()).isEqualTo(ghost);
            assertThat(f.site()).isEqualTo(FenceId.of("S-81"));
            assertThat(f.technician()).isEqualTo(RAVI);
        });
        assertThat(link.completedWithoutVisit(now.minus(Duration.ofHours(1)))).isEmpty(); // still within grace
    }

    // ---- retention: the link holds the open work, not its whole lifetime ----

    @Test
    void aCompletedJobWithAVisitBehindItIsForgottenAtItsCompletion() {
        GeoPoint site = GeoPoint.of(12.9719, 77.6412);
        JobId job = job("JOB-7", "S-82", site);
        stay(site, 0, 900);
        assertThat(link.heldJobs()).isEqualTo(1);
        complete(job);
        assertThat(link.heldJobs()).as("decided: the visit is behind it").isZero();

        engine.execute(TECH, RecordPayment.cash(job, Money.inr(50_000))).orThrow();
        assertThat(link.heldJobs()).as("a decided job's later events are ignored").isZero();
        assertThat(link.completedWithoutVisit(now.plus(Duration.ofHours(1)))).isEmpty();
    }

    @Test
    void aCompletionWhoseVisitIsConfirmedAfterItIsForgottenByThatVisit() {
        GeoPoint site = GeoPoint.of(12.9719, 77.6412);
        JobId job = job("JOB-8", "S-83", site);
        engine.execute(DISPATCHER, ChangeStatus.arrivalOverride(job, "technician phoned: GPS off")).orThrow();
        complete(job); // a quick job: completed before its visit passed the dwell threshold
        assertThat(link.heldJobs()).isEqualTo(1);
        stay(site, 0, 900);
        assertThat(link.heldJobs()).isZero();
        assertThat(link.completedWithoutVisit(now.plus(Duration.ofHours(1)))).isEmpty();
    }

    @Test
    void aGhostIsDecidedOnceAndStaysReportedWithoutHoldingItsJob() {
        JobId ghost = job("JOB-9", "S-84", GeoPoint.of(12.99, 77.66));
        engine.execute(DISPATCHER, ChangeStatus.arrivalOverride(ghost, "technician phoned: GPS off")).orThrow();
        complete(ghost);
        Instant later = now.plus(Duration.ofHours(1));
        assertThat(link.completedWithoutVisit(later)).singleElement().satisfies(f -> assertThat(f.job()).isEqualTo(ghost));
        assertThat(link.heldJobs()).isZero();

        engine.execute(TECH, RecordPayment.cash(ghost, Money.inr(50_000))).orThrow();
        assertThat(link.heldJobs()).as("a decided job's later events are ignored").isZero();
        stay(GeoPoint.of(12.99, 77.66), 0, 900); // a visit after the grace does not clear it
        assertThat(link.heldJobs()).isZero();
        assertThat(link.completedWithoutVisit(later.plusSeconds(60))).as("reported once, not again as a new job")
                .singleElement().satisfies(f -> assertThat(f.job()).isEqualTo(ghost));
    }

    @Test
    void aCancelledJobIsForgotten() {
        JobId job = job("JOB-10", "S-85", GeoPoint.of(12.9719, 77.6412));
        engine.execute(DISPATCHER, ChangeStatus.cancelled(job, "customer cancelled")).orThrow();
        assertThat(link.heldJobs()).isZero();
    }

    @Test
    void endedVisitsNoHeldJobNeedsAreDroppedAfterTheGrace() {
        GeoPoint needed = GeoPoint.of(12.9719, 77.6412);
        job("JOB-11", "S-86", needed); // assigned, never completed: its site's visits are kept
        engine.execute(DISPATCHER, ChangeStatus.arrivalOverride(JobId.of("JOB-11"), "technician phoned: GPS off")).orThrow();
        String[] others = {"X-1", "X-2", "X-3"};
        for (int k = 0; k < others.length; k++) {
            index.add(Fence.of(others[k], FenceKind.SITE, new FenceShape.Circle(GeoPoint.of(12.98 + 0.01 * k, 77.65), 60)));
        }
        stay(needed, 0, 900);
        for (int k = 0; k < others.length; k++) {
            stay(GeoPoint.of(12.98 + 0.01 * k, 77.65), 1000 + 1000L * k, 1900 + 1000L * k);
        }
        tracker.flush();
        assertThat(tracker.visitLog().all()).hasSize(4);
        // ended more than the 10-minute grace before X-3 did, and no held job is at them
        assertThat(link.heldVisits()).isEqualTo(2);
    }

    @Test
    void takenArrivalsAreHandedOverOnce() {
        GeoPoint site = GeoPoint.of(12.9719, 77.6412);
        JobId job = job("JOB-12", "S-87", site);
        stay(site, 0, 900);
        assertThat(link.takeArrivals()).singleElement().satisfies(f -> assertThat(f.job()).isEqualTo(job));
        assertThat(link.arrivals()).isEmpty();
        assertThat(link.takeArrivals()).isEmpty();
    }
}
