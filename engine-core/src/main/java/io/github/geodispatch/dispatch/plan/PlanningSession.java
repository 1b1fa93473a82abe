package io.github.geodispatch.dispatch.plan;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A running solve of one day. Every method may be called from any thread; progress callbacks and
 * futures complete on the solving thread.
 */
public interface PlanningSession {

    /** The final plan, once solving ends (time limit, {@link #stop()}, or early termination). */
    CompletableFuture<DayPlan> result();

    /** The best plan found so far, if the construction phase has placed every visit once. */
    Optional<DayPlan> bestSoFar();

    /**
     * Hands a live change to the running solver. The future completes with the diff from the best plan
     * before the change to the first better plan that has absorbed it (a new job placed, an absent
     * technician's visits moved away), or to the final plan if solving ends first (the new job may then
     * be unassigned). It fails if the change names an unknown job or technician, or if solving ended
     * before the solver took the change in.
     */
    CompletableFuture<PlanDiff> apply(PlanChange change);

    /** Asks the solver to stop; {@link #result()} then completes with the best plan so far. */
    void stop();
}
