package io.github.geodispatch.dispatch.plan.internal;
import io.github.geodispatch.dispatch.ServiceAreaFences;
import io.github.geodispatch.dispatch.plan.DayPlanProblem;
import io.github.geodispatch.dispatch.plan.DayPlanner;
import io.github.geodispatch.dispatch.plan.PlanProgress;
import io.github.geodispatch.dispatch.plan.PlanTermination;
import io.github.geodispatch.dispatch.plan.PlanningSession;
import io.github.geodispatch.spi.TravelTimes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The {@link DayPlanner}: OptaPlanner local search over the planning model. Immutable and thread-safe. */
public final class LocalSearchDayPlanner implements DayPlanner {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final TravelTimes travel;
    private final ServiceAreaFences fences;
    private final PlanTermination termination;
    private final Duration overtimeAllowance;
    private final Executor executor;
    private final long seed;
    private final boolean fullAssert;

    public LocalSearchDayPlanner(TravelTimes travel, ServiceAreaFences fences, PlanTermination termination,
            Duration overtimeAllowance, Executor executor, long seed) {
        this(travel, fences, termination, overtimeAllowance, executor, seed, false);
    }

    /** With {@code fullAssert}, every move is re-checked from scratch: for tests of score and shadow consistency. */
    public LocalSearchDayPlanner(TravelTimes travel, ServiceAreaFences fences, PlanTermination termination,
            Duration overtimeAllowance, Executor executor, long seed, boolean fullAssert) {
        this.fullAssert = fullAssert;
        this.travel = travel;
        this.fences = fences;
        this.termination = termination;
        this.overtimeAllowance = overtimeAllowance;
        this.executor = executor;
        this.seed = seed;
    }

    @Override
    public PlanningSession start(DayPlanProblem problem, Consumer<PlanProgress> progress) {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(progress, "progress");
        DayPlanModel model = new DayPlanModel(problem, travel, fences, overtimeAllowance, new PlanWeights());
        Executor runner = executor != null ? executor : task -> {
            Thread thread = new Thread(task, "geodispatch-plan-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
        };
        if (model.solution().stops().isEmpty()) {
            return new SolverSession(model); // every visit is fixed: nothing to search
        }
        return new SolverSession(model, fullAssert ? SolverSetup.assertingSolver(termination, true, seed)
                : SolverSetup.solver(termination, true, seed), progress, runner);
    }
}
