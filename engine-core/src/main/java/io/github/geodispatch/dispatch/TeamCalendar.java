package io.github.geodispatch.dispatch;

import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.CalendarRange;
import io.github.geodispatch.spi.TechnicianId;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a team works, day by day: the business's standard week, each technician's own calendar where it
 * differs (hours, leave), and public holidays, business-wide or for one branch (nobody works on them), in
 * the business's zone. Immutable and thread-safe.
 *
 * @param standard the week of a technician without a calendar of their own
 * @param technicians calendars of technicians whose week differs from the standard one
 * @param holidays days nobody works, in the years 0001-9999
 * @param branchHolidays days nobody of that branch works, in the years 0001-9999
 */
public record TeamCalendar(ZoneId zone, WorkCalendar standard, Map<TechnicianId, WorkCalendar> technicians,
        Set<LocalDate> holidays, Map<BranchId, Set<LocalDate>> branchHolidays) {
    public TeamCalendar {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(standard, "standard week");
        technicians = Map.copyOf(Objects.requireNonNull(technicians, "technicians' calendars"));
        holidays = Set.copyOf(Objects.requireNonNull(holidays, "holidays"));
        holidays.forEach(day -> CalendarRange.require(day, "holiday"));
        Map<BranchId, Set<LocalDate>> copy = new HashMap<>();
        Objects.requireNonNull(branchHolidays, "branch holidays").forEach((branch, days) -> {
            Set<LocalDate> branchDays = Set.copyOf(days);
            branchDays.forEach(day -> CalendarRange.require(day, "holiday of branch " + branch));
            copy.put(branch, branchDays);
        });
        branchHolidays = Map.copyOf(copy);
    }

    /** Everyone on {@code standard}, no holidays. */
    public static TeamCalendar of(ZoneId zone, WorkCalendar standard) {
        return new TeamCalendar(zone, standard, Map.of(), Set.of(), Map.of());
    }

    /** This calendar with {@code technician} on their own week. */
    public TeamCalendar with(TechnicianId technician, WorkCalendar calendar) {
        Map<TechnicianId, WorkCalendar> changed = new HashMap<>(technicians);
        changed.put(Objects.requireNonNull(technician, "technician"), Objects.requireNonNull(calendar, "calendar"));
        return new TeamCalendar(zone, standard, changed, holidays, branchHolidays);
    }

    /** This calendar with a public holiday on {@code day} (years 0001-9999) for everyone. */
    public TeamCalendar withHoliday(LocalDate day) {
        Set<LocalDate> changed = new HashSet<>(holidays);
        changed.add(CalendarRange.require(day, "holiday"));
        return new TeamCalendar(zone, standard, technicians, changed, branchHolidays);
    }

    /** This calendar with a holiday on {@code day} (years 0001-9999) for {@code branch} only. */
    public TeamCalendar withHoliday(BranchId branch, LocalDate day) {
        Map<BranchId, Set<LocalDate>> changed = new HashMap<>(branchHolidays);
        Set<LocalDate> days = new HashSet<>(changed.getOrDefault(Objects.requireNonNull(branch, "branch"), Set.of()));
        days.add(CalendarRange.require(day, "holiday of branch " + branch));
        changed.put(branch, days);
        return new TeamCalendar(zone, standard, technicians, holidays, changed);
    }

    /**
     * The technician's shift on {@code day}: empty on a holiday, a day of leave or a weekday off.
     *
     * @throws IllegalArgumentException when {@code day} is outside the years 0001-9999 (9999-12-31 is the last one)
     */
    public Optional<Shift> shiftOn(Technician technician, LocalDate day) {
        Objects.requireNonNull(technician, "technician");
        CalendarRange.require(day, "day");
        if (holidays.contains(day) || branchHolidays.getOrDefault(technician.branch(), Set.of()).contains(day)) {
            return Optional.empty();
        }
        return technicians.getOrDefault(technician.id(), standard).hoursOn(day).map(h -> h.on(day, zone));
    }

    /**
     * The technician as they work on {@code day}: their profile with that day's shift ({@code null} = not working).
     *
     * @throws IllegalArgumentException when {@code day} is outside the years 0001-9999 (9999-12-31 is the last one)
     */
    public Technician on(Technician technician, LocalDate day) {
        return technician.withShift(shiftOn(technician, day).orElse(null));
    }
}
