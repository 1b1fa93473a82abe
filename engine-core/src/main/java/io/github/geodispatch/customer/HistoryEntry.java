package io.github.geodispatch.customer;

import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of a service history: when, which job (null for a site visit no job explains), what kind of fact,
 * a short description, and the money involved (null when none). Immutable and thread-safe.
 */
public record HistoryEntry(Instant at, JobId job, Kind kind, String detail, Money amount) {
    /** The facts a history lists. */
    public enum Kind {
        /** A job was created (its type and issue). */
        JOB_CREATED,
        /** A job was completed. */
        JOB_COMPLETED,
        /** A job was cancelled. */
        JOB_CANCELLED,
        /** A technician's stay at the site (from the geofence). */
        SITE_VISIT,
        /** A part used on a job. */
        PART_USED,
        /** A payment recorded on a job. */
        PAYMENT,
        /** A job's invoice handed to accounts. */
        INVOICE,
        /** A leakage finding on a job. */
        FINDING
    }

    public HistoryEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
    }
}
