package io.github.geodispatch.dispatch.plan;
import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.Technician;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.TechnicianId;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import static io.github.geodispatch.dispatch.plan.PlanFixtures.CENTRE;
import static io.github.geodispatch.dispatch.plan.PlanFixtures.DAY;
import static io.github.geodispatch.dispatch.plan.PlanFixtures.TRAVEL;
import static io.github.geodispatch.dispatch.plan.PlanFixtures.allDay;
import static io.github.geodispatch.dispatch.plan.PlanFixtures.job;
import static io.github.geodispatch.dispatch.plan.PlanFixtures.steps;
import static io.github.geodispatch.dispatch.plan.PlanFixtures.technician;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The planner's soft preference for a technician whose van holds the job's parts. */
class PartPreferencePlanTest {
    private static final GeoPoint SITE = GeoPoint.of(CENTRE.lat() + 0.01, CENTRE.lng());
    private static final DispatchJob JOB = job("AC-1", SITE, allDay());

    /** Gives one point to every job on {@code holder}'s route: their van holds the part. */
    private static PartPreference vanOf(String holder) {
        return (technician, job) -> technician.value().equals(holder) ? 1 : 0;
    }

    private static TechnicianId plannedTechnician(DayPlan plan, JobId job) {
        return plan.routes().stream().filter(r -> r.visits().stream().anyMatch(v -> v.job().equals(job)))
                .map(PlannedRoute::technician).findFirst().orElseThrow();
    }

    private static DayPlan plan(DayPlanner.Builder builder, List<Technician> team, List<DispatchJob> jobs) {
        return builder.termination(steps(500)).parallelism(1).build().solve(DayPlanProblem.of(DAY, team, jobs));
    }

    @Test
    void ofTwoOtherwiseEqualTechniciansTheJobGoesToTheOneWhoseVanHoldsThePart() {
        List<Technician> twins = List.of(technician("ASHA", CENTRE), technician("BEN", CENTRE));
        for (String holder : List.of("ASHA", "BEN")) {
            DayPlan plan = plan(DayPlanner.builder().partPreference(vanOf(holder)), twins, List.of(JOB));
            assertThat(plannedTechnician(plan, JOB.id())).isEqualTo(TechnicianId.of(holder));
            // the reward shows in the soft score: travel less one point of five minutes
            DayPlan without = plan(DayPlanner.builder(), twins, List.of(JOB));
            assertThat(plan.score().soft()).isEqualTo(without.score().soft() + 300);
        }
    }

    @Test
    void atTheDefaultWeightAMuchShorterRouteBeatsThePart() {
        // the holder lives about 11 km further out: some 25 minutes more driving each way
        Technician far = technician("FAR", GeoPoint.of(CENTRE.lat() + 0.11, CENTRE.lng()));
        Technician near = technician("NEAR", CENTRE);
        DayPlan plan = plan(DayPlanner.builder().partPreference(vanOf("FAR")), List.of(far, near), List.of(JOB));
        assertThat(plannedTechnician(plan, JOB.id())).isEqualTo(near.id());

        // three parts, each worth two hours of driving (more than the extra travel and workload), win: the weight
        // is what decides
        PartPreference threeParts = (technician, job) -> 3 * vanOf("FAR").bonus(technician, job);
        DayPlan heavy = plan(DayPlanner.builder().partPreference(threeParts).partPointWorth(Duration.ofHours(2)),
                List.of(far, near), List.of(JOB));
        assertThat(plannedTechnician(heavy, JOB.id())).isEqualTo(far.id());
    }

    @Test
    void thePartNeverBreaksAHardRuleNorLeavesAJobOut() {
        // the holder has the part but not the skill level the job needs, and only one job a day
        Technician holder = new Technician(TechnicianId.of("HOLDER"), PlanFixtures.BRANCH, Map.of("ro.service", 1),
                List.of(), io.github.geodispatch.dispatch.ServiceAreas.anywhere(), technician("X", CENTRE).shift(), 1,
                CENTRE, CENTRE, null);
        Technician skilled = technician("SKILLED", GeoPoint.of(CENTRE.lat() + 0.2, CENTRE.lng()));
        DispatchJob ro = job("RO-1", SITE, allDay(), Duration.ofMinutes(45), Priority.HIGH,
                List.of(SkillRequirement.of("ro.service", 3)));
        DispatchJob second = job("AC-2", SITE, allDay());
        PartPreference everything = (technician, job) -> technician.value().equals("HOLDER") ? PartPreference.MAX_BONUS : 0;
        DayPlan plan = plan(DayPlanner.builder().partPreference(everything).partPointWorth(Duration.ofHours(2)),
                List.of(holder, skilled), List.of(ro, JOB, second));

        assertThat(plan.score().hard()).isZero();
        assertThat(plan.unassigned()).isEmpty();
        assertThat(plannedTechnician(plan, ro.id())).isEqualTo(skilled.id());
        assertThat(plan.routes().stream().filter(r -> r.technician().equals(holder.id())).mapToInt(r -> r.visits().size()).sum())
                .isEqualTo(1);
        assertThat(PlanChecker.violations(DayPlanProblem.of(DAY, List.of(holder, skilled), List.of(ro, JOB, second)), plan, TRAVEL))
                .isEmpty();
    }

    @Test
    void aBonusOutOfRangeAndABadWeightAreRefused() {
        List<Technician> team = List.of(technician("ASHA", CENTRE));
        assertThatThrownBy(() -> plan(DayPlanner.builder().partPreference((t, j) -> -1), team, List.of(JOB)))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("part preference bonus of technician ASHA for job AC-1 must be 0-100, was -1");
        assertThatThrownBy(() -> DayPlanner.builder().partPointWorth(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("part point worth");
        assertThatThrownBy(() -> DayPlanner.builder().partPreference(PartPreference.NONE).partPreference(PartPreference.NONE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("part preference already set");
    }
}
