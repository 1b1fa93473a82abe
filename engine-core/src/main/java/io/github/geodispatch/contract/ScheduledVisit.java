package io.github.geodispatch.contract;

import java.util.Objects;

/** A preventive visit and where it stands on the day asked. Immutable and thread-safe. */
public record ScheduledVisit(DueVisit visit, VisitStatus status) {
    public ScheduledVisit {
        Objects.requireNonNull(visit, "visit");
        Objects.requireNonNull(status, "status");
    }
}
