package io.github.geodispatch.dispatch.plan;
import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.Route;
import io.github.geodispatch.dispatch.Visit;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.TechnicianId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A plan for the day: one route per available technician and the jobs left unassigned (most urgent
 * first), with the plan's score. Immutable and thread-safe.
 */
public final class DayPlan {
    private final PlanScore score;
    private final List<PlannedRoute> routes;
    private final List<JobId> unassigned;
    private final Map<JobId, DispatchJob> jobs;
    private final Map<JobId, Boolean> started;

    public DayPlan(PlanScore score, List<PlannedRoute> routes, List<JobId> unassigned, Map<JobId, DispatchJob> jobs,
            Map<JobId, Boolean> started) {
        this.score = Objects.requireNonNull(score, "score");
        this.routes = List.copyOf(routes);
        this.unassigned = List.copyOf(unassigned);
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

    public Optional<PlannedRoute> route(TechnicianId technician) {
        return routes.stream().filter(r -> r.technician().equals(technician)).findFirst();
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
     * pinned, fixed ones pinned, the rest planned at their ETAs.
     */
    public List<Route> asRoutes() {
        List<Route> out = new ArrayList<>();
        for (PlannedRoute route : routes) {
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
