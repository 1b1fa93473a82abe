package io.github.geodispatch.dispatch;

import java.time.Instant;
import java.util.Objects;

/**
 * One stop on a technician's route today: the job, the expected arrival ({@code eta}; for a started
 * visit, when work started), whether it is pinned (committed to the customer: other work may not delay
 * it) and whether work has started (started visits are pinned and lead the route). Immutable and
 * thread-safe.
 */
public record Visit(DispatchJob job, Instant eta, boolean pinned, boolean started) {
    public Visit {
        Objects.requireNonNull(job, "visit job");
        Objects.requireNonNull(eta, "eta of visit to job " + job.id());
        if (started && !pinned) {
            throw new IllegalArgumentException("started visit to job " + job.id() + " must be pinned");
        }
    }

    /** A planned, unpinned visit. */
    public static Visit planned(DispatchJob job, Instant eta) {
        return new Visit(job, eta, false, false);
    }
}
