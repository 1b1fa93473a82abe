package io.github.geodispatch.dispatch.plan;
import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.RejectionReason;
import io.github.geodispatch.dispatch.Route;
import io.github.geodispatch.dispatch.Technician;
import io.github.geodispatch.dispatch.Visit;
import io.github.geodispatch.dispatch.plan.internal.LocalSearchDayPlanner;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.TechnicianId;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import static io.github.geodispatch.dispatch.plan.PlanFixtures.DAY;
import static io.github.geodispatch.dispatch.plan.PlanFixtures.TRAVEL;
import static io.github.geodispatch.dispatch.plan.PlanFixtures.allDay;
import static io.github.geodispatch.dispatch.plan.PlanFixtures.job;
import static io.github.geodispatch.dispatch.plan.PlanFixtures.near;
import static io.github.geodispatch.dispatch.plan.PlanFixtures.steps;
import static io.github.geodispatch.dispatch.plan.PlanFixtures.untilStopped;
import static io.github.geodispatch.dispatch.plan.PlanFixtures.technician;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DayPlannerTest {
    private final Random rnd = new Random(7);

    private List<Technician> team(int size) {
        List<Technician> team = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            team.add(technician("T" + i, near(rnd, 0.04)));
        }
        return team;
    }

    @Test
    void plansEveryJobFeasiblyAndReportsProgressOffTheCallersThread() {
        List<Technician> team = new ArrayList<>(team(2));
        team.add(technician("RO", near(rnd, 0.04), Map.of("ro.service", 3)));
        List<DispatchJob> jobs = new ArrayList<>(PlanFixtures.jobs(rnd, 14));
        jobs.add(job("RO-1", near(rnd, 0.04), allDay(), Duration.ofMinutes(30), Priority.HIGH,
                List.of(SkillRequirement.of("ro.service", 3))));
        DayPlanProblem problem = DayPlanProblem.of(DAY, team, jobs);
        List<PlanProgress> events = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        DayPlanner planner = DayPlanner.builder().termination(steps(2000)).build();

        DayPlan plan = planner.start(problem, p -> {
            events.add(p);
            threads.add(Thread.currentThread().getName());
        }).result().join();

        assertThat(plan.score().hard()).isZero();
        assertThat(plan.score().medium()).isZero();
        assertThat(plan.unassigned()).isEmpty();
        assertThat(plan.routes().stream().mapToInt(r -> r.visits().size()).sum()).isEqualTo(15);
        assertThat(PlanChecker.violations(problem, plan, TRAVEL)).isEmpty();
        assertThat(events).isNotEmpty();
        assertThat(events.get(events.size() - 1).bestScore()).isEqualTo(plan.score());
        assertThat(threads).allMatch(name -> name.startsWith("geodispatch-plan-"));
    }

    @Test
    void aStepLimitMakesASeededPlanRepeatable() {
        List<Technician> team = team(3);
        List<DispatchJob> jobs = PlanFixtures.jobs(rnd, 20);
        DayPlanProblem problem = DayPlanProblem.of(DAY, team, jobs);
        PlanTermination steps = PlanTermination.afterSteps(300);
        DayPlan first = DayPlanner.builder().termination(steps).seed(11).build().solve(problem);
        DayPlan second = DayPlanner.builder().termination(steps).seed(11).build().solve(problem);
        assertThat(second.score()).isEqualTo(first.score());
        assertThat(second.routes()).isEqualTo(first.routes());
        assertThat(steps.steps()).contains(300);
        assertThatThrownBy(() -> steps.orAfterSteps(0)).hasMessageContaining("step limit must be positive");
    }

    @Test
    void leavesAJobNobodyCanDoUnassignedAndSaysSo() {
        List<DispatchJob> jobs = new ArrayList<>(PlanFixtures.jobs(rnd, 4));
        jobs.add(job("SOLAR", near(rnd, 0.04), allDay(), Duration.ofMinutes(60), Priority.HIGH,
                List.of(SkillRequirement.of("solar.install", 1))));
        DayPlan plan = DayPlanner.builder().termination(steps(1000)).build()
                .solve(DayPlanProblem.of(DAY, team(2), jobs));

        assertThat(plan.score().hard()).isZero();
        assertThat(plan.score().medium()).isEqualTo(-Priority.HIGH.weight());
        assertThat(plan.unassigned()).containsExactly(JobId.of("SOLAR"));
        assertThat(plan.unassignedReason(JobId.of("SOLAR"))).contains(RejectionReason.SKILL_MISSING);
        assertThat(plan.unassignedReason(jobs.get(0).id())).isEmpty();
    }

    @Test
    void startedAndPinnedVisitsStayWhereTheyAre() {
        List<Technician> team = team(2);
        Instant now = DAY.plus(Duration.ofHours(1));
        DispatchJob running = job("RUNNING", near(rnd, 0.04), allDay());
        DispatchJob promised = job("PROMISED", near(rnd, 0.04), allDay());
        Route route = new Route(team.get(0).id(), List.of(
                new Visit(running, DAY.plus(Duration.ofMinutes(40)), true, true),
                new Visit(promised, DAY.plus(Duration.ofHours(4)), true, false)), 0);
        DayPlanProblem problem = new DayPlanProblem(now, team, List.of(route), PlanFixtures.jobs(rnd, 10));

        DayPlan plan = DayPlanner.builder().termination(steps(1000)).build().solve(problem);

        assertThat(PlanChecker.movedPins(problem, plan)).isEmpty();
        assertThat(plan.route(team.get(0).id()).orElseThrow().visits().get(0).job()).isEqualTo(running.id());
        assertThat(PlanChecker.violations(problem, plan, TRAVEL)).isEmpty();
        assertThat(plan.asRoutes()).anySatisfy(r -> assertThat(r.visits()).anySatisfy(v -> {
            assertThat(v.job().id()).isEqualTo(running.id());
            assertThat(v.started()).isTrue();
        }));
    }

    @Test
    void aTechnicianOffTodayHasTheirRouteReplannedByOthers() {
        Technician present = technician("HERE", near(rnd, 0.02));
        Technician base = technician("AWAY", near(rnd, 0.02));
        Technician away = new Technician(base.id(), base.branch(), base.skills(), List.of(), base.serviceAreas(), null,
                10, base.startLocation(), base.endLocation(), null);
        DispatchJob theirs = job("THEIRS", near(rnd, 0.02), allDay());
        Route route = new Route(away.id(), List.of(new Visit(theirs, DAY.plus(Duration.ofHours(2)), true, true)), 0);
        DayPlanProblem problem = new DayPlanProblem(DAY, List.of(present, away), List.of(route), List.of());

        DayPlan plan = DayPlanner.builder().termination(steps(500)).build().solve(problem);

        assertThat(plan.route(away.id())).isEmpty();
        assertThat(plan.route(present.id()).orElseThrow().visits()).extracting(PlannedVisit::job).containsExactly(theirs.id());
        assertThat(plan.asRoutes()).singleElement().satisfies(r -> assertThat(r.visits().get(0).started()).isFalse());
    }

    @Test
    void aNewUrgentJobIsPlacedLiveAndTheDiffSaysWhere() throws Exception {
        DayPlanProblem problem = DayPlanProblem.of(DAY, team(3), PlanFixtures.jobs(rnd, 12));
        PlanningSession session = DayPlanner.builder().termination(untilStopped()).build().start(problem, p -> { });
        PlanFixtures.firstPlan(session);
        DispatchJob urgent = job("URGENT", near(rnd, 0.04), allDay(), Duration.ofMinutes(30), Priority.EMERGENCY, List.of());

        PlanDiff diff = session.apply(new PlanChange.NewJob(urgent)).get(PlanFixtures.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        session.stop();
        DayPlan plan = session.result().get(PlanFixtures.PATIENCE.toSeconds(), TimeUnit.SECONDS);

        assertThat(diff.changes(VisitChange.Kind.PLANNED)).extracting(VisitChange::job).contains(urgent.id());
        assertThat(diff.after().visit(urgent.id())).isPresent();
        assertThat(plan.visit(urgent.id())).isPresent();
        assertThat(plan.score().hard()).isZero();
    }

    @Test
    void aTechnicianOffSickHasEveryVisitMovedToOthers() throws Exception {
        List<Technician> team = team(3);
        TechnicianId sick = team.get(1).id();
        DayPlanProblem problem = DayPlanProblem.of(DAY, team, PlanFixtures.jobs(rnd, 12));
        PlanningSession session = DayPlanner.builder().termination(untilStopped()).build().start(problem, p -> { });
        DayPlan before = PlanFixtures.firstPlan(session);
        assertThat(before.route(sick).orElseThrow().visits()).isNotEmpty();

        PlanDiff diff = session.apply(new PlanChange.TechnicianOff(sick)).get(PlanFixtures.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        session.stop();
        DayPlan plan = session.result().get(PlanFixtures.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        List<JobId> theirs = diff.before().route(sick).orElseThrow().visits().stream().map(PlannedVisit::job).toList();
        assertThat(theirs).isNotEmpty();

        assertThat(plan.route(sick)).isEmpty();
        assertThat(diff.after().route(sick)).isEmpty();
        for (JobId job : theirs) {
            assertThat(diff.changes()).anySatisfy(c -> {
                assertThat(c.job()).isEqualTo(job);
                assertThat(c.from()).isEqualTo(sick);
                assertThat(c.kind()).isIn(VisitChange.Kind.MOVED, VisitChange.Kind.DROPPED);
            });
        }
        assertThat(plan.score().hard()).isZero();
    }

    @Test
    void aJobRunningLongPushesTheRestOfThatRoute() throws Exception {
        List<Technician> team = team(1);
        Instant now = DAY.plus(Duration.ofMinutes(30));
        DispatchJob running = job("RUNNING", near(rnd, 0.02), allDay());
        Route route = new Route(team.get(0).id(), List.of(new Visit(running, DAY.plus(Duration.ofMinutes(20)), true, true)), 0);
        DayPlanProblem problem = new DayPlanProblem(now, team, List.of(route), PlanFixtures.jobs(rnd, 4));
        PlanningSession session = DayPlanner.builder().termination(untilStopped()).build().start(problem, p -> { });
        DayPlan before = PlanFixtures.firstPlan(session);
        Instant firstEtaBefore = before.route(team.get(0).id()).orElseThrow().visits().get(1).eta();

        PlanDiff diff = session.apply(new PlanChange.JobRunningLong(running.id(), Duration.ofHours(1))).get(PlanFixtures.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        session.stop();
        session.result().get(PlanFixtures.PATIENCE.toSeconds(), TimeUnit.SECONDS);

        PlannedRoute after = diff.after().route(team.get(0).id()).orElseThrow();
        assertThat(after.visits().get(0).end()).isEqualTo(DAY.plus(Duration.ofMinutes(20 + 45 + 60)));
        assertThat(after.visits().get(1).eta()).isAfter(firstEtaBefore);
        assertThat(diff.changes(VisitChange.Kind.RETIMED)).isNotEmpty();
    }

    @Test
    void liveChangesKeepScoreAndShadowVariablesConsistentUnderFullAssert() throws Exception {
        List<Technician> team = team(3);
        Instant now = DAY.plus(Duration.ofMinutes(30));
        DispatchJob running = job("RUNNING", near(rnd, 0.02), allDay());
        DispatchJob promised = job("PROMISED", near(rnd, 0.02), allDay());
        Route route = new Route(team.get(0).id(), List.of(new Visit(running, DAY.plus(Duration.ofMinutes(20)), true, true),
                new Visit(promised, DAY.plus(Duration.ofHours(3)), true, false)), 0);
        DayPlanProblem problem = new DayPlanProblem(now, team, List.of(route), PlanFixtures.jobs(rnd, 8));
        DayPlanner planner = new LocalSearchDayPlanner(TRAVEL, io.github.geodispatch.dispatch.ServiceAreaFences.NONE,
                untilStopped(), Duration.ZERO, null, 0, 1,
                (technician, job) -> technician.equals(team.get(1).id()) ? 2 : 0, 300, true);   // the reward too
        PlanningSession session = planner.start(problem, p -> { });
        PlanFixtures.firstPlan(session);

        session.apply(new PlanChange.NewJob(job("NEW", near(rnd, 0.02), allDay()))).get(PlanFixtures.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        session.apply(new PlanChange.JobRunningLong(running.id(), Duration.ofMinutes(25))).get(PlanFixtures.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        session.apply(new PlanChange.JobRunningLong(JobId.of("J3"), Duration.ofMinutes(10))).get(PlanFixtures.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        PlanDiff off = session.apply(new PlanChange.TechnicianOff(team.get(0).id())).get(PlanFixtures.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        // the released visits leave the unassigned bucket as local search finds them a place
        PlanFixtures.await(() -> session.bestSoFar().orElseThrow().visit(running.id()).isPresent());
        session.stop();
        DayPlan plan = session.result().get(PlanFixtures.PATIENCE.toSeconds(), TimeUnit.SECONDS);

        assertThat(off.changes()).extracting(VisitChange::job).contains(running.id(), promised.id());
        assertThat(plan.visit(JobId.of("NEW"))).isPresent();
        assertThat(plan.visit(running.id())).isPresent();
        assertThat(plan.route(team.get(0).id())).isEmpty();
    }

    @Test
    void aChangeNamingAnUnknownJobFailsItsFutureOnly() throws Exception {
        PlanningSession session = DayPlanner.builder().termination(untilStopped()).build()
                .start(DayPlanProblem.of(DAY, team(2), PlanFixtures.jobs(rnd, 5)), p -> { });
        PlanFixtures.firstPlan(session);

        assertThatThrownBy(() -> session.apply(new PlanChange.JobRunningLong(JobId.of("NOPE"), Duration.ofMinutes(5))).join())
                .isInstanceOf(CompletionException.class)
                .hasMessageContaining("unknown job NOPE");
        session.stop();
        assertThat(session.result().get(PlanFixtures.PATIENCE.toSeconds(), TimeUnit.SECONDS).score().hard()).isZero();
        assertThat(session.apply(new PlanChange.TechnicianOff(TechnicianId.of("T0")))).isCompletedExceptionally();
    }

    @Test
    void aStopAsTheSolverStartsStillEndsTheSession() throws Exception {
        // a stop can land while the solver is being started, which once forgot it: the session then searched forever
        for (int i = 0; i < 40; i++) {
            PlanningSession session = DayPlanner.builder().termination(untilStopped()).build()
                    .start(DayPlanProblem.of(DAY, team(2), PlanFixtures.jobs(rnd, 5)), p -> { });
            PlanFixtures.firstPlan(session);
            session.stop();
            assertThat(session.result().get(PlanFixtures.PATIENCE.toSeconds(), TimeUnit.SECONDS).score().hard()).isZero();
        }
    }

    @Test
    void builderRejectsRepeatedAndBadSettings() {
        DayPlanner.Builder builder = DayPlanner.builder().seed(1);
        assertThatThrownBy(() -> builder.seed(2)).isInstanceOf(IllegalStateException.class).hasMessageContaining("seed already set");
        assertThatThrownBy(() -> builder.overtimeAllowance(Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overtime allowance");
        assertThatThrownBy(() -> PlanTermination.after(Duration.ZERO)).hasMessageContaining("time limit must be positive");
    }

    /** A time guard past 292 years overflowed the planner's nanosecond clock (an ArithmeticException from a solve). */
    @Test
    void aTimeGuardLongerThanAYearIsRefusedWhereItIsGiven() {
        Duration tooLong = PlanTermination.MAX_TIME_LIMIT.plusNanos(1);
        for (Duration limit : List.of(tooLong, Duration.ofDays(365L * 300), Duration.ofSeconds(Long.MAX_VALUE))) {
            assertThatThrownBy(() -> PlanTermination.afterSteps(50).orAfter(limit))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("time limit must be positive and at most PT8760H, was " + limit);
            assertThatThrownBy(() -> PlanTermination.afterSteps(50).orWhenUnimprovedFor(limit))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unimproved time limit");
        }
    }

    /**
     * A count with a time guard, as docs/dispatch.md shows: the guard's time left was handed to OptaPlanner in
     * nanoseconds, which it refuses (an IllegalArgumentException from the solve); so was a guard given in them.
     */
    @Test
    void aStepLimitWithATimeGuardPlans() {
        DayPlanProblem problem = DayPlanProblem.of(DAY, team(1), PlanFixtures.jobs(rnd, 3));
        for (PlanTermination termination : List.of(steps(50).orAfter(Duration.ofSeconds(60)),
                steps(50).orWhenUnimprovedFor(Duration.ofSeconds(60).plusNanos(1)))) {
            DayPlan plan = DayPlanner.builder().termination(termination).build().start(problem, p -> { }).result().join();
            assertThat(plan.score().hard()).as("%s", termination).isZero();
        }
    }

    @Test
    void problemRejectsAJobListedTwice() {
        DispatchJob job = job("J", near(rnd, 0.01), allDay());
        Technician t = technician("T", near(rnd, 0.01));
        Route route = new Route(t.id(), List.of(Visit.planned(job, DAY)), 0);
        assertThatThrownBy(() -> new DayPlanProblem(DAY, List.of(t), List.of(route), List.of(job)))
                .hasMessageContaining("job J is on the route of T and among the unassigned jobs");
    }

}
