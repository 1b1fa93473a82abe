package io.github.geodispatch.dispatch.plan;
import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.RejectionReason;
import io.github.geodispatch.dispatch.Route;
import io.github.geodispatch.dispatch.Visit;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.TechnicianId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A plan: one route per available technician (per day, in a plan of several days) and the jobs left
 * unassigned (most urgent first) with the reason each could not be placed, and the plan's score.
 * Immutable and thread-safe.
 */
public final class DayPlan {
    private final PlanScore score;
    private final List<PlannedRoute> routes;
    private final List<JobId> unassigned;
    private final Map<JobId, RejectionReason> reasons;
    private final Map<JobId, DispatchJob> jobs;
    private final Map<JobId, Boolean> started;

    /**
     * @param reasons why each unassigned job is not planned: the furthest rule any technician passed it through
     *     (see {@link #unassignedReason})
     * @param jobs every job the plan knows, by id
     * @param started which of them had started when planning began
     */
    public DayPlan(PlanScore score, List<PlannedRoute> routes, List<JobId> unassigned, Map<JobId, RejectionReason> reasons,
            Map<JobId, DispatchJob> jobs, Map<JobId, Boolean> started) {
        this.score = Objects.requireNonNull(score, "score");
        this.routes = List.copyOf(routes);
        this.unassigned = List.copyOf(unassigned);
        this.reasons = Map.copyOf(reasons);
        this.jobs = Map.copyOf(jobs);
        this.started = Map.copyOf(started);
    }

    public PlanScore score() {
        return score;
    }

    public List<PlannedRoute> routes() {
        return routes;
    }

    public List<JobId> unassigned() {
        return unassigned;
    }

    /**
     * Why an unassigned job is not planned, judged against every technician on every day of the plan by the
     * live board's rules: the furthest rule any of them got it through ({@link RejectionReason} order), e.g.
     * {@code SKILL_MISSING} when nobody of its branch and area has the skill, {@code OFF_SHIFT} when those who
     * have it do not work within its window, {@code NO_SLOT} when someone could but no place in their day is left.
     * Empty for a planned job.
     */
    public Optional<RejectionReason> unassignedReason(JobId job) {
        return Optional.ofNullable(reasons.get(job));
    }

    /** The technician's route (in a plan of several days, their first working day's). */
    public Optional<PlannedRoute> route(TechnicianId technician) {
        return routes.stream().filter(r -> r.technician().equals(technician)).findFirst();
    }

    /** The technician's route on {@code day} of a plan of several days. */
    public Optional<PlannedRoute> route(TechnicianId technician, LocalDate day) {
        return routes.stream().filter(r -> r.technician().equals(technician) && day.equals(r.day())).findFirst();
    }

    /** Every route on {@code day} of a plan of several days. */
    public List<PlannedRoute> routesOn(LocalDate day) {
        return routes.stream().filter(r -> day.equals(r.day())).toList();
    }

    /** Every job this plan knows, by id, as planned (a rescheduled job with its new window). */
    public Map<JobId, DispatchJob> jobs() {
        return jobs;
    }

    /** Whether work on the job had started when planning began (false for a job the plan does not know). */
    public boolean started(JobId job) {
        return started.getOrDefault(job, false);
    }

    /** Where the job is in this plan, if it is planned. */
    public Optional<PlannedVisit> visit(JobId job) {
        for (PlannedRoute route : routes) {
            for (PlannedVisit visit : route.visits()) {
                if (visit.job().equals(job)) {
                    return Optional.of(visit);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The plan as dispatch routes, ready for {@code Dispatcher.putRoute}: started visits stay started and
     * pinned, fixed ones pinned, the rest planned at their ETAs. In a plan of several days, use
     * {@link #asRoutes(LocalDate)}.
     */
    public List<Route> asRoutes() {
        return asRoutes(routes);
    }

    /** The routes of {@code day} of a plan of several days as dispatch routes (see {@link #asRoutes()}). */
    public List<Route> asRoutes(LocalDate day) {
        return asRoutes(routesOn(day));
    }

    private List<Route> asRoutes(List<PlannedRoute> planned) {
        List<Route> out = new ArrayList<>();
        for (PlannedRoute route : planned) {
            List<Visit> visits = new ArrayList<>();
            for (PlannedVisit v : route.visits()) {
                boolean isStarted = started.getOrDefault(v.job(), false);
                visits.add(new Visit(jobs.get(v.job()), v.eta(), v.fixed(), isStarted));
            }
            out.add(new Route(route.technician(), visits, 0));
        }
        return out;
    }

    /** What changed from {@code earlier} to this plan, job by job. */
    public PlanDiff diffFrom(DayPlan earlier) {
        Objects.requireNonNull(earlier, "earlier");
        Map<JobId, Placement> before = earlier.placements();
        Map<JobId, Placement> after = placements();
        TreeSet<JobId> ids = new TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        ids.addAll(earlier.unassigned);
        ids.addAll(unassigned);
        List<VisitChange> changes = new ArrayList<>();
        for (JobId id : ids) {
            Placement was = before.get(id);
            Placement now = after.get(id);
            if (was == null && now != null) {
                changes.add(new VisitChange(id, VisitChange.Kind.PLANNED, null, null, now.technician, now.eta));
            } else if (was != null && now == null) {
                changes.add(new VisitChange(id, VisitChange.Kind.DROPPED, was.technician, was.eta, null, null));
            } else if (was != null && !was.technician.equals(now.technician)) {
                changes.add(new VisitChange(id, VisitChange.Kind.MOVED, was.technician, was.eta, now.technician, now.eta));
            } else if (was != null && !was.eta.equals(now.eta)) {
                changes.add(new VisitChange(id, VisitChange.Kind.RETIMED, was.technician, was.eta, now.technician, now.eta));
            }
        }
        return new PlanDiff(earlier, this, changes);
    }

    private record Placement(TechnicianId technician, Instant eta) {}

    private Map<JobId, Placement> placements() {
        Map<JobId, Placement> map = new HashMap<>();
        for (PlannedRoute route : routes) {
            for (PlannedVisit visit : route.visits()) {
                map.put(visit.job(), new Placement(route.technician(), visit.eta()));
            }
        }
        return map;
    }

    @Override
    public String toString() {
        return "DayPlan[" + score + ", " + routes.size() + " routes, " + unassigned.size() + " unassigned]";
    }
}
