package io.github.geodispatch.dispatch.plan;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When a solve stops: after {@code timeLimit} at the latest, earlier if the best plan has not improved
 * for {@code unimprovedLimit} (when given), or once the local search has taken {@code stepLimit} steps (when
 * given). A step limit that is reached before the time limit makes a seeded solve repeatable, whatever the
 * machine's speed. Immutable and thread-safe.
 *
 * @param timeLimit hard limit on solving time, positive
 * @param unimprovedLimit stop early after this long without a better plan; {@code null} for never
 * @param stepLimit stop after this many local-search steps; {@code null} for no limit
 */
public record PlanTermination(Duration timeLimit, Duration unimprovedLimit, Integer stepLimit) {
    public PlanTermination {
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isZero() || timeLimit.isNegative()) {
            throw new IllegalArgumentException("time limit must be positive, was " + timeLimit);
        }
        if (unimprovedLimit != null && (unimprovedLimit.isZero() || unimprovedLimit.isNegative())) {
            throw new IllegalArgumentException("unimproved limit must be positive, was " + unimprovedLimit);
        }
        if (stepLimit != null && stepLimit <= 0) {
            throw new IllegalArgumentException("step limit must be positive, was " + stepLimit);
        }
    }

    /** A time limit and an optional unimproved-time limit, no step limit. */
    public PlanTermination(Duration timeLimit, Duration unimprovedLimit) {
        this(timeLimit, unimprovedLimit, null);
    }

    /** Solve for exactly this long (unless terminated early by the caller). */
    public static PlanTermination after(Duration timeLimit) {
        return new PlanTermination(timeLimit, null);
    }

    /** The same time limit, also stopping once the best plan has not improved for {@code limit}. */
    public PlanTermination orWhenUnimprovedFor(Duration limit) {
        return new PlanTermination(timeLimit, Objects.requireNonNull(limit, "limit"), stepLimit);
    }

    /** The same limits, also stopping once the local search has taken {@code steps} steps. */
    public PlanTermination orAfterSteps(int steps) {
        return new PlanTermination(timeLimit, unimprovedLimit, steps);
    }

    public Optional<Integer> steps() {
        return Optional.ofNullable(stepLimit);
    }

    public Optional<Duration> unimproved() {
        return Optional.ofNullable(unimprovedLimit);
    }
}
