package io.github.geodispatch.benchmarks.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.geodispatch.dispatch.HaversineTravelTimes;
import io.github.geodispatch.dispatch.plan.DayPlan;
import io.github.geodispatch.dispatch.plan.DayPlanProblem;
import io.github.geodispatch.dispatch.plan.DayPlanner;
import io.github.geodispatch.dispatch.plan.PlanTermination;
import io.github.geodispatch.dispatch.plan.PlannedRoute;
import org.junit.jupiter.api.Test;

/**
 * The morning plan at a business's size, 300 technicians, 3,000 booked jobs, 10 branches: every job it leaves
 * unassigned is one the live board, given the plan, cannot place either (checked job by job against the
 * board's own rules), and every job is planned once or said why not. One local-search step per visit keeps
 * the test short; how good and how fast the plan is at the default budget is measured by
 * {@link PlanScaleMain}, not here.
 */
class ScalePlanTest {
    @Test
    void everyJobLeftUnassignedHasNoSlotOnTheBoard() {
        ScaleWorld world = ScaleWorld.generate(42, 300, 3_000, 10);
        HaversineTravelTimes travel = HaversineTravelTimes.defaults();
        DayPlan plan = DayPlanner.builder().travelTimes(travel).termination(PlanTermination.afterStepsPerVisit(1)).seed(42)
                .build().solve(DayPlanProblem.of(ScaleWorld.PLAN_AT, world.technicians, world.jobs));

        assertThat(plan.score().hard()).isZero();
        int placed = plan.routes().stream().mapToInt(r -> r.visits().size()).sum();
        assertThat(placed + plan.unassigned().size()).isEqualTo(3_000);
        assertThat(placed).isGreaterThan(2_000);
        assertThat(plan.routes().stream().map(PlannedRoute::technician).distinct().count()).isEqualTo(300);
        assertThat(plan.unassigned()).allSatisfy(id -> assertThat(plan.unassignedReason(id)).isPresent());
        assertThat(BoardCheck.placeableButUnassigned(world.technicians, plan, ScaleWorld.PLAN_AT, travel)).isEmpty();
    }
}
