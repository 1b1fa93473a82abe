package io.github.geodispatch.dispatch.plan.internal;
import io.github.geodispatch.dispatch.plan.PlanScore;
import io.github.geodispatch.dispatch.plan.PlanTermination;
import java.time.Duration;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.heuristic.selector.common.nearby.NearbySelectionConfig;
import org.optaplanner.core.config.heuristic.selector.common.nearby.NearbySelectionDistributionType;
import org.optaplanner.core.config.heuristic.selector.list.DestinationSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.list.SubListSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.MoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.ListChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.ListSwapMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.SubListChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.SubListSwapMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.value.ValueSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.score.director.ScoreDirectorFactoryConfig;
import org.optaplanner.core.config.score.trend.InitializingScoreTrendLevel;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.optaplanner.core.impl.heuristic.selector.common.nearby.NearbyDistanceMeter;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the solver: late acceptance over list moves
 * (change, swap, sub-list change and swap, both with reversal) whose partners are drawn near each other
 * (parabolic nearby selection), plus {@link RuinAndRecreate} moves (selected half as often as each of the
 * others). The solution it starts from is already built by {@link CheapestInsertion}, so there is no
 * construction phase. Settings were chosen on Solomon R205, RC105, R101 and RC201 at 20 s: k-opt moves
 * converged slower and are left out; ruin-and-recreate weight 0.5 beat 0.05, 0.2 and 1.0.
 */
final class SolverSetup {
    /** Search settings; {@link #DEFAULT} is what the planner uses. */
    record Tuning(int nearbySize, int lateAcceptanceSize, int maxSubList, double ruinWeight) {
        static final Tuning DEFAULT = new Tuning(40, 400, 8, 0.5);
    }

    /**
     * What one solve may spend: local-search steps, steps without a better plan and move evaluations (the
     * counts that make a seeded plan repeatable), and the wall-clock guards. {@code null} = no such limit;
     * at least one is set.
     */
    record Budget(Integer steps, Integer unimprovedSteps, Long moves, Duration time, Duration unimprovedTime) {
        /** The termination's budget for a problem solved as one group. */
        static Budget of(PlanTermination termination, int movableVisits) {
            return new Budget(termination.stepsFor(movableVisits, movableVisits).orElse(null),
                    termination.unimprovedStepLimit(), termination.movesFor(movableVisits, movableVisits).orElse(null),
                    termination.timeLimit(), termination.unimprovedTimeLimit());
        }
    }

    /** Move evaluations allowed per local-search step on average before the step limit is taken as reached. */
    static final long MOVES_PER_STEP = 100;

    private SolverSetup() {}

    static Solver<PlanSolution> solver(Budget budget, boolean hasBucket, long seed) {
        return solver(budget, hasBucket, seed, Tuning.DEFAULT);
    }

    static Solver<PlanSolution> solver(Budget budget, boolean hasBucket, long seed, Tuning tuning) {
        return SolverFactory.<PlanSolution>create(config(budget, hasBucket, seed, tuning)).buildSolver();
    }

    /** A solver that re-checks every score and shadow variable from scratch after each move (tests only: slow). */
    static Solver<PlanSolution> assertingSolver(Budget budget, boolean hasBucket, long seed) {
        SolverConfig config = config(budget, hasBucket, seed, Tuning.DEFAULT).withEnvironmentMode(EnvironmentMode.FULL_ASSERT);
        return SolverFactory.<PlanSolution>create(config).buildSolver();
    }

    /** The model and its constraints without phases: for scoring a plan outside a solve. */
    static SolverConfig scoringConfig() {
        return new SolverConfig()
                .withSolutionClass(PlanSolution.class)
                .withEntityClasses(PlanRoute.class, PlanStop.class)
                .withScoreDirectorFactory(scoring());
    }

    private static ScoreDirectorFactoryConfig scoring() {
        return new ScoreDirectorFactoryConfig()
                .withConstraintProviderClass(PlanConstraints.Provider.class)
                .withConstraintStreamImplType(ConstraintStreamImplType.BAVET)
                .withInitializingScoreTrend(InitializingScoreTrendLevel.ONLY_DOWN.name());
    }

    /**
     * {@code time} in whole milliseconds, at least one: OptaPlanner refuses a spent limit with a part of a
     * millisecond, and a group's share of a time guard is counted in nanoseconds.
     */
    private static Duration wholeMillis(Duration time) {
        return Duration.ofMillis(Math.max(1, time.toMillis()));
    }

    static SolverConfig config(Budget budget, boolean hasBucket, long seed, Tuning tuning) {
        // solver-level limits end every phase at once; step counts can only end a phase in OptaPlanner
        TerminationConfig terminationConfig = new TerminationConfig();
        if (budget.time() != null) {
            terminationConfig.setSpentLimit(wholeMillis(budget.time()));
        }
        if (budget.unimprovedTime() != null) {
            terminationConfig.setUnimprovedSpentLimit(wholeMillis(budget.unimprovedTime()));
        }
        Long moveLimit = budget.moves();
        if (budget.steps() != null) {
            // a step ends on the first accepted move; at a strict local optimum none is ever accepted, and only a
            // solver-level count ends the step: the move cap bounds it, still by a count, never by the clock
            long cap = budget.steps() > Long.MAX_VALUE / MOVES_PER_STEP ? Long.MAX_VALUE : budget.steps() * MOVES_PER_STEP;
            moveLimit = moveLimit == null ? cap : Math.min(moveLimit, cap);
        }
        if (moveLimit != null) {
            terminationConfig.setScoreCalculationCountLimit(moveLimit);
        }

        List<MoveSelectorConfig> moves = new ArrayList<>(List.of(
                nearbyChange("change", tuning), nearbySwap("swap", tuning), nearbySubListChange("subChange", tuning),
                nearbySubListSwap("subSwap", tuning)));
        if (tuning.ruinWeight() > 0) {
            moves.add(new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(RuinAndRecreate.Factory.class)
                    .withFixedProbabilityWeight(tuning.ruinWeight()));
        }
        if (hasBucket) {
            // nearby partners never include the bucket: plain change moves empty and refill it
            moves.add(new ListChangeMoveSelectorConfig());
        }
        LocalSearchAcceptorConfig acceptor = new LocalSearchAcceptorConfig().withLateAcceptanceSize(tuning.lateAcceptanceSize());
        LocalSearchForagerConfig forager = new LocalSearchForagerConfig().withAcceptedCountLimit(1);
        LocalSearchPhaseConfig localSearch = new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(new UnionMoveSelectorConfig(moves))
                .withAcceptorConfig(acceptor)
                .withForagerConfig(forager);
        if (budget.steps() != null || budget.unimprovedSteps() != null) {
            TerminationConfig steps = new TerminationConfig();
            steps.setStepCountLimit(budget.steps());
            steps.setUnimprovedStepCountLimit(budget.unimprovedSteps());
            localSearch.setTerminationConfig(steps);
        }

        return scoringConfig()
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withRandomSeed(seed)
                .withTerminationConfig(terminationConfig)
                .withPhases(localSearch);
    }

    private static NearbySelectionConfig nearby(String originId, Tuning tuning) {
        NearbySelectionConfig nearby = distribution(tuning);
        nearby.setOriginValueSelectorConfig(new ValueSelectorConfig().withMimicSelectorRef(originId));
        return nearby;
    }

    private static NearbySelectionConfig nearbySubList(String originId, Tuning tuning) {
        NearbySelectionConfig nearby = distribution(tuning);
        SubListSelectorConfig origin = new SubListSelectorConfig();
        origin.setMimicSelectorRef(originId);
        nearby.setOriginSubListSelectorConfig(origin);
        return nearby;
    }

    private static NearbySelectionConfig distribution(Tuning tuning) {
        NearbySelectionConfig nearby = new NearbySelectionConfig();
        nearby.setNearbyDistanceMeterClass(NearbyStops.class);
        nearby.setNearbySelectionDistributionType(NearbySelectionDistributionType.PARABOLIC_DISTRIBUTION);
        nearby.setParabolicDistributionSizeMaximum(tuning.nearbySize());
        return nearby;
    }

    private static MoveSelectorConfig nearbyChange(String id, Tuning tuning) {
        ListChangeMoveSelectorConfig change = new ListChangeMoveSelectorConfig();
        change.setValueSelectorConfig(new ValueSelectorConfig().withId(id));
        change.setDestinationSelectorConfig(new DestinationSelectorConfig().withNearbySelectionConfig(nearby(id, tuning)));
        return change;
    }

    private static MoveSelectorConfig nearbySwap(String id, Tuning tuning) {
        ListSwapMoveSelectorConfig swap = new ListSwapMoveSelectorConfig();
        swap.setValueSelectorConfig(new ValueSelectorConfig().withId(id));
        swap.setSecondaryValueSelectorConfig(new ValueSelectorConfig().withNearbySelectionConfig(nearby(id, tuning)));
        return swap;
    }

    private static MoveSelectorConfig nearbySubListChange(String id, Tuning tuning) {
        SubListSelectorConfig subList = new SubListSelectorConfig();
        subList.setId(id);
        subList.setMaximumSubListSize(tuning.maxSubList());
        SubListChangeMoveSelectorConfig change = new SubListChangeMoveSelectorConfig();
        change.setSubListSelectorConfig(subList);
        change.setSelectReversingMoveToo(true);
        change.setDestinationSelectorConfig(new DestinationSelectorConfig().withNearbySelectionConfig(nearbySubList(id, tuning)));
        return change;
    }

    private static MoveSelectorConfig nearbySubListSwap(String id, Tuning tuning) {
        SubListSelectorConfig subList = new SubListSelectorConfig();
        subList.setId(id);
        subList.setMaximumSubListSize(tuning.maxSubList());
        SubListSelectorConfig secondary = new SubListSelectorConfig();
        secondary.setNearbySelectionConfig(nearbySubList(id, tuning));
        secondary.setMaximumSubListSize(tuning.maxSubList());
        SubListSwapMoveSelectorConfig swap = new SubListSwapMoveSelectorConfig()
                .withSubListSelectorConfig(subList)
                .withSecondarySubListSelectorConfig(secondary)
                .withSelectReversingMoveToo(true);
        return swap;
    }

    static PlanScore score(HardMediumSoftLongScore score) {
        return new PlanScore(score.hardScore(), score.mediumScore(), score.softScore());
    }

    /**
     * Distance between a stop and a destination (another stop, or a route's start) for nearby move
     * selection. Public only because the solver instantiates it reflectively. Stateless, thread-safe.
     */
    public static final class NearbyStops implements NearbyDistanceMeter<PlanStop, Object> {
        @Override
        public double getNearbyDistance(PlanStop origin, Object destination) {
            if (destination instanceof PlanStop stop) {
                return origin.matrix().travel(origin.location(), stop.location());
            }
            PlanRoute route = (PlanRoute) destination;
            return route.isBucket() ? Double.MAX_VALUE : origin.matrix().travel(route.startLocation(), origin.location());
        }
    }
}
