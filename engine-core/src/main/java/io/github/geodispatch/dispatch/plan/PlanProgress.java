package io.github.geodispatch.dispatch.plan;

import java.time.Duration;
import java.util.Objects;

/**
 * A progress event: the solver found a better plan after {@code elapsed}. Immutable and thread-safe.
 *
 * @param elapsed solving time so far
 * @param bestScore score of the new best plan
 * @param changesApplied how many live changes the solver has applied so far
 */
public record PlanProgress(Duration elapsed, PlanScore bestScore, int changesApplied) {
    public PlanProgress {
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(bestScore, "bestScore");
    }
}
