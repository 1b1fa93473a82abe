package io.github.geodispatch.dispatch.plan.internal;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One {@link ConstraintVerifier} test per constraint of {@link PlanConstraints.Provider}. */
class PlanConstraintsTest {
    /** Three locations on a line, 600 s apart. */
    private static final TravelMatrix MATRIX = new TravelMatrix(new long[][] {
            {0, 600, 1200},
            {600, 0, 600},
            {1200, 600, 0},
    });

    private static final ConstraintVerifier<PlanConstraints.Provider, PlanSolution> verifier = ConstraintVerifier.build(
            new PlanConstraints.Provider(), PlanSolution.class, PlanRoute.class, PlanStop.class)
            .withConstraintStreamImplType(ConstraintStreamImplType.BAVET);

    private static PlanRoute route(String id, Map<String, Integer> skills, Set<String> areas) {
        // free at 08:00 at location 0, regular end 17:00, shift end 19:00, lunch 13:00-13:30, capacity 10, 3 jobs max
        return new PlanRoute(id, 0, 0, 8 * 3600, 17 * 3600, 19 * 3600, 13 * 3600, 13 * 3600 + 1800, 10, 3,
                skills, areas, MATRIX);
    }

    private static PlanRoute route(String id) {
        return route(id, Map.of("ac.repair", 3), Set.of());
    }

    private static PlanStop stop(String id, int location, long ready, long due, Map<String, Integer> skills) {
        return new PlanStop(id, location, 1, ready, due, 3600, skills, 10, Set.of("north"), null, MATRIX);
    }

    private static PlanStop stop(String id, int location) {
        return stop(id, location, 8 * 3600, 12 * 3600, Map.of());
    }

    /** Puts the stops on the route in order and sets the shadow variables as the solver would. */
    private static PlanRoute assign(PlanRoute route, PlanStop... stops) {
        route.setStops(new ArrayList<>(List.of(stops)));
        for (int i = 0; i < stops.length; i++) {
            PlanStop previous = i == 0 ? null : stops[i - 1];
            PlanStop stop = stops[i];
            Long start = route.isBucket() ? null : route.startAfter(previous, stop);
            stop.setShadows(route, i, previous, i + 1 < stops.length ? stops[i + 1] : null, start);
        }
        return route;
    }

    @Test
    void skillsPenalizesAStopWhoseTechnicianLacksTheSkillLevel() {
        PlanStop needsLevel4 = stop("a", 1, 8 * 3600, 12 * 3600, Map.of("ac.repair", 4));
        PlanStop needsLevel3 = stop("b", 2, 8 * 3600, 12 * 3600, Map.of("ac.repair", 3));
        PlanStop needsOther = stop("c", 1, 8 * 3600, 12 * 3600, Map.of("ro.service", 1));
        PlanRoute route = assign(route("t1"), needsLevel4, needsLevel3, needsOther);
        verifier.verifyThat(PlanConstraints.Provider::skills)
                .given(route, needsLevel4, needsLevel3, needsOther)
                .penalizesBy(2);
    }

    @Test
    void skillsIgnoresUnassignedStops() {
        PlanStop needs = stop("a", 1, 8 * 3600, 12 * 3600, Map.of("ro.service", 1));
        PlanRoute bucket = assign(PlanRoute.bucket(MATRIX), needs);
        verifier.verifyThat(PlanConstraints.Provider::skills).given(bucket, needs).penalizesBy(0);
    }

    @Test
    void timeWindowPenalizesLatenessInTicks() {
        PlanStop first = stop("a", 1, 8 * 3600, 12 * 3600, Map.of());
        // reached at 08:10 + 1 h work + 10 min travel = 09:20, due 09:00: 20 minutes late
        PlanStop late = stop("b", 2, 8 * 3600, 9 * 3600, Map.of());
        PlanRoute route = assign(route("t1"), first, late);
        verifier.verifyThat(PlanConstraints.Provider::timeWindow)
                .given(route, first, late)
                .penalizesBy(20 * 60);
    }

    @Test
    void timeWindowRespectsTheLunchBreak() {
        // ready at 12:45, one hour long: it would overlap lunch 13:00-13:30, so it starts 13:30, due 13:00
        PlanStop overLunch = stop("a", 1, 12 * 3600 + 45 * 60, 13 * 3600, Map.of());
        PlanRoute route = assign(route("t1"), overLunch);
        verifier.verifyThat(PlanConstraints.Provider::timeWindow)
                .given(route, overLunch)
                .penalizesBy(30 * 60);
    }

    @Test
    void timeWindowCountsTravelPausedByLunch() {
        PlanStop morning = stop("a", 1, 11 * 3600 + 50 * 60, 12 * 3600, Map.of());
        // leaves location 1 at 12:50, 10 min drive crosses lunch 13:00-13:30: arrives 13:30, due 13:20
        PlanStop afterLunch = new PlanStop("b", 2, 1, 12 * 3600, 13 * 3600 + 20 * 60, 600, Map.of(), 10,
                Set.of(), null, MATRIX);
        PlanRoute route = assign(route("t1"), morning, afterLunch);
        verifier.verifyThat(PlanConstraints.Provider::timeWindow)
                .given(route, morning, afterLunch)
                .penalizesBy(10 * 60);
    }

    @Test
    void timeWindowServesAStopAfterAnAppointmentItCannotPrecede() {
        PlanRoute route = route("t1");
        // pinned visit at location 2 from 09:00 for an hour; a stop at location 1 ready 08:30 due 09:30 cannot
        // fit before it (08:30 + 1 h > 09:00 - 10 min) so it starts at 10:10 after the appointment: 40 min late
        route.setAppointments(List.of(new PlanRoute.Appointment("p", 2, 9 * 3600, 3600)));
        PlanStop stop = stop("a", 1, 8 * 3600 + 1800, 9 * 3600 + 1800, Map.of());
        assign(route, stop);
        verifier.verifyThat(PlanConstraints.Provider::timeWindow)
                .given(route, stop)
                .penalizesBy(40 * 60);
    }

    @Test
    void shiftEndPenalizesReturningAfterTheShift() {
        // starts 18:00 at location 2, ends 19:00, back at location 0 at 19:20: 20 minutes after shift end
        PlanStop evening = stop("a", 2, 18 * 3600, 18 * 3600, Map.of());
        PlanRoute route = assign(route("t1"), evening);
        verifier.verifyThat(PlanConstraints.Provider::shiftEnd)
                .given(route, evening)
                .penalizesBy(20 * 60);
    }

    @Test
    void serviceAreaPenalizesStopsOutsideTheTechniciansAreas() {
        PlanStop north = stop("a", 1);
        PlanRoute southOnly = assign(route("t1", Map.of(), Set.of("south")), north);
        PlanStop alsoNorth = stop("b", 1);
        PlanRoute anywhere = assign(route("t2", Map.of(), Set.of()), alsoNorth);
        verifier.verifyThat(PlanConstraints.Provider::serviceArea)
                .given(southOnly, anywhere, north, alsoNorth)
                .penalizesBy(1);
    }

    @Test
    void capacityPenalizesDemandOverCapacity() {
        PlanStop big = new PlanStop("a", 1, 8, 8 * 3600, 12 * 3600, 600, Map.of(), 10, Set.of(), null, MATRIX);
        PlanStop small = new PlanStop("b", 2, 5, 8 * 3600, 12 * 3600, 600, Map.of(), 10, Set.of(), null, MATRIX);
        PlanRoute route = assign(route("t1"), big, small);
        verifier.verifyThat(PlanConstraints.Provider::capacity)
                .given(route, big, small)
                .penalizesBy(3);
    }

    @Test
    void maxJobsPerDayPenalizesEachJobOverTheLimit() {
        PlanStop a = stop("a", 1);
        PlanStop b = stop("b", 1);
        PlanStop c = stop("c", 2);
        PlanStop d = stop("d", 2);
        PlanStop e = stop("e", 1);
        PlanRoute route = assign(route("t1"), a, b, c, d, e);
        verifier.verifyThat(PlanConstraints.Provider::maxJobsPerDay)
                .given(route, a, b, c, d, e)
                .penalizesBy(2);
    }

    @Test
    void technicianAvailablePenalizesEveryStopLeftWithAnAbsentTechnician() {
        PlanStop a = stop("a", 1);
        PlanStop b = stop("b", 2);
        PlanRoute sick = assign(route("t1"), a, b);
        sick.markUnavailable();
        PlanRoute idle = route("t2");
        idle.markUnavailable();
        verifier.verifyThat(PlanConstraints.Provider::technicianAvailable)
                .given(sick, idle, a, b)
                .penalizesBy(2);
    }

    @Test
    void unassignedPenalizesByPriorityWeight() {
        PlanStop emergency = new PlanStop("a", 1, 1, 0, 100, 10, Map.of(), 1000, Set.of(), null, MATRIX);
        PlanStop low = new PlanStop("b", 1, 1, 0, 100, 10, Map.of(), 1, Set.of(), null, MATRIX);
        PlanStop planned = stop("c", 2);
        PlanRoute bucket = assign(PlanRoute.bucket(MATRIX), emergency, low);
        PlanRoute route = assign(route("t1"), planned);
        verifier.verifyThat(PlanConstraints.Provider::unassigned)
                .given(bucket, route, emergency, low, planned)
                .penalizesBy(1001);
    }

    @Test
    void travelTimeSumsEveryLegIncludingTheWayBack() {
        PlanStop a = stop("a", 1);
        PlanStop b = stop("b", 2);
        PlanRoute route = assign(route("t1"), a, b);
        PlanRoute idle = route("t2");
        verifier.verifyThat(PlanConstraints.Provider::travelTime)
                .given(route, idle, a, b)
                .penalizesBy(600 + 600 + 1200);
    }

    @Test
    void travelTimeIncludesTheDetourToAnAppointment() {
        PlanRoute route = route("t1");
        route.setAppointments(List.of(new PlanRoute.Appointment("p", 2, 15 * 3600, 3600)));
        PlanStop a = stop("a", 1);
        assign(route, a);
        // 0 -> 1 (stop), 1 -> 2 (appointment), 2 -> 0 home
        verifier.verifyThat(PlanConstraints.Provider::travelTime)
                .given(route, a)
                .penalizesBy(600 + 600 + 1200);
    }

    @Test
    void overtimePenalizesReturnAfterRegularEnd() {
        // 16:30-17:30 at location 1, back 17:40: 40 minutes overtime
        PlanStop late = stop("a", 1, 16 * 3600 + 1800, 17 * 3600, Map.of());
        PlanRoute route = assign(route("t1"), late);
        verifier.verifyThat(PlanConstraints.Provider::overtime)
                .given(route, late)
                .penalizesBy(40 * 60);
    }

    @Test
    void balancePenalizesSquaredWorkloadMinutes() {
        PlanStop a = stop("a", 1);
        PlanRoute route = assign(route("t1"), a);
        // 10 min out, 60 min work, 10 min back: 80 minutes
        verifier.verifyThat(PlanConstraints.Provider::balance)
                .given(route, a)
                .penalizesBy(80 * 80);
    }

    @Test
    void vanHoldsPartsRewardsEachPlannedStopByItsBonusOnItsRoutesTechnician() {
        PlanStop partsInT1sVan = stop("a", 1).withPartBonuses(Map.of("t1", 2, "t2", 1));
        PlanStop partsInT2sVan = stop("b", 2).withPartBonuses(Map.of("t2", 3));
        PlanStop noParts = stop("c", 2);
        PlanStop unplanned = stop("d", 1).withPartBonuses(Map.of("t1", 5));
        PlanRoute route = assign(route("t1"), partsInT1sVan, partsInT2sVan, noParts);
        PlanRoute bucket = assign(PlanRoute.bucket(MATRIX), unplanned);
        verifier.verifyThat(PlanConstraints.Provider::vanHoldsParts)
                .given(route, bucket, partsInT1sVan, partsInT2sVan, noParts, unplanned)
                .rewardsWith(2);
    }

    @Test
    void continuityPenalizesAStopAwayFromItsPreferredTechnician() {
        PlanStop wantsT2 = new PlanStop("a", 1, 1, 8 * 3600, 12 * 3600, 600, Map.of(), 10, Set.of(), "t2", MATRIX);
        PlanStop wantsT1 = new PlanStop("b", 2, 1, 8 * 3600, 12 * 3600, 600, Map.of(), 10, Set.of(), "t1", MATRIX);
        PlanStop noPreference = stop("c", 2);
        PlanRoute route = assign(route("t1"), wantsT2, wantsT1, noPreference);
        verifier.verifyThat(PlanConstraints.Provider::continuity)
                .given(route, wantsT2, wantsT1, noPreference)
                .penalizesBy(1);
    }

    @Test
    void continuityComparesTheTechnicianNotTheDaysRoute() {
        PlanStop wantsT1 = new PlanStop("a", 1, 1, 8 * 3600, 12 * 3600, 600, Map.of(), 10, Set.of(), "t1", MATRIX);
        PlanRoute tuesday = route("t1@2026-11-17");
        tuesday.setOwner("t1", java.time.LocalDate.of(2026, 11, 17));
        assign(tuesday, wantsT1);
        verifier.verifyThat(PlanConstraints.Provider::continuity).given(tuesday, wantsT1).penalizesBy(0);
    }

    @Test
    void slaDeadlinePenalizesTheTicksAStartIsTooLateToFinishInTime() {
        // reached at 08:10 (location 1) and 09:20 (location 2, after an hour's work)
        PlanStop first = stop("a", 1).withSlaStart(8 * 3600);
        PlanStop second = stop("b", 2).withSlaStart(9 * 3600);
        PlanStop noDeadline = stop("c", 1);
        PlanRoute route = assign(route("t1"), first, second, noDeadline);
        verifier.verifyThat(PlanConstraints.Provider::slaDeadline)
                .given(route, first, second, noDeadline)
                .penalizesBy(10 * 60 + 20 * 60);
    }

    @Test
    void slaDeadlineIgnoresUnassignedStops() {
        PlanStop late = stop("a", 1).withSlaStart(0);
        PlanRoute bucket = assign(PlanRoute.bucket(MATRIX), late);
        verifier.verifyThat(PlanConstraints.Provider::slaDeadline).given(bucket, late).penalizesBy(0);
    }
}
