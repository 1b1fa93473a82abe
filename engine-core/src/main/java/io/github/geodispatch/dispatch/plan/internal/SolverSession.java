package io.github.geodispatch.dispatch.plan.internal;
import io.github.geodispatch.dispatch.plan.DayPlan;
import io.github.geodispatch.dispatch.plan.PlanChange;
import io.github.geodispatch.dispatch.plan.PlanDiff;
import io.github.geodispatch.dispatch.plan.PlanProgress;
import io.github.geodispatch.dispatch.plan.PlanningSession;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.Solver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One solve on a solving thread. The model is touched only there (construction aside); the best plan is
 * published through a volatile field; pending live changes are guarded by {@code lock}.
 */
final class SolverSession implements PlanningSession {
    private final DayPlanModel model;
    private final Solver<PlanSolution> solver;
    private final Consumer<PlanProgress> progress;
    private final CompletableFuture<DayPlan> result = new CompletableFuture<>();
    private final Object lock = new Object();
    private final List<Pending> pending = new ArrayList<>();
    private volatile DayPlan best;
    private volatile boolean stopRequested;
    private boolean finished;
    private int applied;
    private long startedNanos;

    /** A change handed to the solver, and the plan it started from once the solver applied it. */
    private static final class Pending {
        final CompletableFuture<PlanDiff> future = new CompletableFuture<>();
        final PlanChange change;
        volatile DayPlan before;
        volatile boolean done;

        Pending(PlanChange change) {
            this.change = change;
        }

        /** Whether {@code plan} has absorbed the change: a new job placed, an absent technician's route emptied. */
        boolean absorbedBy(DayPlan plan) {
            if (change instanceof PlanChange.NewJob newJob) {
                return plan.visit(newJob.job().id()).isPresent();
            }
            if (change instanceof PlanChange.TechnicianOff off) {
                return plan.route(off.technician()).isEmpty();
            }
            return true;
        }
    }

    /** A day with nothing movable: the plan is the fixed visits, scored, and live changes are refused. */
    SolverSession(DayPlanModel model) {
        this.model = model;
        this.solver = null;
        this.progress = p -> { };
        // constraints score routes by their movable stops; with none there is no penalty to count
        model.solution().setScore(HardMediumSoftLongScore.ZERO);
        best = model.toPlan(model.solution());
        finished = true;
        result.complete(best);
    }

    SolverSession(DayPlanModel model, Solver<PlanSolution> solver, Consumer<PlanProgress> progress, Executor executor) {
        this.model = model;
        this.solver = solver;
        this.progress = progress;
        solver.addEventListener(event -> onBest(event.getNewBestSolution(), event.isEveryProblemChangeProcessed()));
        executor.execute(this::run);
    }

    private void run() {
        startedNanos = System.nanoTime();
        try {
            PlanSolution solved = solver.solve(model.solution());
            DayPlan plan = model.toPlan(solved);
            best = plan;
            finish(plan);
            result.complete(plan);
        } catch (RuntimeException | Error e) {
            synchronized (lock) {
                finished = true;
                pending.forEach(p -> p.future.completeExceptionally(e));
                pending.clear();
            }
            result.completeExceptionally(e);
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
            pending.clear();
        }
    }

    private void onBest(PlanSolution solution, boolean everyChangeProcessed) {
        if (stopRequested) {
            solver.terminateEarly();
        }
        HardMediumSoftLongScore score = solution.score();
        if (!score.isSolutionInitialized()) {
            return;
        }
        DayPlan plan = model.toPlan(solution);
        best = plan;
        int changes;
        synchronized (lock) {
            if (everyChangeProcessed) {
                for (Iterator<Pending> it = pending.iterator(); it.hasNext();) {
                    Pending p = it.next();
                    if (p.done && p.absorbedBy(plan)) {
                        p.future.complete(plan.diffFrom(p.before));
                        it.remove();
                    }
                }
            }
            changes = applied;
        }
        progress.accept(new PlanProgress(Duration.ofNanos(System.nanoTime() - startedNanos), plan.score(), changes));
    }

    @Override
    public CompletableFuture<DayPlan> result() {
        return result;
    }

    @Override
    public Optional<DayPlan> bestSoFar() {
        return Optional.ofNullable(best);
    }

    @Override
    public CompletableFuture<PlanDiff> apply(PlanChange change) {
        if (change == null) {
            return CompletableFuture.failedFuture(new NullPointerException("change"));
        }
        Pending p = new Pending(change);
        synchronized (lock) {
            if (finished) {
                p.future.completeExceptionally(new IllegalStateException(
                        "solving has ended (or there was nothing to plan); start a new session from the latest plan"));
                return p.future;
            }
            pending.add(p);
        }
        solver.addProblemChange((working, director) -> {
            DayPlan before = best;
            try {
                p.before = before != null ? before : model.toPlan(working);
                LiveChanges.apply(change, model, working, director);
                synchronized (lock) {
                    applied++;
                }
                p.done = true;
            } catch (IllegalArgumentException e) {
                synchronized (lock) {
                    pending.remove(p);
                }
                p.future.completeExceptionally(e);
            }
        });
        return p.future;
    }

    @Override
    public void stop() {
        stopRequested = true;
        if (solver != null) {
            solver.terminateEarly();
        }
    }
}
