package io.github.geodispatch.dispatch.plan.internal;
import io.github.geodispatch.dispatch.plan.DayPlan;
import io.github.geodispatch.dispatch.plan.PlanChange;
import io.github.geodispatch.dispatch.plan.PlanDiff;
import io.github.geodispatch.dispatch.plan.PlanScore;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolutionUpdatePolicy;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The solve of one independent group of technicians: the model is built and the construction run
 * ({@link #prepare}), then local search runs to its budget and the final fill places what still fits
 * ({@link #solve}), both on a worker thread of the {@link GroupedSession}. The model is touched on that
 * thread, and by other threads only under the model's monitor (plans are read from the published best
 * solution, live changes are applied holding it). Thread-safe.
 */
final class SolverSession {
    /** What the grouped session hears from a group. */
    interface Listener {
        /** The group has a better plan (its construction, a better local-search plan, or its final plan). */
        void improved(SolverSession group);

        /** The group's solve has ended; {@link #plan()} is final. */
        void finished(SolverSession group);
    }

    private final int index;
    private final Supplier<DayPlanModel> modelFactory;
    private final Listener listener;
    private final CompletableFuture<Void> prepared = new CompletableFuture<>();
    private final Object lock = new Object();
    private final List<Pending> pending = new ArrayList<>();
    /** Changes handed over before the solver existed; submitted when it starts. */
    private final List<Pending> early = new ArrayList<>();
    private final AtomicInteger applied = new AtomicInteger();
    private DayPlanModel model;
    private Solver<PlanSolution> solver;
    private SolutionManager<PlanSolution, HardMediumSoftLongScore> scorer;
    private volatile PlanSolution bestSolution;
    private volatile PlanScore bestScore;
    private volatile DayPlan bestPlan;
    private volatile boolean stopRequested;
    private boolean finished;

    /** A change handed to the solver, and the group's plan it started from once the solver applied it. */
    private static final class Pending {
        final CompletableFuture<PlanDiff> future = new CompletableFuture<>();
        final PlanChange change;
        volatile DayPlan before;
        volatile boolean done;

        Pending(PlanChange change) {
            this.change = change;
        }

        /**
         * Whether {@code plan}, made from {@code solution}, has absorbed the change: a new job placed, an absent
         * technician's route emptied, a rescheduled job in its slot.
         */
        boolean absorbedBy(DayPlan plan, PlanSolution solution) {
            if (change instanceof PlanChange.NewJob newJob) {
                return plan.visit(newJob.job().id()).isPresent();
            }
            if (change instanceof PlanChange.TechnicianOff off) {
                return plan.routes().stream().noneMatch(r -> r.technician().equals(off.technician())
                        && (off.day() == null || r.day() == null || off.day().equals(r.day())));
            }
            if (change instanceof PlanChange.Reschedule moved) {
                // Not merely a visit in the window: the job keeps its old place until local search moves it, and
                // on another day's route of the same technician it waits for the window while that route runs
                // days past its shift. The route holding it must keep every rule.
                String job = moved.job().value();
                String technician = moved.slot().technician().value();
                return solution.stops().stream().anyMatch(s -> s.id().equals(job) && s.route() != null
                        && s.route().technician().equals(technician) && s.route().accepts(s)
                        && s.route().feasible(s.route().stops()));
            }
            return true;
        }
    }

    SolverSession(int index, Supplier<DayPlanModel> modelFactory, Listener listener) {
        this.index = index;
        this.modelFactory = modelFactory;
        this.listener = listener;
    }

    int index() {
        return index;
    }

    /** Builds the model and places every visit it can by cheapest insertion; the constructed plan is the first best. */
    void prepare() {
        try {
            DayPlanModel built = modelFactory.get();
            CheapestInsertion.construct(built.solution());
            SolutionManager<PlanSolution, HardMediumSoftLongScore> manager = null;
            if (built.solution().stops().isEmpty()) {
                // constraints score routes by their movable stops; with none there is no penalty to count
                built.solution().setScore(HardMediumSoftLongScore.ZERO);
            } else {
                manager = SolutionManager.create(SolverFactory.create(SolverSetup.scoringConfig()));
                manager.update(built.solution(), SolutionUpdatePolicy.UPDATE_SCORE_ONLY);
            }
            synchronized (built) {
                model = built;
                scorer = manager;
                bestSolution = built.solution();
                bestScore = SolverSetup.score(built.solution().score());
                bestPlan = built.toPlan(built.solution());
            }
            prepared.complete(null);
            listener.improved(this);
        } catch (RuntimeException | Error e) {
            prepared.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * Runs local search with the solver {@code solvers} builds for this group's movable visits (none when it has
     * nothing to move or a stop came first), then the final fill, and publishes the final plan.
     */
    void solve(Function<Integer, Solver<PlanSolution>> solvers) {
        prepared.join();
        PlanSolution result = bestSolution;
        int movable = result.stops().size();
        // with no working route every move would leave the plan as it is, and a step would never end
        boolean anyRoute = result.routes().stream().anyMatch(r -> !r.isBucket());
        Solver<PlanSolution> built = stopRequested || movable == 0 || !anyRoute ? null : solvers.apply(movable);
        if (built != null) {
            built.addEventListener(event -> onBest(event.getNewBestSolution(), event.isEveryProblemChangeProcessed()));
            synchronized (lock) {
                solver = built;
                early.forEach(this::submit);
                early.clear();
            }
            if (!stopRequested) {
                result = built.solve(result);
            }
        }
        synchronized (model) {
            if (CheapestInsertion.fill(result) > 0) {
                scorer.update(result, SolutionUpdatePolicy.UPDATE_SCORE_ONLY);
            }
            bestSolution = result;
            bestScore = SolverSetup.score(result.score());
            bestPlan = model.toPlan(result);
        }
        finish(bestPlan);
        listener.improved(this);
        listener.finished(this);
    }

    /** The solve failed: every change waiting on it fails too. */
    void fail(Throwable e) {
        synchronized (lock) {
            finished = true;
            pending.forEach(p -> p.future.completeExceptionally(e));
            early.forEach(p -> p.future.completeExceptionally(e));
            pending.clear();
            early.clear();
        }
    }

    /** Solving ended: applied changes get their diff against the final plan (a new job may stay unassigned). */
    private void finish(DayPlan last) {
        synchronized (lock) {
            finished = true;
            for (Pending p : pending) {
                if (p.done) {
                    p.future.complete(last.diffFrom(p.before));
                } else {
                    p.future.completeExceptionally(new IllegalStateException("solving ended before the change was applied"));
                }
            }
            for (Pending p : early) {
                p.future.completeExceptionally(new IllegalStateException("solving ended before the change was applied"));
            }
            pending.clear();
            early.clear();
        }
    }

    private void onBest(PlanSolution solution, boolean everyChangeProcessed) {
        if (stopRequested) {
            solver.terminateEarly();
        }
        if (!solution.score().isSolutionInitialized()) {
            return;
        }
        bestSolution = solution;
        bestScore = SolverSetup.score(solution.score());
        bestPlan = null; // converted when someone asks
        synchronized (lock) {
            if (everyChangeProcessed && !pending.isEmpty()) {
                DayPlan plan = plan();
                for (Iterator<Pending> it = pending.iterator(); it.hasNext();) {
                    Pending p = it.next();
                    if (p.done && p.absorbedBy(plan, solution)) {
                        p.future.complete(plan.diffFrom(p.before));
                        it.remove();
                    }
                }
            }
        }
        listener.improved(this);
    }

    /** The group's best plan so far; {@code null} before its construction. */
    DayPlan plan() {
        DayPlan plan = bestPlan;
        if (plan != null) {
            return plan;
        }
        PlanSolution solution = bestSolution;
        if (solution == null) {
            return null;
        }
        synchronized (model) {
            plan = model.toPlan(solution);
        }
        if (bestSolution == solution) {
            bestPlan = plan;
        }
        return plan;
    }

    /** The score of the group's best plan; {@code null} before its construction. */
    PlanScore score() {
        return bestScore;
    }

    /** How many live changes the solver has applied to this group. */
    int applied() {
        return applied.get();
    }

    /**
     * Hands a live change to this group. The future completes with the diff between the group's plans before
     * and after it (see {@code PlanningSession.apply}).
     */
    CompletableFuture<PlanDiff> apply(PlanChange change) {
        Objects.requireNonNull(change, "change");
        Pending p = new Pending(change);
        synchronized (lock) {
            if (finished) {
                p.future.completeExceptionally(new IllegalStateException(
                        "solving has ended (or there was nothing to plan); start a new session from the latest plan"));
                return p.future;
            }
            if (solver == null) {
                early.add(p);
            } else {
                submit(p);
            }
        }
        return p.future;
    }

    /** Called holding {@link #lock}. */
    private void submit(Pending p) {
        pending.add(p);
        solver.addProblemChange((working, director) -> {
            try {
                synchronized (model) {
                    p.before = plan();
                    LiveChanges.apply(p.change, model, working, director);
                }
                applied.incrementAndGet();
                p.done = true;
            } catch (IllegalArgumentException e) {
                synchronized (lock) {
                    pending.remove(p);
                }
                p.future.completeExceptionally(e);
            }
        });
    }

    /** Asks the solver to stop; the group then finishes with its best plan so far. */
    void stop() {
        stopRequested = true;
        Solver<PlanSolution> running;
        synchronized (lock) {
            running = solver;
        }
        if (running != null) {
            running.terminateEarly();
            // The solver forgets an early termination when its solve starts, which may still be ahead of it; and a
            // solve stuck on a local optimum never reports a new best, where onBest would terminate it again. A
            // queued change ends the running phase, and once applied it reports a best, so onBest sees the stop.
            running.addProblemChange((working, director) -> { });
        }
    }
}
