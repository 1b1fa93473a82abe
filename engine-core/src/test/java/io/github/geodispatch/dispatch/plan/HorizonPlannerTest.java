package io.github.geodispatch.dispatch.plan;

import static io.github.geodispatch.dispatch.plan.PlanFixtures.BRANCH;
import static io.github.geodispatch.dispatch.plan.PlanFixtures.CENTRE;
import static io.github.geodispatch.dispatch.plan.PlanFixtures.near;
import static io.github.geodispatch.dispatch.plan.PlanFixtures.steps;
import static io.github.geodispatch.dispatch.plan.PlanFixtures.untilStopped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.RejectionReason;
import io.github.geodispatch.dispatch.ServiceAreas;
import io.github.geodispatch.dispatch.TeamCalendar;
import io.github.geodispatch.dispatch.Technician;
import io.github.geodispatch.dispatch.WorkCalendar;
import io.github.geodispatch.dispatch.WorkingHours;
import io.github.geodispatch.spi.BranchId;
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
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

class HorizonPlannerTest {
    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    private static final LocalDate MONDAY = LocalDate.of(2025, 6, 2);
    private static final Instant MONDAY_7AM = MONDAY.atTime(7, 0).atZone(NAIROBI).toInstant();
    private static final TeamCalendar WEEKDAYS_9_TO_5 = TeamCalendar.of(NAIROBI,
            WorkCalendar.weekly(WorkingHours.of(LocalTime.of(9, 0), LocalTime.of(17, 0)), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)));
    private final Random rnd = new Random(3);

    private static Technician technician(String id, BranchId branch, GeoPoint home) {
        return new Technician(TechnicianId.of(id), branch, Map.of("ac.service", 3), List.of(), ServiceAreas.anywhere(), null, 8,
                home, home, null);
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(NAIROBI).toInstant();
    }

    private static DispatchJob job(String id, BranchId branch, GeoPoint where, TimeWindow window, Duration duration) {
        return new DispatchJob(JobId.of(id), branch, where, "AC_SERVICE", List.of(SkillRequirement.of("ac.service", 2)), Set.of(),
                Priority.NORMAL, window, null, duration, null);
    }

    @Test
    void aJobWindowedAcrossDaysTakesTheDaysItsTechnicianWorksAndTheRestSaysWhyNot() {
        Technician ravi = technician("ravi", BRANCH, CENTRE);
        TeamCalendar calendar = WEEKDAYS_9_TO_5.with(ravi.id(), WEEKDAYS_9_TO_5.standard().withLeave(MONDAY.plusDays(1)));
        TimeWindow mondayToWednesday = new TimeWindow(at(MONDAY, 9), at(MONDAY.plusDays(2), 17));
        List<DispatchJob> jobs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            jobs.add(job("BIG-" + i, BRANCH, near(rnd, 0.01), mondayToWednesday, Duration.ofHours(3)));
        }
        DispatchJob tuesdayOnly = job("TUE", BRANCH, near(rnd, 0.01), new TimeWindow(at(MONDAY.plusDays(1), 9),
                at(MONDAY.plusDays(1), 12)), Duration.ofHours(1));
        jobs.add(tuesdayOnly);
        HorizonProblem week = HorizonProblem.of(MONDAY_7AM, calendar, MONDAY, 3, List.of(ravi), jobs);

        DayPlan plan = DayPlanner.builder().termination(steps(300)).build().solve(week);

        // two 3-hour jobs fill an 8-hour day; Tuesday is leave; so two on Monday, two on Wednesday, one carried over
        assertThat(plan.routesOn(MONDAY)).singleElement().satisfies(r -> assertThat(r.visits()).hasSize(2));
        assertThat(plan.routesOn(MONDAY.plusDays(1))).isEmpty();
        assertThat(plan.route(ravi.id(), MONDAY.plusDays(2)).orElseThrow().visits()).hasSize(2);
        assertThat(plan.unassigned()).hasSize(2).contains(tuesdayOnly.id());
        assertThat(plan.unassignedReason(tuesdayOnly.id())).contains(RejectionReason.OFF_SHIFT);
        JobId carried = plan.unassigned().stream().filter(id -> !id.equals(tuesdayOnly.id())).findFirst().orElseThrow();
        assertThat(plan.unassignedReason(carried)).contains(RejectionReason.NO_SLOT);
        assertThat(plan.asRoutes(MONDAY)).singleElement().satisfies(r -> assertThat(r.visits()).hasSize(2));
    }

    @Test
    void aBranchHolidayClosesThatBranchOnly() {
        BranchId other = BranchId.of("nbo-west");
        Technician here = technician("here", BRANCH, CENTRE);
        Technician west = technician("west", other, CENTRE);
        TeamCalendar calendar = WEEKDAYS_9_TO_5.withHoliday(other, MONDAY);
        TimeWindow monday = new TimeWindow(at(MONDAY, 9), at(MONDAY, 15));
        List<DispatchJob> jobs = List.of(job("H", BRANCH, near(rnd, 0.01), monday, Duration.ofHours(1)),
                job("W", other, near(rnd, 0.01), monday, Duration.ofHours(1)));

        DayPlan plan = DayPlanner.builder().termination(steps(100)).build()
                .solve(HorizonProblem.of(MONDAY_7AM, calendar, MONDAY, 1, List.of(here, west), jobs));

        assertThat(plan.unassigned()).containsExactly(JobId.of("W"));
        assertThat(plan.unassignedReason(JobId.of("W"))).contains(RejectionReason.OFF_SHIFT);
        assertThat(plan.route(here.id(), MONDAY).orElseThrow().visits()).extracting(PlannedVisit::job).containsExactly(JobId.of("H"));
    }

    @Test
    void branchesArePlannedApartAndHowManyAtOnceChangesNothing() {
        List<Technician> team = new ArrayList<>();
        List<DispatchJob> jobs = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            BranchId branch = BranchId.of("branch-" + b);
            for (int t = 0; t < 2; t++) {
                team.add(technician("T" + b + t, branch, near(rnd, 0.03)));
            }
            for (int j = 0; j < 8; j++) {
                jobs.add(job("J" + b + j, branch, near(rnd, 0.03), new TimeWindow(at(MONDAY, 9), at(MONDAY.plusDays(1), 16)),
                        Duration.ofMinutes(45)));
            }
        }
        HorizonProblem week = HorizonProblem.of(MONDAY_7AM, WEEKDAYS_9_TO_5, MONDAY, 2, team, jobs);

        DayPlan oneAtATime = DayPlanner.builder().termination(steps(400)).seed(5).parallelism(1).build().solve(week);
        DayPlan threeAtOnce = DayPlanner.builder().termination(steps(400)).seed(5).parallelism(3).build().solve(week);

        assertThat(threeAtOnce.routes()).isEqualTo(oneAtATime.routes());
        assertThat(threeAtOnce.score()).isEqualTo(oneAtATime.score());
        assertThat(oneAtATime.unassigned()).isEmpty();
        for (PlannedRoute route : oneAtATime.routes()) {
            String branch = route.technician().value().substring(1, 2);
            assertThat(route.visits()).allSatisfy(v -> assertThat(v.job().value().substring(1, 2)).isEqualTo(branch));
        }
    }

    @Test
    void aRescheduleMovesTheJobToItsSlotLive() throws Exception {
        Technician ravi = technician("ravi", BRANCH, CENTRE);
        Technician asha = technician("asha", BRANCH, near(rnd, 0.02));
        List<DispatchJob> jobs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            jobs.add(job("J" + i, BRANCH, near(rnd, 0.02), new TimeWindow(at(MONDAY, 9), at(MONDAY.plusDays(2), 16)),
                    Duration.ofMinutes(40)));
        }
        HorizonProblem week = HorizonProblem.of(MONDAY_7AM, WEEKDAYS_9_TO_5, MONDAY, 3, List.of(ravi, asha), jobs);
        TimeWindow wednesdayMorning = new TimeWindow(at(MONDAY.plusDays(2), 10), at(MONDAY.plusDays(2), 12));

        Applied live = applyLive(week, new PlanChange.Reschedule(JobId.of("J3"), new VisitSlot(asha.id(), wednesdayMorning)));
        PlanDiff diff = live.diff();
        DayPlan plan = live.plan();

        PlannedVisit moved = plan.route(asha.id(), MONDAY.plusDays(2)).orElseThrow().visits().stream()
                .filter(v -> v.job().equals(JobId.of("J3"))).findFirst().orElseThrow();
        assertThat(wednesdayMorning.contains(moved.eta())).isTrue();
        assertThat(plan.jobs().get(JobId.of("J3")).window()).isEqualTo(wednesdayMorning);
        assertThat(diff.after().route(asha.id(), MONDAY.plusDays(2)).orElseThrow().visits())
                .filteredOn(v -> v.job().equals(JobId.of("J3"))).singleElement()
                .satisfies(v -> assertThat(wednesdayMorning.contains(v.eta())).isTrue());
        assertThat(diff.after().score().hard()).isZero();
        assertThat(plan.score().hard()).isZero();
    }

    @Test
    void aTechnicianOffOnOneDayKeepsTheirOtherDays() throws Exception {
        Technician ravi = technician("ravi", BRANCH, CENTRE);
        Technician asha = technician("asha", BRANCH, near(rnd, 0.02));
        List<DispatchJob> jobs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            LocalDate day = MONDAY.plusDays(i % 2);
            jobs.add(job("J" + i, BRANCH, near(rnd, 0.02), new TimeWindow(at(day, 9), at(day, 15)), Duration.ofMinutes(40)));
        }
        HorizonProblem week = HorizonProblem.of(MONDAY_7AM, WEEKDAYS_9_TO_5, MONDAY, 2, List.of(ravi, asha), jobs);

        Applied live = applyLive(week, new PlanChange.TechnicianOff(ravi.id(), MONDAY));
        PlanDiff diff = live.diff();
        DayPlan plan = live.plan();

        assertThat(plan.route(ravi.id(), MONDAY)).isEmpty();
        assertThat(plan.route(ravi.id(), MONDAY.plusDays(1))).isPresent();
        assertThat(diff.after().route(ravi.id(), MONDAY)).isEmpty();
        assertThat(plan.score().hard()).isZero();
    }

    @Test
    void aHorizonRejectsOverlappingShiftsAndDaysOutOfOrder() {
        Technician ravi = technician("ravi", BRANCH, CENTRE);
        Technician night = ravi.withShift(WorkingHours.of(LocalTime.of(6, 0), LocalTime.of(22, 0)).on(MONDAY, NAIROBI));
        Technician early = ravi.withShift(new io.github.geodispatch.dispatch.Shift(at(MONDAY, 21), at(MONDAY.plusDays(1), 6), null));
        assertThatThrownBy(() -> new HorizonProblem(MONDAY_7AM, List.of(PlanDay.of(MONDAY, List.of(night)),
                PlanDay.of(MONDAY.plusDays(1), List.of(early))), List.of()))
                .hasMessageContaining("before the previous one ends");
        assertThatThrownBy(() -> new HorizonProblem(MONDAY_7AM, List.of(PlanDay.of(MONDAY.plusDays(1), List.of()),
                PlanDay.of(MONDAY, List.of())), List.of())).hasMessageContaining("calendar order");
        assertThatThrownBy(() -> HorizonProblem.of(MONDAY_7AM, WEEKDAYS_9_TO_5, MONDAY, 0, List.of(ravi), List.of()))
                .hasMessageContaining("1-62 days");
    }

    /** A horizon running past 9999-12-31 failed from inside a Shift; it is refused naming the last usable day. */
    @Test
    void aHorizonRunningPastTheYear9999IsRefusedNamingTheLastUsableDay() {
        Technician ravi = technician("ravi", BRANCH, CENTRE);
        LocalDate last = LocalDate.of(9999, 12, 31);
        assertThatThrownBy(() -> HorizonProblem.of(MONDAY_7AM, WEEKDAYS_9_TO_5, last.minusDays(1), 7, List.of(ravi), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("first day 9999-12-30 with 7 days runs past 9999-12-31, the last usable day: it can be at most 9999-12-25");
        assertThatThrownBy(() -> HorizonProblem.of(MONDAY_7AM, WEEKDAYS_9_TO_5, LocalDate.MAX, 1, List.of(ravi), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("first day +999999999-12-31 is outside the years 0001-9999");
        HorizonProblem lastWeek = HorizonProblem.of(MONDAY_7AM, WEEKDAYS_9_TO_5, last.minusDays(6), 7, List.of(ravi), List.of());
        assertThat(lastWeek.days()).last().satisfies(day -> {
            assertThat(day.date()).isEqualTo(last);
            assertThat(day.technicians().get(0).shift().end()).isEqualTo(at(last, 17));
        });
    }

    private record Applied(PlanDiff diff, DayPlan plan) {}

    /**
     * Starts a live session on {@code week}, hands it {@code change} once it has a plan, waits until the best plan
     * has absorbed it (a change releases the visits it moves, and local search places them again: the rescheduled
     * job in its slot, the absent technician's day emptied), then stops it.
     */
    private static Applied applyLive(HorizonProblem week, PlanChange change) throws Exception {
        PlanningSession session = DayPlanner.builder().termination(untilStopped()).build().start(week, p -> { });
        PlanFixtures.firstPlan(session);
        PlanDiff diff = session.apply(change).get(PlanFixtures.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        PlanFixtures.await(() -> absorbed(change, session.bestSoFar().orElseThrow()));
        session.stop();
        return new Applied(diff, session.result().get(PlanFixtures.PATIENCE.toSeconds(), TimeUnit.SECONDS));
    }

    private static boolean absorbed(PlanChange change, DayPlan plan) {
        if (change instanceof PlanChange.Reschedule moved) {
            // on the slot's day: a route of another day may hold the job waiting for the window, past its shift
            // on the slot's day: a route of another day may hold the job waiting for the window, past its shift
            return plan.routes().stream().anyMatch(r -> r.technician().equals(moved.slot().technician())
                    && r.day().equals(LocalDate.ofInstant(moved.slot().window().from(), NAIROBI))
                    && r.visits().stream().anyMatch(v -> v.job().equals(moved.job()) && moved.slot().window().contains(v.eta())));
        }
        if (change instanceof PlanChange.TechnicianOff off) {
            return plan.routes().stream().noneMatch(r -> r.technician().equals(off.technician()) && off.day().equals(r.day()));
        }
        return true;
    }
}
