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
     * before the change to the first complete plan that includes it; it fails if solving ends first or
     * the change names an unknown job or technician.
     */
    CompletableFuture<PlanDiff> apply(PlanChange change);

    /** Asks the solver to stop; {@link #result()} then completes with the best plan so far. */
    void stop();
}
