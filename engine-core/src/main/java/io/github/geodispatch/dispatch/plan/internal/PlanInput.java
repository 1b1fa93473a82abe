package io.github.geodispatch.dispatch.plan.internal;
import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.Route;
import io.github.geodispatch.dispatch.Technician;
import io.github.geodispatch.dispatch.Visit;
import io.github.geodispatch.dispatch.plan.DayPlanProblem;
import io.github.geodispatch.dispatch.plan.HorizonProblem;
import io.github.geodispatch.dispatch.plan.PlanDay;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.TechnicianId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A problem as the planner works on it, one day or several: the days with their technicians and the routes
 * of those working, and the jobs to plan, including every visit of a technician who is off that day (their
 * routes are dropped). {@code oneDay} marks a {@link DayPlanProblem}: its routes are named by technician alone
 * and its plan carries no dates. Immutable.
 */
record PlanInput(Instant now, List<PlanDay> days, List<DispatchJob> jobs, boolean oneDay) {

    static PlanInput of(DayPlanProblem problem) {
        // a one-day problem has no calendar date; the day only keeps the days' shape uniform
        LocalDate anyDate = LocalDate.ofInstant(problem.now(), ZoneOffset.UTC);
        return normalised(problem.now(), List.of(new PlanDay(anyDate, problem.technicians(), problem.routes())),
                problem.jobs(), true);
    }

    static PlanInput of(HorizonProblem problem) {
        return normalised(problem.now(), problem.days(), problem.jobs(), false);
    }

    private static PlanInput normalised(Instant now, List<PlanDay> days, List<DispatchJob> jobs, boolean oneDay) {
        List<DispatchJob> toPlan = new ArrayList<>(jobs);
        List<PlanDay> kept = new ArrayList<>();
        for (PlanDay day : days) {
            Map<TechnicianId, Technician> byId = new LinkedHashMap<>();
            day.technicians().forEach(t -> byId.put(t.id(), t));
            List<Route> routes = new ArrayList<>();
            for (Route route : day.routes()) {
                if (byId.get(route.technician()).shift() == null) {
                    route.visits().stream().map(Visit::job).forEach(toPlan::add); // off that day: re-planned
                } else {
                    routes.add(route);
                }
            }
            kept.add(new PlanDay(day.date(), day.technicians(), routes));
        }
        return new PlanInput(now, kept, toPlan, oneDay);
    }

    /** Every job of the input by id: the jobs to plan and every visit on a route. */
    Map<JobId, DispatchJob> allJobs() {
        Map<JobId, DispatchJob> all = new LinkedHashMap<>();
        for (PlanDay day : days) {
            day.routes().forEach(r -> r.visits().forEach(v -> all.put(v.job().id(), v.job())));
        }
        jobs.forEach(j -> all.put(j.id(), j));
        return all;
    }

    /** Visits the planner may move: not started, not pinned, plus every job to plan. */
    int movableVisits() {
        int movable = jobs.size();
        for (PlanDay day : days) {
            for (Route r : day.routes()) {
                movable += (int) r.visits().stream().filter(v -> !v.pinned()).count();
            }
        }
        return movable;
    }
}
