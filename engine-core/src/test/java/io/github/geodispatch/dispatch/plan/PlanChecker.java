package io.github.geodispatch.dispatch.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.Route;
import io.github.geodispatch.dispatch.Technician;
import io.github.geodispatch.dispatch.Visit;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TravelTimes;

/**
 * Re-checks a {@link DayPlan} from the public records alone: every job once, skills, windows, lunch, and
 * return before shift end, walking each route with the travel model. Returns the violations found.
 */
final class PlanChecker {
    private PlanChecker() {}

    static List<String> violations(DayPlanProblem problem, DayPlan plan, TravelTimes travel) {
        List<String> found = new ArrayList<>();
        Map<JobId, DispatchJob> jobs = new HashMap<>();
        problem.jobs().forEach(j -> jobs.put(j.id(), j));
        problem.routes().forEach(r -> r.visits().forEach(v -> jobs.put(v.job().id(), v.job())));
        Map<TechnicianId, Technician> techs = new HashMap<>();
        problem.technicians().forEach(t -> techs.put(t.id(), t));
        Set<JobId> seen = new HashSet<>();
        for (PlannedRoute route : plan.routes()) {
            Technician t = techs.get(route.technician());
            GeoPoint at = t.liveLocation() != null ? t.liveLocation().point() : t.startLocation();
            long clock = Math.max(t.shift().start().getEpochSecond(), problem.now().getEpochSecond());
            long lunchFrom = t.shift().lunch() == null ? Long.MAX_VALUE : t.shift().lunch().from().getEpochSecond();
            long lunchTo = t.shift().lunch() == null ? Long.MAX_VALUE : t.shift().lunch().to().getEpochSecond();
            for (PlannedVisit v : route.visits()) {
                if (!seen.add(v.job())) {
                    found.add(v.job() + " planned twice");
                }
                DispatchJob job = jobs.get(v.job());
                for (SkillRequirement need : job.requiredSkills()) {
                    if (t.levelIn(need.skill()) < need.minLevel()) {
                        found.add(v.job() + ": " + t.id() + " lacks " + need);
                    }
                }
                long eta = v.eta().getEpochSecond();
                if (!v.fixed()) {
                    long depart = clock;
                    long drive = travel.seconds(at, job.location());
                    long arrive = depart < lunchFrom && depart + drive > lunchFrom ? depart + drive + (lunchTo - lunchFrom)
                            : depart >= lunchFrom && depart < lunchTo ? lunchTo + drive : depart + drive;
                    if (eta < arrive) {
                        found.add(v.job() + ": eta " + v.eta() + " before the technician can arrive at " + Instant.ofEpochSecond(arrive));
                    }
                    if (job.window() != null && (eta < job.window().from().getEpochSecond() || eta > job.window().to().getEpochSecond())) {
                        found.add(v.job() + ": eta " + v.eta() + " outside window " + job.window());
                    }
                    if (eta < lunchTo && eta + job.duration().getSeconds() > lunchFrom) {
                        found.add(v.job() + ": work overlaps lunch");
                    }
                }
                clock = Math.max(clock, v.end().getEpochSecond());
                at = job.location();
            }
            long back = clock + travel.seconds(at, t.endLocation());
            if (!route.visits().isEmpty() && back > t.shift().end().getEpochSecond() + 1) {
                found.add(t.id() + " is back at " + Instant.ofEpochSecond(back) + " after shift end " + t.shift().end());
            }
        }
        return found;
    }

    /** Every started or pinned visit of the problem is in the plan on the same technician at the same time. */
    static List<String> movedPins(DayPlanProblem problem, DayPlan plan) {
        List<String> moved = new ArrayList<>();
        for (Route route : problem.routes()) {
            for (Visit v : route.visits()) {
                if (!v.pinned()) {
                    continue;
                }
                PlannedVisit now = plan.route(route.technician()).flatMap(r -> r.visits().stream()
                        .filter(p -> p.job().equals(v.job().id())).findFirst()).orElse(null);
                if (now == null || !now.eta().equals(v.eta()) || !now.fixed()) {
                    moved.add(v.job().id() + " was pinned on " + route.technician() + " at " + v.eta() + ", now " + now);
                }
            }
        }
        return moved;
    }
}
