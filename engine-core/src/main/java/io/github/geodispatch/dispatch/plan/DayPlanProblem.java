package io.github.geodispatch.dispatch.plan;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.Route;
import io.github.geodispatch.dispatch.Technician;
import io.github.geodispatch.dispatch.Visit;
import io.github.geodispatch.spi.CalendarRange;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.TechnicianId;

/**
 * A day to plan: the technicians, their current routes (started visits lead and stay; pinned visits keep
 * their technician and time; the others may be re-planned) and the jobs not yet on any route. Planning
 * starts no earlier than {@code now}. Immutable and thread-safe.
 *
 * @param routes at most one per technician; a technician without one starts with an empty route
 */
public record DayPlanProblem(Instant now, List<Technician> technicians, List<Route> routes, List<DispatchJob> jobs) {
    public DayPlanProblem {
        CalendarRange.require(now, "now");
        technicians = List.copyOf(Objects.requireNonNull(technicians, "technicians"));
        routes = List.copyOf(Objects.requireNonNull(routes, "routes"));
        jobs = List.copyOf(Objects.requireNonNull(jobs, "jobs"));
        Set<TechnicianId> ids = new HashSet<>();
        for (Technician t : technicians) {
            if (!ids.add(t.id())) {
                throw new IllegalArgumentException("technician " + t.id() + " is listed twice");
            }
        }
        Set<TechnicianId> routed = new HashSet<>();
        Map<JobId, String> where = new HashMap<>();
        for (Route r : routes) {
            if (!ids.contains(r.technician())) {
                throw new IllegalArgumentException("route of unknown technician " + r.technician());
            }
            if (!routed.add(r.technician())) {
                throw new IllegalArgumentException("technician " + r.technician() + " has two routes");
            }
            for (Visit v : r.visits()) {
                String before = where.put(v.job().id(), "the route of " + r.technician());
                if (before != null) {
                    throw new IllegalArgumentException("job " + v.job().id() + " is on " + before + " and on the route of " + r.technician());
                }
            }
        }
        for (DispatchJob job : jobs) {
            String before = where.put(job.id(), "the unassigned jobs");
            if (before != null) {
                throw new IllegalArgumentException("job " + job.id() + " is on " + before + " and among the unassigned jobs");
            }
        }
    }

    /** A morning plan: nothing on any route yet. */
    public static DayPlanProblem of(Instant now, List<Technician> technicians, List<DispatchJob> jobs) {
        return new DayPlanProblem(now, technicians, List.of(), jobs);
    }
}
