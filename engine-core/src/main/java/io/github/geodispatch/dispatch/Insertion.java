package io.github.geodispatch.dispatch;

import io.github.geodispatch.spi.JobId;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a job goes in a technician's route: at {@code position} among the route's visits (0 = first),
 * after job {@code after} ({@code null} = straight from where the technician is) and before job
 * {@code before} ({@code null} = last of the day); when the technician arrives ({@code eta}), starts and
 * ends the work. Immutable and thread-safe.
 */
public record Insertion(int position, JobId after, JobId before, Instant eta, Instant start, Instant end) {
    public Insertion {
        if (position < 0) {
            throw new IllegalArgumentException("insertion position must be >= 0, was " + position);
        }
        Objects.requireNonNull(eta, "eta");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.isBefore(eta) || end.isBefore(start)) {
            throw new IllegalArgumentException("insertion times out of order: eta " + eta + ", start " + start + ", end " + end);
        }
    }
}
