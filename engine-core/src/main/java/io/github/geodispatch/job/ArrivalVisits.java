package io.github.geodispatch.job;

import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.TechnicianId;

import java.time.Instant;
import java.util.List;

/**
 * Where the job record looks up the geofence visits that may prove an ARRIVED. {@code GeoDispatch} backs it with
 * its visit tracker (open visits included, and with the business's policy for visits built from suspect pings
 * applied: a refused visit is not returned, a flagged one is returned with its signals). A host running the job
 * record alone gives its own, or keeps {@link #none()} and records arrivals by dispatcher override only.
 * Implementations must be thread-safe and quick (a command waits for them).
 */
@FunctionalInterface
public interface ArrivalVisits {

    /**
     * The visits of {@code technician} at {@code site} (its SITE fence) that overlap {@code [from, to]}, a visit
     * still open included, in order of entry.
     */
    List<ArrivalEvidence.Visit> visits(TechnicianId technician, SiteId site, Instant from, Instant to);

    /** No visits are known: only an override proves an arrival. */
    static ArrivalVisits none() {
        return (technician, site, from, to) -> List.of();
    }
}
