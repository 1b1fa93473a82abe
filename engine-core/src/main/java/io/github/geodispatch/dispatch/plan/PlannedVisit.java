package io.github.geodispatch.dispatch.plan;

import java.time.Instant;
import java.util.Objects;

import io.github.geodispatch.spi.JobId;

/**
 * One visit of a planned route: the job, when work starts ({@code eta}) and ends, and whether the
 * planner was free to move it ({@code fixed}: started or pinned visits are not). Immutable and thread-safe.
 */
public record PlannedVisit(JobId job, Instant eta, Instant end, boolean fixed) {
    public PlannedVisit {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(eta, "eta");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(eta)) {
            throw new IllegalArgumentException("visit to job " + job + " ends before it starts");
        }
    }
}
