package io.github.geodispatch.dispatch;

import io.github.geodispatch.spi.CalendarRange;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One technician's working week: hours per weekday (a weekday missing from {@code week} is a day off)
 * and days of leave (in the years 0001-9999). Immutable and thread-safe.
 *
 * <pre>{@code
 * WorkCalendar ravi = WorkCalendar.weekly(WorkingHours.of(LocalTime.of(9, 0), LocalTime.of(18, 0)),
 *         EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY)).withLeave(LocalDate.of(2026, 11, 19));
 * }</pre>
 */
public record WorkCalendar(Map<DayOfWeek, WorkingHours> week, Set<LocalDate> leave) {
    /** The most days {@link #withLeave(LocalDate, LocalDate)} takes at once: a year (each day is kept). */
    public static final int MAX_LEAVE_DAYS = 366;

    public WorkCalendar {
        week = Map.copyOf(Objects.requireNonNull(week, "week"));
        leave = Set.copyOf(Objects.requireNonNull(leave, "leave"));
        leave.forEach(day -> CalendarRange.require(day, "day of leave"));
    }

    /** The same hours on each of {@code days}, no leave. */
    public static WorkCalendar weekly(WorkingHours hours, Set<DayOfWeek> days) {
        Objects.requireNonNull(hours, "hours");
        Map<DayOfWeek, WorkingHours> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : Objects.requireNonNull(days, "days")) {
            week.put(day, hours);
        }
        return new WorkCalendar(week, Set.of());
    }

    /** This week with {@code hours} on {@code day} ({@code null} = that weekday off). */
    public WorkCalendar with(DayOfWeek day, WorkingHours hours) {
        Map<DayOfWeek, WorkingHours> changed = new EnumMap<>(DayOfWeek.class);
        changed.putAll(week);
        if (hours == null) {
            changed.remove(Objects.requireNonNull(day, "day"));
        } else {
            changed.put(Objects.requireNonNull(day, "day"), hours);
        }
        return new WorkCalendar(changed, leave);
    }

    /**
     * This calendar with leave on every day from {@code first} to {@code last}, both included: at most
     * {@link #MAX_LEAVE_DAYS} days (a leave from {@code LocalDate.MIN} to {@code LocalDate.MAX} ran out of memory), in
     * the years 0001-9999 (9999-12-31 is the last day).
     */
    public WorkCalendar withLeave(LocalDate first, LocalDate last) {
        Objects.requireNonNull(first, "first day of leave");
        Objects.requireNonNull(last, "last day of leave");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("leave ends " + last + " before it starts " + first);
        }
        long length = ChronoUnit.DAYS.between(first, last) + 1;
        if (length > MAX_LEAVE_DAYS) {
            throw new IllegalArgumentException("leave from " + first + " to " + last + " is " + length
                    + " days; at most " + MAX_LEAVE_DAYS + " are taken at once");
        }
        CalendarRange.require(first, "first day of leave");
        CalendarRange.require(last, "last day of leave");
        Set<LocalDate> days = new TreeSet<>(leave);
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        return new WorkCalendar(week, days);
    }

    /** This calendar with leave on {@code day}. */
    public WorkCalendar withLeave(LocalDate day) {
        return withLeave(day, day);
    }

    /** The working hours on {@code day}; empty on a weekday off or a day of leave. */
    public Optional<WorkingHours> hoursOn(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return leave.contains(day) ? Optional.empty() : Optional.ofNullable(week.get(day.getDayOfWeek()));
    }
}
