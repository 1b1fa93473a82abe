package io.github.geodispatch.dispatch;

import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.spi.TimeWindow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DispatcherTest {
    static final Instant NOW = Instant.parse("2025-03-10T03:30:00Z");
    static final BranchId NORTH = BranchId.of("blr-north");
    static final BranchId SOUTH = BranchId.of("blr-south");
    static final GeoPoint BASE = GeoPoint.of(12.9716, 77.5946);
    static final Actor DISPATCHER = Actor.dispatcher(TenantId.of("acme"), NORTH, "priya");
    static final Shift SHIFT = new Shift(NOW, NOW.plus(Duration.ofHours(9)),
            new TimeWindow(NOW.plus(Duration.ofHours(4)), NOW.plus(Duration.ofMinutes(285))));

    static Technician tech(String id, BranchId branch, Map<String, Integer> skills, List<Certification> certs,
                           ServiceAreas areas, Shift shift, int max) {
        return new Technician(TechnicianId.of(id), branch, skills, certs, areas, shift, max, BASE, BASE, null);
    }

    static Technician ok(String id) {
        return tech(id, NORTH, Map.of("ac.install", 3), List.of(new Certification("refrigerant", NOW.plus(Duration.ofDays(30)))),
                ServiceAreas.anywhere(), SHIFT, 8);
    }

    static DispatchJob job(String id, Priority priority, TimeWindow window) {
        return new DispatchJob(JobId.of(id), NORTH, GeoPoint.of(12.98, 77.60), "AC_INSTALL",
                List.of(SkillRequirement.of("ac.install", 2)), Set.of("refrigerant"), priority, window, null,
                Duration.ofMinutes(90), null);
    }

    static Dispatcher board(Technician... techs) {
        Dispatcher d = Dispatcher.builder().clock(InstantSource.fixed(NOW)).build();
        d.putTechnicians(List.of(techs));
        return d;
    }

    @Test
    void eachRejectionReasonIsNamed() {
        long cell = Scenarios.H3.latLngToCell(1.0, 1.0, 7); // far away from the job
        Dispatcher d = board(ok("good"),
                tech("south", SOUTH, Map.of("ac.install", 3), List.of(new Certification("refrigerant", NOW.plus(Duration.ofDays(9)))),
                        ServiceAreas.anywhere(), SHIFT, 8),
                tech("far", NORTH, Map.of("ac.install", 3), List.of(new Certification("refrigerant", NOW.plus(Duration.ofDays(9)))),
                        ServiceAreas.cells(7, Set.of(cell)), SHIFT, 8),
                tech("novice", NORTH, Map.of("ac.install", 1), List.of(new Certification("refrigerant", NOW.plus(Duration.ofDays(9)))),
                        ServiceAreas.anywhere(), SHIFT, 8),
                tech("lapsed", NORTH, Map.of("ac.install", 3), List.of(new Certification("refrigerant", NOW.minusSeconds(1))),
                        ServiceAreas.anywhere(), SHIFT, 8),
                tech("off", NORTH, Map.of("ac.install", 3), List.of(new Certification("refrigerant", NOW.plus(Duration.ofDays(9)))),
                        ServiceAreas.anywhere(), null, 8),
                tech("full", NORTH, Map.of("ac.install", 3), List.of(new Certification("refrigerant", NOW.plus(Duration.ofDays(9)))),
                        ServiceAreas.anywhere(), SHIFT, 2),
                tech("busy", NORTH, Map.of("ac.install", 3), List.of(new Certification("refrigerant", NOW.plus(Duration.ofDays(9)))),
                        ServiceAreas.anywhere(), SHIFT, 8));
        d.putRoute(new Route(TechnicianId.of("full"), List.of(), 2));
        TimeWindow morning = new TimeWindow(NOW, NOW.plus(Duration.ofHours(2)));
        // busy has a pinned visit filling the whole morning window
        d.putRoute(new Route(TechnicianId.of("busy"), List.of(new Visit(new DispatchJob(JobId.of("B1"), NORTH,
                BASE, "AC_SERVICE", List.of(), Set.of(), Priority.HIGH, new TimeWindow(NOW, NOW), null,
                Duration.ofHours(3), null), NOW, true, false)), 0));
        Recommendation rec = d.recommend(job("J1", Priority.NORMAL, morning));

        assertThat(rec.best().orElseThrow().technician()).isEqualTo(TechnicianId.of("good"));
        assertThat(reasons(rec, "south")).containsExactly(RejectionReason.BRANCH_MISMATCH);
        assertThat(reasons(rec, "far")).containsExactly(RejectionReason.OUTSIDE_SERVICE_AREA);
        assertThat(reasons(rec, "novice")).containsExactly(RejectionReason.SKILL_MISSING);
        assertThat(rec.rejection(TechnicianId.of("novice")).orElseThrow().details()).containsExactly("ac.install level 1 < 2");
        assertThat(reasons(rec, "lapsed")).containsExactly(RejectionReason.CERTIFICATION_EXPIRED);
        assertThat(reasons(rec, "off")).containsExactly(RejectionReason.OFF_SHIFT);
        assertThat(reasons(rec, "full")).containsExactly(RejectionReason.OVER_CAPACITY);
        assertThat(reasons(rec, "busy")).containsExactly(RejectionReason.NO_SLOT);
        assertThat(rec.rejectedByPrimaryReason()).containsEntry(RejectionReason.BRANCH_MISMATCH, 1)
                .containsEntry(RejectionReason.NO_SLOT, 1);
        assertThat(rec.rejections()).hasSize(7);
        assertThat(rec.explain()).contains("Recommended: good").contains("NO_SLOT=1");
    }

    private static Set<RejectionReason> reasons(Recommendation rec, String id) {
        return rec.rejection(TechnicianId.of(id)).orElseThrow().reasons();
    }

    @Test
    void scoreBreakdownPrefersTheCloserAndPreferredTechnician() {
        Technician near = new Technician(TechnicianId.of("near"), NORTH, Map.of("ac.install", 2),
                List.of(new Certification("refrigerant", NOW.plus(Duration.ofDays(9)))), ServiceAreas.anywhere(), SHIFT, 8,
                GeoPoint.of(12.979, 77.601), BASE, null);
        Dispatcher d = board(near, ok("base"));
        Recommendation rec = d.recommend(job("J1", Priority.NORMAL, null));
        assertThat(rec.ranked()).extracting(Candidate::technician)
                .containsExactly(TechnicianId.of("near"), TechnicianId.of("base"));
        Candidate first = rec.ranked().get(0);
        assertThat(first.score().addedTravel()).isLessThan(rec.ranked().get(1).score().addedTravel());
        assertThat(first.score().skillMargin()).isZero();
        assertThat(first.insertion().position()).isZero();
        assertThat(first.insertion().after()).isNull();
        assertThat(first.insertion().eta()).isAfter(NOW);
        assertThat(first.score().total()).isLessThan(rec.ranked().get(1).score().total());
    }

    @Test
    void overrideRecordsItsReasonAndWaivers() {
        List<Assignment> seen = new ArrayList<>();
        Dispatcher d = Dispatcher.builder().clock(InstantSource.fixed(NOW)).listener(new DispatchListener() {
            @Override
            public void assigned(Assignment a) {
                seen.add(a);
            }

            @Override
            public void unassigned(JobId job, TechnicianId technician, String reason, Actor by) {}
        }).build();
        d.putTechnicians(List.of(ok("good"), tech("novice", NORTH, Map.of("ac.install", 1),
                List.of(new Certification("refrigerant", NOW.plus(Duration.ofDays(9)))), ServiceAreas.anywhere(), SHIFT, 8)));
        Recommendation rec = d.recommend(job("J1", Priority.NORMAL, null));
        assertThatThrownBy(() -> d.assign(rec, OverrideRequest.of(TechnicianId.of("novice"), "customer asked"), DISPATCHER))
                .isInstanceOf(AssignmentRejectedException.class).hasMessageContaining("SKILL_MISSING");
        assertThat(d.holderOf(JobId.of("J1"))).isEmpty();
        Assignment a = d.assign(rec, new OverrideRequest(TechnicianId.of("novice"), "customer asked for Ravi",
                Set.of(RejectionReason.SKILL_MISSING)), DISPATCHER);
        assertThat(a.overrideReason()).isEqualTo("customer asked for Ravi");
        assertThat(a.waived()).containsExactly(RejectionReason.SKILL_MISSING);
        assertThat(seen).containsExactly(a);
        assertThat(d.holderOf(JobId.of("J1"))).contains(TechnicianId.of("novice"));
        assertThatThrownBy(() -> d.assign(rec, DISPATCHER)).isInstanceOf(AssignmentRejectedException.class)
                .hasMessageContaining("already assigned to novice");
        assertThatThrownBy(() -> new OverrideRequest(TechnicianId.of("x"), "r", Set.of(RejectionReason.NO_SLOT)))
                .hasMessageContaining("NO_SLOT cannot be waived");
        assertThatThrownBy(() -> OverrideRequest.of(TechnicianId.of("x"), " ")).hasMessageContaining("needs a reason");
        d.unassign(JobId.of("J1"), "reshuffle", DISPATCHER);
        assertThat(d.route(TechnicianId.of("novice")).visits()).isEmpty();
        Assignment taken = d.assign(d.recommend(job("J1", Priority.NORMAL, null)), DISPATCHER);
        assertThat(taken.technician()).isEqualTo(TechnicianId.of("good"));
        assertThat(taken.overridden()).isFalse();
    }

    @Test
    void concurrentAssignsNeverDoubleBook() throws Exception {
        Technician[] techs = new Technician[3];
        for (int i = 0; i < techs.length; i++) {
            techs[i] = ok("t" + i);
        }
        Dispatcher d = board(techs);
        int jobs = 60;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<Assignment> done = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < jobs; i++) {
            DispatchJob j = new DispatchJob(JobId.of("C" + i), NORTH, GeoPoint.of(12.975 + i % 5 * 0.002, 77.595),
                    "AC_INSTALL", List.of(), Set.of(), Priority.NORMAL, new TimeWindow(NOW, NOW.plus(Duration.ofHours(8))),
                    null, Duration.ofMinutes(50), null);
            TechnicianId target = techs[i % techs.length].id();
            pool.submit(() -> {
                go.await();
                Recommendation rec = d.recommend(j);
                try {
                    done.add(i2(j) % 2 == 0 ? d.assign(rec, DISPATCHER)
                            : d.assign(rec, OverrideRequest.of(target, "same street"), DISPATCHER));
                } catch (AssignmentRejectedException e) {
                    // slot taken by a concurrent assignment: refused, nothing changed
                }
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        int onRoutes = 0;
        for (Technician t : techs) {
            Route r = d.route(t.id());
            onRoutes += r.visits().size();
            assertThat(r.visits().size()).isLessThanOrEqualTo(t.maxJobsPerDay());
            BruteForceOracle.Timing timing = new BruteForceOracle(HaversineTravelTimes.defaults(), ServiceAreaFences.NONE)
                    .time(t, null, r.visits(), NOW);
            for (int i = 0; i < r.visits().size(); i++) {
                long start = timing.start()[i];
                long end = start + r.visits().get(i).job().duration().getSeconds();
                assertThat(start).isLessThanOrEqualTo(r.visits().get(i).job().window().to().getEpochSecond());
                if (i + 1 < r.visits().size()) {
                    assertThat(timing.start()[i + 1]).as("visits overlap on %s", t.id()).isGreaterThanOrEqualTo(end);
                }
            }
            assertThat(timing.back()).isLessThanOrEqualTo(SHIFT.end().getEpochSecond());
        }
        assertThat(onRoutes).isEqualTo(done.size());
        assertThat(done).extracting(Assignment::job).doesNotHaveDuplicates();
        assertThat(done.size()).isGreaterThan(3);
    }

    private static int i2(DispatchJob j) {
        return Integer.parseInt(j.id().value().substring(1));
    }

    @Test
    void emergencyProposesTheCheapestDisplacementAndAcceptingItMovesTheDisplacedJob() {
        Dispatcher d = board(ok("solo"), ok("spare"));
        // solo's morning is a LOW job that must start by 09:15; spare is busy with a pinned visit until late
        d.putRoute(new Route(TechnicianId.of("solo"), List.of(Visit.planned(new DispatchJob(JobId.of("LOW1"), NORTH,
                GeoPoint.of(12.98, 77.60), "AC_SERVICE", List.of(), Set.of(), Priority.LOW,
                new TimeWindow(NOW, NOW.plus(Duration.ofMinutes(15))), null, Duration.ofHours(2), null), NOW)), 0));
        d.putRoute(new Route(TechnicianId.of("spare"), List.of(new Visit(new DispatchJob(JobId.of("P1"), NORTH,
                BASE, "AC_SERVICE", List.of(), Set.of(), Priority.HIGH, new TimeWindow(NOW, NOW), null,
                Duration.ofHours(3), null), NOW, true, false)), 0));
        DispatchJob emergency = job("E1", Priority.EMERGENCY, new TimeWindow(NOW, NOW.plus(Duration.ofHours(1))));
        Recommendation rec = d.recommend(emergency);
        assertThat(rec.best()).isEmpty();
        Displacement disp = rec.displacement().orElseThrow();
        assertThat(disp.technician()).isEqualTo(TechnicianId.of("solo"));
        assertThat(disp.displacedJob()).isEqualTo(JobId.of("LOW1"));
        assertThat(disp.explanation()).contains("solo drops LOW1");
        DisplacementOutcome out = d.accept(disp, DISPATCHER);
        assertThat(out.emergency().technician()).isEqualTo(TechnicianId.of("solo"));
        assertThat(d.holderOf(JobId.of("E1"))).contains(TechnicianId.of("solo"));
        assertThat(disp.movedTo()).isNull(); // nobody can start LOW1 by 09:15 any more
        assertThat(out.moved()).isNull();
        assertThat(out.unplaced()).isEqualTo(JobId.of("LOW1"));
        assertThat(d.holderOf(JobId.of("LOW1"))).isEmpty();
        assertThat(d.route(TechnicianId.of("solo")).visits().get(0).job().id()).isEqualTo(JobId.of("E1"));
    }

    @Test
    void anEmergencyTheListenerRefusesDisplacesNothing() {
        List<String> told = new ArrayList<>();
        Dispatcher d = Dispatcher.builder().clock(InstantSource.fixed(NOW)).listener(new DispatchListener() {
            @Override
            public void assigned(Assignment a) {
                if (a.job().equals(JobId.of("E1"))) {
                    throw new IllegalStateException("job record: E1 was cancelled");
                }
                told.add("assigned " + a.job());
            }

            @Override
            public void unassigned(JobId job, TechnicianId technician, String reason, Actor by) {
                told.add("unassigned " + job);
            }
        }).build();
        d.putTechnicians(List.of(ok("solo")));
        DispatchJob low = new DispatchJob(JobId.of("LOW1"), NORTH, GeoPoint.of(12.98, 77.60), "AC_SERVICE", List.of(),
                Set.of(), Priority.LOW, new TimeWindow(NOW, NOW.plus(Duration.ofMinutes(15))), null, Duration.ofHours(2), null);
        d.putRoute(new Route(TechnicianId.of("solo"), List.of(Visit.planned(low, NOW)), 0));
        Displacement disp = d.recommend(job("E1", Priority.EMERGENCY, new TimeWindow(NOW, NOW.plus(Duration.ofHours(1)))))
                .displacement().orElseThrow();
        assertThat(disp.displacedJob()).isEqualTo(JobId.of("LOW1"));

        assertThatThrownBy(() -> d.accept(disp, DISPATCHER)).hasMessageContaining("E1 was cancelled");
        assertThat(told).as("the record heard nothing").isEmpty();
        assertThat(d.holderOf(JobId.of("E1"))).isEmpty();
        assertThat(d.holderOf(JobId.of("LOW1"))).contains(TechnicianId.of("solo"));
        assertThat(d.route(TechnicianId.of("solo")).visits()).extracting(v -> v.job().id()).containsExactly(JobId.of("LOW1"));
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        assertThatThrownBy(() -> new Shift(NOW, NOW, null)).hasMessageContaining("must end after it starts");
        assertThatThrownBy(() -> new Shift(NOW, NOW.plusSeconds(3600), new TimeWindow(NOW.minusSeconds(60), NOW)))
                .hasMessageContaining("must lie inside the shift");
        assertThatThrownBy(() -> tech("x", NORTH, Map.of("ac.install", 7), List.of(), ServiceAreas.anywhere(), SHIFT, 3))
                .hasMessageContaining("skill level must be 1-5");
        assertThatThrownBy(() -> tech("x", NORTH, Map.of(), List.of(new Certification("a", NOW), new Certification("a", NOW)),
                ServiceAreas.anywhere(), SHIFT, 3)).hasMessageContaining("certification a twice");
        assertThatThrownBy(() -> tech("x", NORTH, Map.of(), List.of(), ServiceAreas.anywhere(), SHIFT, -1))
                .hasMessageContaining("max jobs per day");
        assertThatThrownBy(() -> ServiceAreas.cells(8, Set.of(Scenarios.H3.latLngToCell(12.9, 77.6, 7))))
                .hasMessageContaining("has resolution 7, the service area states 8");
        assertThatThrownBy(() -> ServiceAreas.cells(7, Set.of(42L))).hasMessageContaining("not a valid H3 cell");
        assertThatThrownBy(() -> new DispatchJob(JobId.of("J"), NORTH, BASE, "AC", List.of(SkillRequirement.of("a", 1),
                SkillRequirement.of("a", 2)), Set.of(), Priority.LOW, null, null, Duration.ofMinutes(5), null))
                .hasMessageContaining("requires skill a twice");
        assertThatThrownBy(() -> new DispatchJob(JobId.of("J"), NORTH, BASE, "AC", List.of(), Set.of(), Priority.LOW,
                null, null, Duration.ZERO, null)).hasMessageContaining("duration of job J");
        assertThatThrownBy(() -> new Visit(job("J", Priority.LOW, null), NOW, false, true)).hasMessageContaining("must be pinned");
        Visit started = new Visit(job("A", Priority.LOW, null), NOW, true, true);
        Visit planned = Visit.planned(job("B", Priority.LOW, null), NOW);
        assertThatThrownBy(() -> new Route(TechnicianId.of("t"), List.of(planned, started), 0))
                .hasMessageContaining("comes after a visit not yet started");
        assertThatThrownBy(() -> new Route(TechnicianId.of("t"), List.of(planned, planned), 0)).hasMessageContaining("twice");
        assertThatThrownBy(() -> HaversineTravelTimes.builder().speedKmh(Double.NaN)).hasMessageContaining("speed");
        assertThatThrownBy(() -> HaversineTravelTimes.builder().roadFactor(1.3).roadFactor(1.5)).hasMessageContaining("already set");
        assertThatThrownBy(() -> new ScoringWeights(-1, 0, 0, 0, 0, 0, 0, 0)).hasMessageContaining("travelPerMinute");
        assertThatThrownBy(() -> Dispatcher.builder().clock(InstantSource.system()).clock(InstantSource.system()))
                .hasMessageContaining("clock already set");
        Dispatcher d = board(ok("a"));
        assertThatThrownBy(() -> d.route(TechnicianId.of("ghost"))).hasMessageContaining("unknown technician ghost");
        assertThatThrownBy(() -> d.putTechnicians(List.of(ok("z"), ok("z")))).hasMessageContaining("given twice");
        Recommendation rec = d.recommend(job("J9", Priority.LOW, null));
        assertThatThrownBy(() -> rec.rejection(TechnicianId.of("ghost"))).hasMessageContaining("not on the roster");
    }

    @Test
    void defaultTravelIsHaversineTimesRoadFactorAtCitySpeed() {
        HaversineTravelTimes t = HaversineTravelTimes.builder().roadFactor(1.5).speedKmh(30).build();
        GeoPoint a = GeoPoint.of(12.9716, 77.5946);
        GeoPoint b = GeoPoint.of(13.0716, 77.5946); // ~11.1 km north
        double metres = a.distanceMetres(b);
        assertThat(t.between(a, b).distanceMetres()).isCloseTo(metres * 1.5, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(t.seconds(a, b)).isEqualTo((long) Math.ceil(metres * 1.5 / (30 / 3.6)));
        assertThat(t.between(a, b).duration().getSeconds()).isEqualTo(t.seconds(a, b));
        assertThat(HaversineTravelTimes.defaults().seconds(a, a)).isZero();
    }
}
