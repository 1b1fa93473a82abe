package io.github.geodispatch.dispatch.plan.internal;
import org.optaplanner.core.api.domain.constraintweight.ConstraintConfigurationProvider;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import java.util.List;

/** The planning problem and its solution: routes, stops, weights and score. Mutable, confined to one solver thread. */
@PlanningSolution
final class PlanSolution {
    @ConstraintConfigurationProvider
    private PlanWeights weights;
    @PlanningEntityCollectionProperty
    private List<PlanRoute> routes;
    // a fact collection, not an entity collection: OptaPlanner 10.1 would read the list variable off every
    // entity it visits; stops are still entities (shadow variables) by class and are cloned as such
    @ProblemFactCollectionProperty
    @ValueRangeProvider(id = "stops")
    private List<PlanStop> stops;
    @PlanningScore
    private HardMediumSoftLongScore score;

    @SuppressWarnings("unused") // the solution cloner needs it
    private PlanSolution() {}

    PlanSolution(PlanWeights weights, List<PlanRoute> routes, List<PlanStop> stops) {
        this.weights = weights;
        this.routes = routes;
        this.stops = stops;
    }

    PlanWeights weights() { return weights; }
    List<PlanRoute> routes() { return routes; }
    List<PlanStop> stops() { return stops; }
    HardMediumSoftLongScore score() { return score; }

    void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
