package io.github.geodispatch.dispatch.plan;

import static io.github.geodispatch.dispatch.plan.PlanFixtures.DAY;
import static io.github.geodispatch.dispatch.plan.PlanFixtures.TRAVEL;
import static io.github.geodispatch.dispatch.plan.PlanFixtures.near;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.Route;
import io.github.geodispatch.dispatch.Technician;
import io.github.geodispatch.dispatch.Visit;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.TimeWindow;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class DayPlanProperties {
    private static final String[] SKILLS = {"ac.service", "ro.service", "cctv.install"};
    private static final DayPlanner PLANNER = DayPlanner.builder()
            .termination(PlanFixtures.steps(400))
            .build();

    /**
     * Builds a day that is feasible by construction: each technician gets a chain of jobs whose windows
     * contain the time the technician reaches them in that order, needing a skill they hold. The jobs
     * are then handed to the planner shuffled and unassigned.
     */
    private static DayPlanProblem feasibleDay(long seed) {
        Random rnd = new Random(seed);
        List<Technician> team = new ArrayList<>();
        List<DispatchJob> jobs = new ArrayList<>();
        int technicians = 1 + rnd.nextInt(3);
        for (int t = 0; t < technicians; t++) {
            String skill = SKILLS[rnd.nextInt(SKILLS.length)];
            Technician tech = PlanFixtures.technician("T" + t, near(rnd, 0.05), Map.of(skill, 1 + rnd.nextInt(5)));
            team.add(tech);
            long lunchFrom = tech.shift().lunch().from().getEpochSecond();
            long lunchTo = tech.shift().lunch().to().getEpochSecond();
            GeoPoint at = tech.startLocation();
            long clock = tech.shift().start().getEpochSecond();
            int chain = 1 + rnd.nextInt(5);
            for (int j = 0; j < chain; j++) {
                GeoPoint where = near(rnd, 0.05);
                long duration = 60L * (20 + rnd.nextInt(60));
                long drive = TRAVEL.seconds(at, where);
                long arrive = clock < lunchFrom && clock + drive > lunchFrom ? clock + drive + (lunchTo - lunchFrom)
                        : clock >= lunchFrom && clock < lunchTo ? lunchTo + drive : clock + drive;
                long start = arrive < lunchTo && arrive + duration > lunchFrom ? lunchTo : arrive;
                long back = start + duration + TRAVEL.seconds(where, tech.endLocation());
                if (back > tech.shift().end().getEpochSecond()) {
                    break;
                }
                Instant from = Instant.ofEpochSecond(start - rnd.nextInt(3) * 1800L);
                Instant to = Instant.ofEpochSecond(start + rnd.nextInt(3) * 1800L);
                int level = tech.skills().values().iterator().next();
                jobs.add(PlanFixtures.job(tech.id() + "-J" + j, where, new TimeWindow(from, to), Duration.ofSeconds(duration),
                        Priority.values()[rnd.nextInt(4)],
                        List.of(SkillRequirement.of(tech.skills().keySet().iterator().next(), 1 + rnd.nextInt(level)))));
                clock = start + duration;
                at = where;
            }
        }
        Collections.shuffle(jobs, rnd);
        return DayPlanProblem.of(DAY, team, jobs);
    }

    @Property(tries = 12)
    void aPlanNeverBreaksAHardRuleWhenAFeasibleOneExists(@ForAll long seed) {
        DayPlanProblem problem = feasibleDay(seed);
        DayPlan plan = PLANNER.solve(problem);

        assertThat(plan.score().hard()).as("hard score of %s", plan).isZero();
        assertThat(PlanChecker.violations(problem, plan, TRAVEL)).isEmpty();
        int planned = plan.routes().stream().mapToInt(r -> r.visits().size()).sum();
        assertThat(planned + plan.unassigned().size()).isEqualTo(problem.jobs().size());
    }

    @Property(tries = 12)
    void startedAndPinnedVisitsNeverMove(@ForAll long seed) {
        Random rnd = new Random(seed);
        DayPlanProblem base = feasibleDay(seed);
        Instant now = DAY.plus(Duration.ofMinutes(30 + rnd.nextInt(90)));
        List<Route> routes = new ArrayList<>();
        List<DispatchJob> loose = new ArrayList<>(base.jobs());
        for (Technician t : base.technicians()) {
            List<Visit> visits = new ArrayList<>();
            Instant eta = DAY.plus(Duration.ofMinutes(10));
            int count = rnd.nextInt(4);
            for (int i = 0; i < count && !loose.isEmpty(); i++) {
                DispatchJob job = loose.remove(loose.size() - 1);
                boolean started = i == 0 && rnd.nextBoolean();
                boolean pinned = started || rnd.nextInt(3) == 0;
                visits.add(new Visit(job, eta, pinned, started));
                eta = eta.plus(job.duration()).plus(Duration.ofMinutes(30 + rnd.nextInt(60)));
            }
            routes.add(new Route(t.id(), visits, 0));
        }
        DayPlanProblem problem = new DayPlanProblem(now, base.technicians(), routes, loose);

        DayPlan plan = PLANNER.solve(problem);

        assertThat(PlanChecker.movedPins(problem, plan)).isEmpty();
        for (Route route : routes) {
            List<PlannedVisit> planned = plan.route(route.technician()).orElseThrow().visits();
            for (int i = 0; i < route.visits().size() && route.visits().get(i).started(); i++) {
                assertThat(planned.get(i).job()).isEqualTo(route.visits().get(i).job().id());
            }
        }
    }
}
