package io.github.geodispatch.dispatch.plan;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When a solve stops: after {@code timeLimit} at the latest, earlier if the best plan has not improved
 * for {@code unimprovedLimit} (when given). Immutable and thread-safe.
 *
 * @param timeLimit hard limit on solving time, positive
 * @param unimprovedLimit stop early after this long without a better plan; {@code null} for never
 */
public record PlanTermination(Duration timeLimit, Duration unimprovedLimit) {
    public PlanTermination {
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isZero() || timeLimit.isNegative()) {
            throw new IllegalArgumentException("time limit must be positive, was " + timeLimit);
        }
        if (unimprovedLimit != null && (unimprovedLimit.isZero() || unimprovedLimit.isNegative())) {
            throw new IllegalArgumentException("unimproved limit must be positive, was " + unimprovedLimit);
        }
    }

    /** Solve for exactly this long (unless terminated early by the caller). */
    public static PlanTermination after(Duration timeLimit) {
        return new PlanTermination(timeLimit, null);
    }

    /** The same time limit, also stopping once the best plan has not improved for {@code limit}. */
    public PlanTermination orWhenUnimprovedFor(Duration limit) {
        return new PlanTermination(timeLimit, Objects.requireNonNull(limit, "limit"));
    }

    public Optional<Duration> unimproved() {
        return Optional.ofNullable(unimprovedLimit);
    }
}
