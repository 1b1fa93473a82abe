package io.github.geodispatch.dispatch;

import io.github.geodispatch.dispatch.internal.CalendarSchedule;
import io.github.geodispatch.dispatch.internal.Horizons;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.CalendarRange;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.VisitSlot;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The dispatch board over several days: one {@link Dispatcher} per day of a rolling horizon (default a week),
 * its technicians working that day's shift from the {@link TeamCalendar}. A job is held by one technician on
 * one day only, across all the days: placing it on a second day (or a second technician) is refused.
 *
 * <pre>{@code
 * Schedule week = Schedule.builder().calendar(calendar).boards(Dispatcher.builder().clock(clock)).build();
 * week.putTechnicians(team);
 * List<FreeSlot> slots = week.freeSlots(query);                  // a customer on the phone
 * week.book(slots.get(0), job, dispatcher);
 * week.reschedule(job.id(), new VisitSlot(asha, wednesdayMorning), "customer away Tuesday", dispatcher);
 * Recommendation rec = week.day(week.today()).recommend(emergency);   // live dispatch, emergencies: today's board
 * }</pre>
 *
 * <p>Thread-safe: every method may be called from any thread; each day's board keeps its own guarantees
 * ({@link Dispatcher}).
 */
public interface Schedule {

    static Builder builder() {
        return new Builder();
    }

    /** The first day of the horizon. */
    LocalDate today();

    /** The days of the horizon, in order. */
    List<LocalDate> days();

    /**
     * The board of one day: recommend, assign, emergencies and their displacements work there as on a one-day board.
     *
     * @throws IllegalArgumentException when {@code day} is not in the horizon
     */
    Dispatcher day(LocalDate day);

    /** Adds or replaces technicians on every day's board, each with that day's shift from the calendar. */
    void putTechnicians(Collection<Technician> profiles);

    /** The technicians' profiles (without a day's shift), in the order they were first added. */
    List<Technician> technicians();

    /** Which technician holds the job, on which day. */
    Optional<Placement> placement(JobId job);

    /**
     * The soonest places a job of the query could still take, across the days: each working technician's best
     * place on each day, soonest start first (then lowest cost), at most {@code query.max()}, each with its
     * reasons.
     */
    List<FreeSlot> freeSlots(SlotQuery query);

    /**
     * Places {@code job} on the slot's day in its technician's route, at the best place that day (the job's window
     * narrowed to that day).
     *
     * @throws AssignmentRejectedException when the job is held already, its window misses the day, or the slot is gone
     */
    Assignment book(FreeSlot slot, DispatchJob job, Actor by);

    /**
     * Moves a job not yet started to the slot agreed with the customer: the slot's technician, work to start within
     * the slot's window (the job's new window), on the slot's day. The listener hears {@link
     * DispatchListener#rescheduled} (and {@link DispatchListener#assigned} first when the technician changes); if it
     * refuses, the job stays where it was.
     *
     * @throws AssignmentRejectedException when the slot's technician cannot take the job there
     * @throws IllegalStateException when the job is not on the schedule or work on it has started
     */
    Assignment reschedule(JobId job, VisitSlot slot, String reason, Actor by);

    /**
     * Moves the horizon on to start at {@code today}: the days before it leave the schedule and as many new days join
     * at its end. Every visit not started on a day that leaves is carried over to the soonest place left for it (its
     * window, or any time when its window has passed), told to the listener as a reschedule; one that fits nowhere is
     * unassigned.
     *
     * @throws IllegalArgumentException when {@code today} is before the first day, or the horizon's days from it run
     *         past 9999-12-31
     */
    List<CarryOver> advanceTo(LocalDate today, Actor by);

    /** Where a job is held: by {@code technician} on {@code day}. */
    record Placement(LocalDate day, TechnicianId technician) {
        public Placement {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(technician, "technician");
        }
    }

    /** A visit of a day that left the schedule: where it was and where it went ({@code to == null}: unassigned). */
    record CarryOver(JobId job, Placement from, Placement to) {
        public CarryOver {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(from, "from");
        }
    }

    /** Configures a {@link Schedule}; each setter fails at once on a null, bad or repeated value. Not thread-safe. */
    final class Builder {
        private TeamCalendar calendar;
        private Integer days;
        private LocalDate first;
        private Dispatcher.Builder boards;

        private Builder() {}

        /** Required: when each technician works. */
        public Builder calendar(TeamCalendar teamCalendar) {
            calendar = set(calendar, teamCalendar, "calendar");
            return this;
        }

        /** How many days the horizon holds, 1-62, all of them by 9999-12-31. Default: 7. */
        public Builder days(int horizon) {
            if (horizon < 1 || horizon > 62) {
                throw new IllegalArgumentException("a schedule holds 1-62 days, was " + horizon);
            }
            days = set(days, horizon, "days");
            return this;
        }

        /** The first day, in the years 0001-9999. Default: the clock's date in the calendar's zone. */
        public Builder firstDay(LocalDate day) {
            CalendarRange.require(day, "first day");
            first = set(first, day, "first day");
            return this;
        }

        /**
         * How each day's board is set up (travel times, clock, weights, service-area fences, listener, candidate
         * search), as for a one-day board; the listener also hears the reschedules. Default: {@code Dispatcher.builder()}.
         */
        public Builder boards(Dispatcher.Builder dayBoards) {
            boards = set(boards, dayBoards, "boards");
            return this;
        }

        /**
         * The schedule.
         *
         * @throws IllegalArgumentException when its days run past 9999-12-31 (the first day can be at most that day less
         *         the days after it), or the clock's date in the calendar's zone is outside the years 0001-9999
         */
        public Schedule build() {
            if (calendar == null) {
                throw new IllegalStateException("a schedule needs the team's calendar: call calendar(teamCalendar)");
            }
            Dispatcher.Builder b = boards == null ? Dispatcher.builder() : boards;
            int length = days == null ? 7 : days;
            LocalDate day = first;
            String field = "first day";
            if (day == null) {
                field = "first day (the clock's date in " + calendar.zone() + ")";
                day = CalendarRange.require(LocalDate.ofInstant(b.clock().instant(), calendar.zone()), field);
            }
            Horizons.require(day, length, field);
            return new CalendarSchedule(b.travel(), b.clock(), b.scoring(), b.fences(), b.listener(), b.search(), calendar,
                    day, length);
        }

        private static <T> T set(T current, T value, String name) {
            Objects.requireNonNull(value, name);
            if (current != null) {
                throw new IllegalStateException(name + " already set");
            }
            return value;
        }
    }
}
