package io.github.geodispatch.dispatch.plan.internal;
import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.RejectionReason;
import io.github.geodispatch.dispatch.plan.DayPlan;
import io.github.geodispatch.dispatch.plan.PlanChange;
import io.github.geodispatch.dispatch.plan.PlanDiff;
import io.github.geodispatch.dispatch.plan.PlanProgress;
import io.github.geodispatch.dispatch.plan.PlanScore;
import io.github.geodispatch.dispatch.plan.PlannedRoute;
import io.github.geodispatch.dispatch.plan.PlanningSession;
import io.github.geodispatch.spi.JobId;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.optaplanner.core.api.solver.Solver;

/**
 * A solve of a whole problem as independent groups ({@link PlanGroups}), each its own model and solver
 * ({@link SolverSession}). {@code parallelism} workers first build and construct every group, then run
 * their local searches, biggest share of the work first in group order. Each group's budget depends on the
 * problem only, so the plan does not depend on how the workers interleave. The plan seen from outside is
 * the groups' plans together, with the jobs nobody can take added as unassigned. Thread-safe.
 */
final class GroupedSession implements PlanningSession, SolverSession.Listener {
    private final PlanGroups groups;
    private final List<SolverSession> sessions = new ArrayList<>();
    private final Consumer<PlanProgress> progress;
    private final Map<JobId, DispatchJob> liveJobs = new ConcurrentHashMap<>();
    private final CompletableFuture<DayPlan> result = new CompletableFuture<>();
    private final AtomicInteger nextPrepare = new AtomicInteger();
    private final AtomicInteger nextSolve = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final Object progressLock = new Object();
    private final long startedNanos = System.nanoTime();

    /**
     * @param solvers builds group {@code g}'s solver for its movable visits, or {@code null} when it gets no local search
     */
    GroupedSession(PlanGroups groups, BiFunction<PlanGroups.Group, Integer, DayPlanModel> models,
            SolverFactoryFn solvers, Consumer<PlanProgress> progress, Executor executor, int parallelism) {
        this.groups = groups;
        this.progress = progress;
        for (int g = 0; g < groups.groups().size(); g++) {
            PlanGroups.Group group = groups.groups().get(g);
            int index = g;
            sessions.add(new SolverSession(g, () -> models.apply(group, index), this));
        }
        groups.nobody().forEach(j -> liveJobs.put(j.id(), j));
        int workers = Math.max(1, Math.min(parallelism, sessions.size()));
        for (int w = 0; w < workers; w++) {
            executor.execute(() -> work(solvers));
        }
    }

    /** Builds group {@code g}'s local-search solver for {@code movable} visits; {@code null} for none. */
    @FunctionalInterface
    interface SolverFactoryFn {
        Solver<PlanSolution> solver(int group, int movable);
    }

    private void work(SolverFactoryFn solvers) {
        try {
            for (int g = nextPrepare.getAndIncrement(); g < sessions.size(); g = nextPrepare.getAndIncrement()) {
                sessions.get(g).prepare();
            }
            for (int g = nextSolve.getAndIncrement(); g < sessions.size(); g = nextSolve.getAndIncrement()) {
                int group = g;
                sessions.get(g).solve(movable -> solvers.solver(group, movable));
            }
        } catch (RuntimeException | Error e) {
            sessions.forEach(s -> {
                s.stop();
                s.fail(e);
            });
            result.completeExceptionally(e);
        }
    }

    @Override
    public void improved(SolverSession group) {
        publish();
    }

    @Override
    public void finished(SolverSession group) {
        if (finished.incrementAndGet() == sessions.size()) {
            publish(); // the last event carries the final plan's score
            result.complete(merged(-1, null));
        }
    }

    private void publish() {
        synchronized (progressLock) {
            PlanScore score = score();
            if (score != null) {
                int applied = sessions.stream().mapToInt(SolverSession::applied).sum();
                progress.accept(new PlanProgress(Duration.ofNanos(System.nanoTime() - startedNanos), score, applied));
            }
        }
    }

    /** The groups' scores together with the unassigned penalty of the jobs nobody can take; {@code null} until every group is built. */
    private PlanScore score() {
        long hard = 0;
        long medium = 0;
        long soft = 0;
        for (SolverSession s : sessions) {
            PlanScore part = s.score();
            if (part == null) {
                return null;
            }
            hard += part.hard();
            medium += part.medium();
            soft += part.soft();
        }
        for (DispatchJob job : groups.nobody()) {
            medium -= job.priority().weight();
        }
        return new PlanScore(hard, medium, soft);
    }

    /** The groups' plans as one, group {@code replaced}'s plan replaced by {@code replacement}; {@code null} until every group is built. */
    private DayPlan merged(int replaced, DayPlan replacement) {
        List<PlannedRoute> routes = new ArrayList<>();
        List<JobId> unassigned = new ArrayList<>();
        Map<JobId, DispatchJob> jobs = new LinkedHashMap<>(liveJobs);
        Map<JobId, Boolean> started = new HashMap<>();
        long hard = 0;
        long medium = 0;
        long soft = 0;
        for (SolverSession s : sessions) {
            DayPlan part = s.index() == replaced ? replacement : s.plan();
            if (part == null) {
                return null;
            }
            routes.addAll(part.routes());
            unassigned.addAll(part.unassigned());
            part.jobs().forEach((id, job) -> {
                jobs.put(id, job);
                started.put(id, part.started(id));
            });
            hard += part.score().hard();
            medium += part.score().medium();
            soft += part.score().soft();
        }
        for (DispatchJob job : groups.nobody()) {
            unassigned.add(job.id());
            started.put(job.id(), false);
            medium -= job.priority().weight();
        }
        routes.sort(Comparator.comparingInt((PlannedRoute r) -> groups.rank(r.technician()))
                .thenComparing(r -> r.day() == null ? LocalDate.MIN : r.day()));
        unassigned.sort(Comparator.comparing((JobId id) -> -jobs.get(id).priority().weight()).thenComparing(id -> id));
        DayPlan plan = new DayPlan(new PlanScore(hard, medium, soft), routes, unassigned, Map.of(), jobs, started);
        Map<JobId, RejectionReason> reasons = groups.reasons(plan, jobs);
        return new DayPlan(plan.score(), routes, unassigned, reasons, jobs, started);
    }

    @Override
    public CompletableFuture<DayPlan> result() {
        return result;
    }

    @Override
    public Optional<DayPlan> bestSoFar() {
        return Optional.ofNullable(merged(-1, null));
    }

    @Override
    public CompletableFuture<PlanDiff> apply(PlanChange change) {
        if (change == null) {
            return CompletableFuture.failedFuture(new NullPointerException("change"));
        }
        int g;
        if (change instanceof PlanChange.NewJob newJob) {
            DispatchJob job = newJob.job();
            g = groups.groupOf(job.id());
            if (g < 0 && !liveJobs.containsKey(job.id())) {
                g = Math.max(0, groups.groupFor(job));
                liveJobs.put(job.id(), job);
            } else {
                g = Math.max(0, g); // the group rejects a job it already knows
            }
        } else if (change instanceof PlanChange.TechnicianOff off) {
            g = groups.groupOf(off.technician());
            if (g < 0) {
                return CompletableFuture.failedFuture(new IllegalArgumentException(
                        "technician " + off.technician() + " is not working today"));
            }
        } else if (change instanceof PlanChange.JobRunningLong late) {
            g = knownGroup(late.job());
        } else if (change instanceof PlanChange.Reschedule moved) {
            g = knownGroup(moved.job());
            if (g >= 0 && groups.groupOf(moved.slot().technician()) != g) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("technician "
                        + moved.slot().technician() + " cannot take job " + moved.job() + " (branch, area, skills or certifications)"));
            }
        } else {
            return CompletableFuture.failedFuture(new IllegalArgumentException("unknown change " + change));
        }
        if (g < 0) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("unknown job "
                    + (change instanceof PlanChange.JobRunningLong late ? late.job() : ((PlanChange.Reschedule) change).job())));
        }
        int group = g;
        return sessions.get(group).apply(change).thenApply(diff -> {
            DayPlan before = merged(group, diff.before());
            DayPlan after = merged(group, diff.after());
            return new PlanDiff(before == null ? diff.before() : before, after == null ? diff.after() : after, diff.changes());
        });
    }

    private int knownGroup(JobId job) {
        int g = groups.groupOf(job);
        if (g >= 0) {
            return g;
        }
        DispatchJob live = liveJobs.get(job);
        return live == null || groups.nobody().contains(live) ? -1 : Math.max(0, groups.groupFor(live));
    }

    @Override
    public void stop() {
        sessions.forEach(SolverSession::stop);
    }
}
