package io.github.geodispatch.dispatch;

import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.TechnicianId;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A technician's route for today: the visits still to do in order (started ones first) and how many
 * jobs they already completed today (they count against {@link Technician#maxJobsPerDay()}). The route
 * starts at the technician's live location (or start location before the shift) and ends at their end
 * location. Immutable and thread-safe.
 */
public record Route(TechnicianId technician, List<Visit> visits, int completedToday) {
    public Route {
        Objects.requireNonNull(technician, "route technician");
        visits = List.copyOf(Objects.requireNonNull(visits, "visits of route of " + technician));
        if (completedToday < 0) {
            throw new IllegalArgumentException("completed jobs of " + technician + " must be >= 0, was " + completedToday);
        }
        Set<JobId> jobs = new HashSet<>();
        boolean notStartedSeen = false;
        for (Visit v : visits) {
            if (!jobs.add(v.job().id())) {
                throw new IllegalArgumentException("route of " + technician + " visits job " + v.job().id() + " twice");
            }
            if (v.started() && notStartedSeen) {
                throw new IllegalArgumentException("route of " + technician + ": started visit to job "
                        + v.job().id() + " comes after a visit not yet started");
            }
            notStartedSeen |= !v.started();
        }
    }

    /** An empty route: nothing planned, nothing done. */
    public static Route empty(TechnicianId technician) {
        return new Route(technician, List.of(), 0);
    }
}
