package io.github.geodispatch.dispatch.plan;

import io.github.geodispatch.dispatch.Route;
import io.github.geodispatch.dispatch.Technician;
import io.github.geodispatch.spi.TechnicianId;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One calendar day of a {@link HorizonProblem}: the technicians as they work that day (each with that
 * day's shift, {@code null} = not working) and their routes already booked on it (started visits lead
 * and stay, pinned visits keep their technician and time, the others may be re-planned). Immutable and
 * thread-safe.
 *
 * @param routes at most one per technician; a technician without one starts the day with an empty route
 */
public record PlanDay(LocalDate date, List<Technician> technicians, List<Route> routes) {
    public PlanDay {
        Objects.requireNonNull(date, "date");
        technicians = List.copyOf(Objects.requireNonNull(technicians, "technicians of " + date));
        routes = List.copyOf(Objects.requireNonNull(routes, "routes of " + date));
        Set<TechnicianId> ids = new HashSet<>();
        for (Technician t : technicians) {
            if (!ids.add(t.id())) {
                throw new IllegalArgumentException("technician " + t.id() + " is listed twice on " + date);
            }
        }
        Set<TechnicianId> routed = new HashSet<>();
        for (Route r : routes) {
            if (!ids.contains(r.technician())) {
                throw new IllegalArgumentException("route of unknown technician " + r.technician() + " on " + date);
            }
            if (!routed.add(r.technician())) {
                throw new IllegalArgumentException("technician " + r.technician() + " has two routes on " + date);
            }
        }
    }

    /** A day with nothing booked yet. */
    public static PlanDay of(LocalDate date, List<Technician> technicians) {
        return new PlanDay(date, technicians, List.of());
    }
}
