package io.github.geodispatch.dispatch.plan;

import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.Route;
import io.github.geodispatch.dispatch.TeamCalendar;
import io.github.geodispatch.dispatch.Technician;
import io.github.geodispatch.dispatch.Visit;
import io.github.geodispatch.dispatch.internal.Horizons;
import io.github.geodispatch.spi.CalendarRange;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.TechnicianId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Several consecutive days to plan at once: each day's technicians and booked routes, and the jobs not
 * yet on any route. A job goes to one technician on one day; its {@code window} may span days ("any time
 * Tuesday to Thursday") and its SLA deadline is its due date. A job that fits no day stays unassigned, with
 * the reason, for the next horizon (carry-over). Planning starts no earlier than {@code now}. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * HorizonProblem week = HorizonProblem.of(now, calendar, today, HorizonProblem.DEFAULT_DAYS, team, jobs);
 * DayPlan plan = planner.solve(week);
 * plan.routesOn(today.plusDays(2)).forEach(...);
 * }</pre>
 */
public record HorizonProblem(Instant now, List<PlanDay> days, List<DispatchJob> jobs) {
    /** The default horizon: a week. */
    public static final int DEFAULT_DAYS = 7;
    /** The longest horizon accepted. */
    public static final int MAX_DAYS = 62;

    public HorizonProblem {
        CalendarRange.require(now, "now");
        days = List.copyOf(Objects.requireNonNull(days, "days"));
        jobs = List.copyOf(Objects.requireNonNull(jobs, "jobs"));
        if (days.isEmpty() || days.size() > MAX_DAYS) {
            throw new IllegalArgumentException("a horizon needs 1-" + MAX_DAYS + " days, was " + days.size());
        }
        for (int i = 1; i < days.size(); i++) {
            if (!days.get(i).date().isAfter(days.get(i - 1).date())) {
                throw new IllegalArgumentException("days must be in calendar order without repeats: "
                        + days.get(i - 1).date() + " then " + days.get(i).date());
            }
        }
        requireShiftsApart(days);
        Map<JobId, String> where = new HashMap<>();
        for (PlanDay day : days) {
            for (Route r : day.routes()) {
                for (Visit v : r.visits()) {
                    String here = "the route of " + r.technician() + " on " + day.date();
                    String before = where.put(v.job().id(), here);
                    if (before != null) {
                        throw new IllegalArgumentException("job " + v.job().id() + " is on " + before + " and on " + here);
                    }
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

    /**
     * {@code days} days from {@code first}, each technician with that day's shift from {@code calendar}, nothing
     * booked yet.
     *
     * @throws IllegalArgumentException when the days run past 9999-12-31 (or {@code first} is before 0001-01-01)
     */
    public static HorizonProblem of(Instant now, TeamCalendar calendar, LocalDate first, int days,
            List<Technician> team, List<DispatchJob> jobs) {
        Objects.requireNonNull(calendar, "calendar");
        CalendarRange.require(first, "first day");
        Objects.requireNonNull(team, "team");
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("a horizon needs 1-" + MAX_DAYS + " days, was " + days);
        }
        Horizons.require(first, days, "first day");
        List<PlanDay> planDays = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDate date = first.plusDays(d);
            planDays.add(PlanDay.of(date, team.stream().map(t -> calendar.on(t, date)).toList()));
        }
        return new HorizonProblem(now, planDays, jobs);
    }

    /** A technician works one shift at a time: a day's shift must end before their next day's starts. */
    private static void requireShiftsApart(List<PlanDay> days) {
        Map<TechnicianId, Technician> last = new HashMap<>();
        for (PlanDay day : days) {
            for (Technician t : day.technicians()) {
                if (t.shift() == null) {
                    continue;
                }
                Technician before = last.put(t.id(), t);
                if (before != null && before.shift().end().isAfter(t.shift().start())) {
                    throw new IllegalArgumentException("technician " + t.id() + ": the shift on " + day.date()
                            + " starts " + t.shift().start() + " before the previous one ends " + before.shift().end());
                }
            }
        }
    }
}
