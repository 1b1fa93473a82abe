package io.github.geodispatch.messaging;

import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.TechnicianId;
import java.time.Instant;
import java.util.Objects;

/**
 * "Where is my technician?": the job's technician and status, their last reported position and when (null before any
 * ping), and, while they are on the way, the expected arrival (null otherwise or before a position is known).
 * Immutable and thread-safe.
 */
public record TechnicianWhereabouts(JobId job, TechnicianId technician, JobStatus status, GeoPoint position,
                                    Instant positionAt, Instant expectedArrival) {
    public TechnicianWhereabouts {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(technician, "technician");
        Objects.requireNonNull(status, "status");
        if ((position == null) != (positionAt == null)) {
            throw new IllegalArgumentException("a position comes with its time");
        }
    }
}
