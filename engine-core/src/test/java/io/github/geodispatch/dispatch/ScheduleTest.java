package io.github.geodispatch.dispatch;

import static io.github.geodispatch.dispatch.DispatcherTest.BASE;
import static io.github.geodispatch.dispatch.DispatcherTest.DISPATCHER;
import static io.github.geodispatch.dispatch.DispatcherTest.NORTH;
import static io.github.geodispatch.dispatch.DispatcherTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TimeWindow;
import io.github.geodispatch.spi.VisitSlot;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The board over several days: free slots, bookings, reschedules and carry-over, and today's board as before. */
class ScheduleTest {
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final LocalDate MONDAY = LocalDate.of(2025, 3, 10); // NOW is 09:00 IST that Monday
    static final TeamCalendar CALENDAR = TeamCalendar.of(IST, WorkCalendar.weekly(
            new WorkingHours(LocalTime.of(9, 0), LocalTime.of(18, 0), LocalTime.of(13, 0), Duration.ofMinutes(45)),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)));
    static final TechnicianId RAVI = TechnicianId.of("ravi");
    static final TechnicianId ASHA = TechnicianId.of("asha");

    private final List<String> told = new ArrayList<>();

    private final DispatchListener recorder = new DispatchListener() {
        @Override
        public void assigned(Assignment a) {
            told.add("assigned " + a.job() + " to " + a.technician());
        }

        @Override
        public void unassigned(JobId job, TechnicianId technician, String reason, Actor by) {
            told.add("unassigned " + job + " from " + technician);
        }

        @Override
        public void rescheduled(JobId job, VisitSlot slot, String reason, Actor by) {
            told.add("rescheduled " + job + " to " + slot.technician() + " " + slot.window().from());
        }
    };

    private static Technician profile(TechnicianId id, GeoPoint home) {
        return new Technician(id, NORTH, Map.of("ac.install", 3),
                List.of(new Certification("refrigerant", NOW.plus(Duration.ofDays(30)))), ServiceAreas.anywhere(), null, 8,
                home, home, null);
    }

    /** Ravi works Monday to Friday; Asha is on leave on Tuesday. */
    private Schedule week(DispatchListener listener) {
        TeamCalendar calendar = CALENDAR.with(ASHA, CALENDAR.standard().withLeave(MONDAY.plusDays(1)));
        Schedule schedule = Schedule.builder().calendar(calendar).days(3)
                .boards(Dispatcher.builder().clock(InstantSource.fixed(NOW)).listener(listener)).build();
        schedule.putTechnicians(List.of(profile(RAVI, BASE), profile(ASHA, GeoPoint.of(12.99, 77.61))));
        return schedule;
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(IST).toInstant();
    }

    private static SlotQuery query(TimeWindow within, int max) {
        return new SlotQuery(NORTH, GeoPoint.of(12.98, 77.60), "AC_INSTALL", List.of(SkillRequirement.of("ac.install", 2)),
                Set.of("refrigerant"), Duration.ofMinutes(90), within, max);
    }

    private static DispatchJob job(String id, TimeWindow window) {
        return new DispatchJob(JobId.of(id), NORTH, GeoPoint.of(12.98, 77.60), "AC_INSTALL",
                List.of(SkillRequirement.of("ac.install", 2)), Set.of("refrigerant"), Priority.NORMAL, window, null,
                Duration.ofMinutes(90), null);
    }

    @Test
    void freeSlotsAreTheSoonestPlacesAcrossDaysEachWithItsTechnicianAndReasons() {
        Schedule schedule = week(recorder);
        TimeWindow tuesdayToWednesday = new TimeWindow(at(MONDAY.plusDays(1), 0), at(MONDAY.plusDays(2), 23));

        List<FreeSlot> slots = schedule.freeSlots(query(tuesdayToWednesday, 3));

        assertThat(slots).hasSize(3);
        assertThat(slots.get(0).day()).isEqualTo(MONDAY.plusDays(1));
        assertThat(slots.get(0).technician()).isEqualTo(RAVI);
        assertThat(slots).noneMatch(s -> s.technician().equals(ASHA) && s.day().equals(MONDAY.plusDays(1)));
        assertThat(slots).extracting(s -> s.insertion().start()).isSorted();
        assertThat(slots).allSatisfy(s -> assertThat(s.reasons()).contains("min travel", "load 1/8"));
        assertThat(slots.get(1).day()).isEqualTo(MONDAY.plusDays(2));
        assertThat(schedule.freeSlots(query(null, 50))).extracting(FreeSlot::day).contains(MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(2));
        assertThat(schedule.freeSlots(query(new TimeWindow(at(MONDAY.plusDays(5), 9), at(MONDAY.plusDays(5), 17)), 5))).isEmpty();
    }

    @Test
    void aBookedJobIsHeldByOneTechnicianOnOneDayAcrossAllTheDays() {
        Schedule schedule = week(recorder);
        DispatchJob job = job("J1", new TimeWindow(at(MONDAY, 9), at(MONDAY.plusDays(2), 17)));
        FreeSlot wednesday = schedule.freeSlots(query(new TimeWindow(at(MONDAY.plusDays(2), 9), at(MONDAY.plusDays(2), 17)), 1)).get(0);

        Assignment a = schedule.book(wednesday, job, DISPATCHER);

        assertThat(schedule.placement(job.id())).contains(new Schedule.Placement(MONDAY.plusDays(2), a.technician()));
        assertThat(schedule.day(MONDAY.plusDays(2)).route(a.technician()).visits()).extracting(v -> v.job().id()).containsExactly(job.id());
        assertThat(told).containsExactly("assigned J1 to " + a.technician());
        FreeSlot monday = schedule.freeSlots(query(new TimeWindow(at(MONDAY, 9), at(MONDAY, 17)), 1)).get(0);
        assertThatThrownBy(() -> schedule.book(monday, job, DISPATCHER))
                .isInstanceOf(AssignmentRejectedException.class).hasMessageContaining("already assigned to " + a.technician() + " on 2025-03-12");
        assertThatThrownBy(() -> schedule.day(MONDAY).recommend(job)).hasMessageContaining("on 2025-03-12");
        assertThat(schedule.day(MONDAY).holderOf(job.id())).isEmpty();
        assertThatThrownBy(() -> schedule.book(monday, job("J2", new TimeWindow(at(MONDAY.plusDays(1), 9), at(MONDAY.plusDays(1), 17))),
                DISPATCHER)).hasMessageContaining("misses 2025-03-10");
        assertThatThrownBy(() -> schedule.day(MONDAY.plusDays(7))).hasMessageContaining("not in the schedule 2025-03-10..2025-03-12");
    }

    @Test
    void aRescheduleMovesTheJobToItsSlotAndTheListenerHearsTheSlot() {
        Schedule schedule = week(recorder);
        DispatchJob job = job("J1", new TimeWindow(at(MONDAY, 10), at(MONDAY, 16)));
        schedule.book(schedule.freeSlots(query(new TimeWindow(at(MONDAY, 9), at(MONDAY, 17)), 1)).get(0), job, DISPATCHER);
        TechnicianId first = schedule.placement(job.id()).orElseThrow().technician();
        TechnicianId other = first.equals(RAVI) ? ASHA : RAVI;
        TimeWindow wednesdayMorning = new TimeWindow(at(MONDAY.plusDays(2), 10), at(MONDAY.plusDays(2), 12));
        told.clear();

        Assignment moved = schedule.reschedule(job.id(), new VisitSlot(other, wednesdayMorning), "customer away Monday", DISPATCHER);

        assertThat(schedule.placement(job.id())).contains(new Schedule.Placement(MONDAY.plusDays(2), other));
        assertThat(wednesdayMorning.contains(moved.insertion().start())).isTrue();
        assertThat(schedule.day(MONDAY).route(first).visits()).isEmpty();
        assertThat(schedule.day(MONDAY.plusDays(2)).route(other).visits()).singleElement()
                .satisfies(v -> assertThat(v.job().window()).isEqualTo(wednesdayMorning));
        assertThat(told).containsExactly("rescheduled J1 to " + other + " " + wednesdayMorning.from(), "assigned J1 to " + other);
    }

    @Test
    void aRescheduleTheRecordRefusesLeavesTheJobWhereItWas() {
        Schedule schedule = week(new DispatchListener() {
            @Override
            public void assigned(Assignment a) {}

            @Override
            public void unassigned(JobId job, TechnicianId technician, String reason, Actor by) {}

            @Override
            public void rescheduled(JobId job, VisitSlot slot, String reason, Actor by) {
                throw new IllegalStateException("job record: J1 is COMPLETED");
            }
        });
        DispatchJob job = job("J1", new TimeWindow(at(MONDAY, 10), at(MONDAY, 16)));
        schedule.book(schedule.freeSlots(query(new TimeWindow(at(MONDAY, 9), at(MONDAY, 17)), 1)).get(0), job, DISPATCHER);
        Schedule.Placement before = schedule.placement(job.id()).orElseThrow();

        assertThatThrownBy(() -> schedule.reschedule(job.id(), new VisitSlot(RAVI,
                new TimeWindow(at(MONDAY.plusDays(1), 10), at(MONDAY.plusDays(1), 12))), "later", DISPATCHER))
                .hasMessageContaining("J1 is COMPLETED");
        assertThat(schedule.placement(job.id())).contains(before);
        assertThat(schedule.day(MONDAY).route(before.technician()).visits()).extracting(v -> v.job().id()).containsExactly(job.id());
        assertThat(schedule.day(MONDAY.plusDays(1)).route(RAVI).visits()).isEmpty();
    }

    @Test
    void aStartedVisitCannotBeRescheduledNorAnUnknownJob() {
        Schedule schedule = week(recorder);
        DispatchJob running = job("RUN", new TimeWindow(NOW, NOW.plus(Duration.ofHours(2))));
        schedule.day(MONDAY).putRoute(new Route(RAVI, List.of(new Visit(running, NOW, true, true)), 0));
        VisitSlot tuesday = new VisitSlot(RAVI, new TimeWindow(at(MONDAY.plusDays(1), 10), at(MONDAY.plusDays(1), 12)));

        assertThatThrownBy(() -> schedule.reschedule(running.id(), tuesday, "later", DISPATCHER)).hasMessageContaining("has started");
        assertThat(schedule.placement(running.id())).contains(new Schedule.Placement(MONDAY, RAVI));
        assertThatThrownBy(() -> schedule.reschedule(JobId.of("NOPE"), tuesday, "later", DISPATCHER)).hasMessageContaining("not on the schedule");
        assertThatThrownBy(() -> schedule.reschedule(running.id(), tuesday, " ", DISPATCHER)).hasMessageContaining("needs a reason");
    }

    @Test
    void anEmergencyOnTodaysBoardIsDisplacedWithTheSameExplanationAsOnAOneDayBoard() {
        Schedule schedule = week(recorder);
        Dispatcher oneDay = Dispatcher.builder().clock(InstantSource.fixed(NOW)).build();
        oneDay.putTechnicians(schedule.day(MONDAY).technicians());
        DispatchJob low = new DispatchJob(JobId.of("LOW1"), NORTH, GeoPoint.of(12.98, 77.60), "AC_SERVICE", List.of(), Set.of(),
                Priority.LOW, new TimeWindow(NOW, NOW.plus(Duration.ofMinutes(15))), null, Duration.ofHours(2), null);
        DispatchJob pinned = new DispatchJob(JobId.of("P1"), NORTH, BASE, "AC_SERVICE", List.of(), Set.of(), Priority.HIGH,
                new TimeWindow(NOW, NOW), null, Duration.ofHours(3), null);
        DispatchJob emergency = job("E1", new TimeWindow(NOW, NOW.plus(Duration.ofHours(1)))).withPriority(Priority.EMERGENCY);
        for (Dispatcher board : List.of(schedule.day(MONDAY), oneDay)) {
            board.putRoute(new Route(RAVI, List.of(Visit.planned(low, NOW)), 0));
            board.putRoute(new Route(ASHA, List.of(new Visit(pinned, NOW, true, false)), 0));
        }

        Displacement onSchedule = schedule.day(MONDAY).recommend(emergency).displacement().orElseThrow();
        Displacement alone = oneDay.recommend(emergency).displacement().orElseThrow();

        assertThat(onSchedule.explanation()).isEqualTo(alone.explanation()).contains("ravi drops LOW1");
        DisplacementOutcome out = schedule.day(MONDAY).accept(onSchedule, DISPATCHER);
        assertThat(out.unplaced()).isEqualTo(low.id());
        assertThat(schedule.placement(emergency.id())).contains(new Schedule.Placement(MONDAY, RAVI));
        assertThat(schedule.placement(low.id())).isEmpty();
    }

    @Test
    void advancingTheHorizonCarriesOverWhatWasNotDone() {
        Schedule schedule = week(recorder);
        DispatchJob job = job("J1", new TimeWindow(at(MONDAY, 9), at(MONDAY.plusDays(3), 17)));
        schedule.book(schedule.freeSlots(query(new TimeWindow(at(MONDAY, 9), at(MONDAY, 17)), 1)).get(0), job, DISPATCHER);
        told.clear();

        List<Schedule.CarryOver> carried = schedule.advanceTo(MONDAY.plusDays(1), DISPATCHER);

        assertThat(schedule.days()).containsExactly(MONDAY.plusDays(1), MONDAY.plusDays(2), MONDAY.plusDays(3));
        assertThat(carried).singleElement().satisfies(c -> {
            assertThat(c.job()).isEqualTo(job.id());
            assertThat(c.from().day()).isEqualTo(MONDAY);
            assertThat(c.to()).isEqualTo(new Schedule.Placement(MONDAY.plusDays(1), RAVI)); // Asha is on leave on Tuesday
        });
        assertThat(schedule.placement(job.id())).contains(new Schedule.Placement(MONDAY.plusDays(1), RAVI));
        assertThat(told).containsExactly("assigned J1 to ravi", "rescheduled J1 to ravi " + at(MONDAY.plusDays(1), 0));
        assertThat(schedule.day(MONDAY.plusDays(3)).technicians()).hasSize(2);
        assertThatThrownBy(() -> schedule.day(MONDAY)).hasMessageContaining("not in the schedule");
        assertThatThrownBy(() -> schedule.advanceTo(MONDAY, DISPATCHER)).hasMessageContaining("cannot go back");
    }

    /** These days overflowed the calendar arithmetic (a DateTimeException from plusDays) instead of being refused. */
    @Test
    void daysOutsideTheYears0001To9999AreRefusedWhereTheyAreGiven() {
        for (LocalDate day : List.of(LocalDate.MAX, LocalDate.of(10_000, 1, 1), LocalDate.MIN)) {
            assertThatThrownBy(() -> Certification.validThrough("refrigerant", day, IST))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("lastDay " + day + " is outside the years 0001-9999");
            assertThatThrownBy(() -> Schedule.builder().firstDay(day)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("first day " + day + " is outside the years 0001-9999");
            assertThatThrownBy(() -> week(DispatchListener.NONE).advanceTo(day, DISPATCHER))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("today " + day + " is outside the years 0001-9999");
        }
        assertThat(Certification.validThrough("refrigerant", LocalDate.of(9999, 12, 31), IST).validAt(NOW)).isTrue();
    }

    /**
     * A horizon running past 9999-12-31 was built, and failed later from inside (a shift "outside the years" when the
     * technicians came, in putTechnicians or advanceTo); it is refused where its days are given, naming the last
     * usable day. A horizon ending on 9999-12-31 works, in any zone.
     */
    @Test
    void aHorizonRunningPastTheYear9999IsRefusedWhereItIsGivenAndOneEndingOnItsLastDayWorks() {
        LocalDate last = LocalDate.of(9999, 12, 31);
        assertThatThrownBy(() -> Schedule.builder().calendar(CALENDAR).firstDay(last.minusDays(1)).days(7).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("first day 9999-12-30 with 7 days runs past 9999-12-31, the last usable day: it can be at most 9999-12-25");
        InstantSource lastEvening = InstantSource.fixed(Instant.parse("9999-12-31T20:00:00Z")); // 10000-01-01 in India
        assertThatThrownBy(() -> Schedule.builder().calendar(CALENDAR).days(1)
                .boards(Dispatcher.builder().clock(lastEvening)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("first day (the clock's date in Asia/Kolkata) +10000-01-01 is outside the years 0001-9999");
        Schedule lastWeek = Schedule.builder().calendar(CALENDAR).firstDay(last.minusDays(6)).days(7)
                .boards(Dispatcher.builder().clock(InstantSource.fixed(Instant.parse("9999-12-25T00:00:00Z")))).build();
        lastWeek.putTechnicians(List.of(profile(RAVI, BASE)));
        assertThat(lastWeek.days()).endsWith(last);
        assertThatThrownBy(() -> lastWeek.advanceTo(last, DISPATCHER)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("today 9999-12-31 with 7 days runs past 9999-12-31, the last usable day: it can be at most 9999-12-25");
        assertThat(lastWeek.days()).startsWith(last.minusDays(6));

        // at -18:00 the last day's hours are the last instants the engine takes
        TeamCalendar farWest = TeamCalendar.of(ZoneOffset.MIN, CALENDAR.standard());
        Schedule lastDay = Schedule.builder().calendar(farWest).firstDay(last).days(1)
                .boards(Dispatcher.builder().clock(InstantSource.fixed(Instant.parse("+10000-01-01T00:00:00Z")))).build();
        lastDay.putTechnicians(List.of(profile(RAVI, BASE)));
        List<FreeSlot> slots = lastDay.freeSlots(new SlotQuery(NORTH, GeoPoint.of(12.98, 77.60), "AC_INSTALL",
                List.of(SkillRequirement.of("ac.install", 2)), Set.of(), Duration.ofHours(1), null, 1));
        assertThat(slots).extracting(FreeSlot::day).containsExactly(last);
        DispatchJob job = new DispatchJob(JobId.of("J-LAST"), NORTH, GeoPoint.of(12.98, 77.60), "AC_INSTALL",
                List.of(SkillRequirement.of("ac.install", 2)), Set.of(), Priority.NORMAL, null, null, Duration.ofHours(1), null);
        assertThat(lastDay.book(slots.get(0), job, DISPATCHER).technician()).isEqualTo(RAVI);
    }

    /**
     * A holiday or a leave day outside the years 0001-9999 was taken (a leave ending on LocalDate.MAX threw a
     * DateTimeException from plusDays), and shiftOn such a day failed from inside Shift; each is refused naming it.
     */
    @Test
    void aCalendarRefusesDaysOutsideTheYearsWhereTheyComeInAndWorksOnTheLastOne() {
        LocalDate last = LocalDate.of(9999, 12, 31);
        Technician ravi = profile(RAVI, BASE);
        for (LocalDate day : List.of(LocalDate.MAX, last.plusDays(1), LocalDate.MIN)) {
            assertThatThrownBy(() -> CALENDAR.withHoliday(day)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("holiday " + day + " is outside the years 0001-9999");
            assertThatThrownBy(() -> CALENDAR.withHoliday(NORTH, day)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("holiday of branch " + NORTH + " " + day + " is outside the years 0001-9999");
            assertThatThrownBy(() -> new TeamCalendar(IST, CALENDAR.standard(), Map.of(), Set.of(day), Map.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("holiday " + day + " is outside the years 0001-9999");
            assertThatThrownBy(() -> CALENDAR.standard().withLeave(day)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("first day of leave " + day + " is outside the years 0001-9999");
            assertThatThrownBy(() -> CALENDAR.shiftOn(ravi, day)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("day " + day + " is outside the years 0001-9999");
            // the building blocks a host may call itself name the day too, not the shift's start it would make
            assertThatThrownBy(() -> WorkingHours.of(LocalTime.of(9, 0), LocalTime.of(18, 0)).on(day, IST))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("day " + day + " is outside the years 0001-9999");
            assertThatThrownBy(() -> Shift.on(day, IST, LocalTime.of(9, 0), LocalTime.of(18, 0), null, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("day " + day + " is outside the years 0001-9999");
        }
        assertThatThrownBy(() -> CALENDAR.standard().withLeave(last.minusDays(3), last.plusDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("last day of leave +10000-01-01 is outside the years 0001-9999");

        assertThat(CALENDAR.shiftOn(ravi, last)).as("a Friday").isPresent();
        assertThat(CALENDAR.withHoliday(last).shiftOn(ravi, last)).isEmpty();
        assertThat(CALENDAR.withHoliday(NORTH, last).shiftOn(ravi, last)).isEmpty();
        assertThat(CALENDAR.with(RAVI, CALENDAR.standard().withLeave(last.minusDays(3), last)).shiftOn(ravi, last)).isEmpty();
        for (ZoneOffset offset : List.of(ZoneOffset.MIN, ZoneOffset.MAX)) {
            Shift shift = TeamCalendar.of(offset, CALENDAR.standard()).shiftOn(ravi, last).orElseThrow();
            assertThat(shift.end()).isEqualTo(last.atTime(18, 0).atOffset(offset).toInstant());
            Shift first = TeamCalendar.of(offset, CALENDAR.standard()).shiftOn(ravi, LocalDate.of(1, 1, 1)).orElseThrow();
            assertThat(first.start()).isEqualTo(LocalDate.of(1, 1, 1).atTime(9, 0).atOffset(offset).toInstant());
        }
    }

    @Test
    void calendarsRejectBadHoursAndSayWhoWorksWhen() {
        assertThatThrownBy(() -> WorkingHours.of(LocalTime.of(18, 0), LocalTime.of(9, 0))).hasMessageContaining("must end after they start");
        assertThatThrownBy(() -> new WorkingHours(LocalTime.of(9, 0), LocalTime.of(10, 0), LocalTime.of(9, 30), Duration.ofHours(1)))
                .hasMessageContaining("must lie inside");
        assertThatThrownBy(() -> new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0), LocalTime.of(13, 0), null))
                .hasMessageContaining("both its start and its length");
        assertThatThrownBy(() -> CALENDAR.standard().withLeave(MONDAY, MONDAY.minusDays(1))).hasMessageContaining("before it starts");
        assertThatThrownBy(() -> Schedule.builder().build()).hasMessageContaining("needs the team's calendar");
        assertThatThrownBy(() -> Schedule.builder().days(0)).hasMessageContaining("1-62 days");
        assertThatThrownBy(() -> query(null, 0)).hasMessageContaining("max slots must be 1-50");

        Technician ravi = profile(RAVI, BASE);
        TeamCalendar calendar = CALENDAR.withHoliday(MONDAY.plusDays(1)).withHoliday(NORTH, MONDAY.plusDays(2));
        assertThat(calendar.shiftOn(ravi, MONDAY)).contains(Shift.on(MONDAY, IST, LocalTime.of(9, 0), LocalTime.of(18, 0),
                LocalTime.of(13, 0), Duration.ofMinutes(45)));
        assertThat(calendar.shiftOn(ravi, MONDAY.plusDays(1))).isEmpty();
        assertThat(calendar.shiftOn(ravi, MONDAY.plusDays(2))).isEmpty();
        assertThat(calendar.shiftOn(ravi, MONDAY.plusDays(5))).as("Saturday").isEmpty();
        assertThat(calendar.on(ravi, MONDAY.plusDays(3)).shift()).isNotNull();
    }
}
