package io.github.geodispatch.dispatch;

import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.TechnicianId;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A job placed in a technician's route: where and when, who did it, and — when the dispatcher overrode
 * the recommendation — the reason and the waived rules ({@code overrideReason == null} means the
 * recommendation was taken). The host records it on the job as {@code JobAssigned(technician,
 * overrideReason)}. Immutable and thread-safe.
 */
public record Assignment(JobId job, TechnicianId technician, Insertion insertion, String overrideReason,
                         Set<RejectionReason> waived, Actor by, Instant at) {
    public Assignment {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(technician, "technician");
        Objects.requireNonNull(insertion, "insertion");
        waived = Set.copyOf(waived);
        Objects.requireNonNull(by, "actor");
        Objects.requireNonNull(at, "at");
    }

    public boolean overridden() {
        return overrideReason != null;
    }
}
