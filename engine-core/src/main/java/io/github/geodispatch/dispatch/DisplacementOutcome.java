package io.github.geodispatch.dispatch;

import io.github.geodispatch.spi.JobId;

import java.util.Objects;

/**
 * What accepting a {@link Displacement} did: the emergency's assignment, the displaced job's new
 * assignment ({@code null} when nobody could take it: {@code unplaced} names it for rescheduling).
 * Immutable and thread-safe.
 */
public record DisplacementOutcome(Assignment emergency, Assignment moved, JobId unplaced) {
    public DisplacementOutcome {
        Objects.requireNonNull(emergency, "emergency assignment");
        if ((moved == null) == (unplaced == null)) {
            throw new IllegalArgumentException("exactly one of moved and unplaced is set");
        }
    }
}
