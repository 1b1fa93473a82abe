package io.github.geodispatch.dispatch.plan;

import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.Technician;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.TravelTimes;

import java.time.Instant;
import java.util.List;

/**
 * An independent re-timing of one technician's day from the public records: leave home at the shift start
 * (or now), drive (travel across the lunch break pauses for it), start work no earlier than the window opens
 * and never overlapping lunch, and be back home by the shift end. Written apart from the engine so the
 * tests do not check the planner with its own rules. Stateless.
 */
final class RouteSimulator {
    private RouteSimulator() {}

    /** Whether the technician may take each job (branch and skills) and do them in this order on their day's shift. */
    static boolean feasible(Technician t, List<DispatchJob> jobs, Instant now, TravelTimes travel) {
        if (t.shift() == null || jobs.size() > t.maxJobsPerDay()) {
            return false;
        }
        for (DispatchJob job : jobs) {
            if (!job.branch().equals(t.branch())) {
                return false;
            }
            for (SkillRequirement need : job.requiredSkills()) {
                if (t.levelIn(need.skill()) < need.minLevel()) {
                    return false;
                }
            }
        }
        return starts(t, jobs, now, travel) != null;
    }

    /** Each job's work start in this order, or {@code null} when a window or the shift end is broken. */
    static long[] starts(Technician t, List<DispatchJob> jobs, Instant now, TravelTimes travel) {
        long lunchFrom = t.shift().lunch() == null ? Long.MAX_VALUE : t.shift().lunch().from().getEpochSecond();
        long lunchTo = t.shift().lunch() == null ? Long.MAX_VALUE : t.shift().lunch().to().getEpochSecond();
        long clock = Math.max(t.shift().start().getEpochSecond(), now.getEpochSecond());
        GeoPoint at = t.startLocation();
        long[] starts = new long[jobs.size()];
        for (int i = 0; i < jobs.size(); i++) {
            DispatchJob job = jobs.get(i);
            long drive = travel.seconds(at, job.location());
            long arrive;
            if (clock < lunchFrom) {
                arrive = clock + drive > lunchFrom ? clock + drive + (lunchTo - lunchFrom) : clock + drive;
            } else if (clock < lunchTo) {
                arrive = lunchTo + drive;
            } else {
                arrive = clock + drive;
            }
            long start = job.window() == null ? arrive : Math.max(arrive, job.window().from().getEpochSecond());
            long duration = job.duration().getSeconds();
            if (start < lunchTo && start + duration > lunchFrom) {
                start = lunchTo;
            }
            if (job.window() != null && start > job.window().to().getEpochSecond()) {
                return null;
            }
            starts[i] = start;
            clock = start + duration;
            at = job.location();
        }
        long drive = travel.seconds(at, t.endLocation());
        long back = clock < lunchFrom && clock + drive > lunchFrom ? clock + drive + (lunchTo - lunchFrom)
                : clock >= lunchFrom && clock < lunchTo ? lunchTo + drive : clock + drive;
        return jobs.isEmpty() || back <= t.shift().end().getEpochSecond() ? starts : null;
    }
}
