package io.github.geodispatch.dispatch.plan;

import java.time.Instant;
import java.util.Objects;

import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.TechnicianId;

/**
 * What happened to one job between two plans: where it was ({@code from}, {@code null} = unassigned or
 * not yet known) and where it is now ({@code to}, {@code null} = unassigned), with both ETAs.
 * Immutable and thread-safe.
 */
public record VisitChange(JobId job, Kind kind, TechnicianId from, Instant fromEta, TechnicianId to, Instant toEta) {
    /** The kind of change. */
    public enum Kind {
        /** Newly planned: it was unassigned or not in the earlier plan. */
        PLANNED,
        /** Now unassigned. */
        DROPPED,
        /** Moved to another technician. */
        MOVED,
        /** Same technician, another time. */
        RETIMED
    }

    public VisitChange {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(kind, "kind");
    }

    @Override
    public String toString() {
        return switch (kind) {
            case PLANNED -> job + ": planned for " + to + " at " + toEta;
            case DROPPED -> job + ": dropped from " + from + " (was " + fromEta + "), now unassigned";
            case MOVED -> job + ": moved from " + from + " (" + fromEta + ") to " + to + " (" + toEta + ")";
            case RETIMED -> job + ": " + to + " now at " + toEta + " (was " + fromEta + ")";
        };
    }
}
