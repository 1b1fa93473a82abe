package io.github.geodispatch.dispatch.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import io.github.geodispatch.spi.TechnicianId;

/**
 * A technician's planned day: visits in order with their times, total travel, and when they are back at
 * their end location. Immutable and thread-safe.
 *
 * @param day the calendar day in a plan of several days ({@link HorizonProblem}); {@code null} in a one-day plan
 */
public record PlannedRoute(TechnicianId technician, LocalDate day, List<PlannedVisit> visits, Duration travel, Instant back) {
    public PlannedRoute {
        Objects.requireNonNull(technician, "technician");
        visits = List.copyOf(visits);
        Objects.requireNonNull(travel, "travel");
        Objects.requireNonNull(back, "back");
    }
}
