package io.github.geodispatch.dispatch.plan.internal;
import io.github.geodispatch.dispatch.ServiceAreaFences;
import io.github.geodispatch.dispatch.plan.DayPlanProblem;
import io.github.geodispatch.dispatch.plan.DayPlanner;
import io.github.geodispatch.dispatch.plan.HorizonProblem;
import io.github.geodispatch.dispatch.plan.PartPreference;
import io.github.geodispatch.dispatch.plan.PlanProgress;
import io.github.geodispatch.dispatch.plan.PlanTermination;
import io.github.geodispatch.dispatch.plan.PlanningSession;
import io.github.geodispatch.spi.TravelTimes;
import org.optaplanner.core.api.solver.Solver;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The {@link DayPlanner}: the problem split into independent groups, each built by cheapest insertion and
 * improved by OptaPlanner local search within its share of the termination's budget. Immutable and thread-safe.
 */
public final class LocalSearchDayPlanner implements DayPlanner {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final TravelTimes travel;
    private final ServiceAreaFences fences;
    private final PlanTermination termination;
    private final Duration overtimeAllowance;
    private final Executor executor;
    private final long seed;
    private final int parallelism;
    private final PartPreference partPreference;
    private final long partPointSeconds;
    private final boolean fullAssert;

    /**
     * @param executor runs the workers; {@code null} for a new daemon thread each
     * @param parallelism how many groups are solved at once
     * @param partPointSeconds the seconds of travel one point of the part preference's bonus is worth
     * @param fullAssert every move re-checked from scratch: for tests of score and shadow consistency (slow)
     */
    public LocalSearchDayPlanner(TravelTimes travel, ServiceAreaFences fences, PlanTermination termination,
            Duration overtimeAllowance, Executor executor, long seed, int parallelism, PartPreference partPreference,
            long partPointSeconds, boolean fullAssert) {
        this.travel = travel;
        this.fences = fences;
        this.termination = termination;
        this.overtimeAllowance = overtimeAllowance;
        this.executor = executor;
        this.seed = seed;
        this.parallelism = parallelism;
        this.partPreference = partPreference;
        this.partPointSeconds = partPointSeconds;
        this.fullAssert = fullAssert;
    }

    @Override
    public PlanningSession start(DayPlanProblem problem, Consumer<PlanProgress> progress) {
        Objects.requireNonNull(problem, "problem");
        return start(PlanInput.of(problem), progress);
    }

    @Override
    public PlanningSession start(HorizonProblem problem, Consumer<PlanProgress> progress) {
        Objects.requireNonNull(problem, "problem");
        return start(PlanInput.of(problem), progress);
    }

    private PlanningSession start(PlanInput input, Consumer<PlanProgress> progress) {
        Objects.requireNonNull(progress, "progress");
        PlanGroups groups = new PlanGroups(input, fences);
        int allMovable = Math.max(1, groups.movableVisits());
        long deadline = termination.time().map(t -> System.nanoTime() + t.toNanos()).orElse(Long.MAX_VALUE);
        int workers = Math.max(1, Math.min(parallelism, groups.groups().size()));
        Executor runner = executor != null ? executor : task -> {
            Thread thread = new Thread(task, "geodispatch-plan-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
        };
        return new GroupedSession(groups,
                (group, index) -> new DayPlanModel(group.input(), travel, fences, overtimeAllowance,
                        PlanWeights.withPartPoint(partPointSeconds), partPreference),
                (group, movable) -> solver(group, movable, allMovable, deadline, workers), progress, runner, workers);
    }

    /** Group {@code group}'s solver with its share of the budget; {@code null} when the time guard has run out. */
    private Solver<PlanSolution> solver(int group, int movable, int allMovable, long deadline, int workers) {
        Duration time = null;
        if (termination.timeLimit() != null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            time = Duration.ofNanos(left);
            if (!termination.countLimited()) {
                // time alone: each group its share, as the groups run `workers` at a time
                long share = (long) ((double) termination.timeLimit().toNanos() * workers * movable / allMovable);
                time = Duration.ofNanos(Math.max(1_000_000L, Math.min(left, share)));
            }
        }
        SolverSetup.Budget budget = new SolverSetup.Budget(termination.stepsFor(movable, allMovable).orElse(null),
                termination.unimprovedStepLimit(), termination.movesFor(movable, allMovable).orElse(null), time,
                termination.unimprovedTimeLimit());
        long groupSeed = seed + group;
        return fullAssert ? SolverSetup.assertingSolver(budget, true, groupSeed) : SolverSetup.solver(budget, true, groupSeed);
    }
}
