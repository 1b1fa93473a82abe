package io.github.geodispatch.geofence;

import io.github.geodispatch.spi.TechnicianId;

import java.time.Instant;
import java.util.List;

/**
 * The completed visits, for audits (the leakage rules' GHOST_VISIT asks: was this technician at this site
 * between these instants?): each technician's visits that ended within the tracker's visit retention
 * (default 35 days) of the end of their newest one. Thread-safe; results are snapshots sorted by entry time.
 */
public interface VisitLog {
    /** Visits of {@code technician} overlapping [from, to). */
    List<SiteVisit> visits(TechnicianId technician, Instant from, Instant to);

    /** Visits of {@code technician} at {@code fence} overlapping [from, to). */
    List<SiteVisit> visits(TechnicianId technician, FenceId fence, Instant from, Instant to);

    /** Every visit the log keeps, in {@link SiteVisit#ORDER} (technician, then entry time, then fence). */
    List<SiteVisit> all();
}
