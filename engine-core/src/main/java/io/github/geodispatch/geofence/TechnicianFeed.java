package io.github.geodispatch.geofence;
import io.github.geodispatch.spi.TechnicianId;

/**
 * One technician's ping feed within a {@link VisitTracker}: a host holding a device connection keeps
 * the feed and hands it that device's pings, with no per-ping technician lookup. Same rules and
 * results as {@link VisitTracker#accept}. Thread-safe: the feed's own monitor is the technician's lock
 * (so that a ping touches one object less), hence a host must not synchronize on a feed.
 */
public interface TechnicianFeed {

    TechnicianId technician();

    /**
     * Ingests one ping of this technician, allocation-free: the position as raw degrees (validated like
     * {@code GeoPoint}), the time as epoch milliseconds. Duplicates and rejected pings change nothing.
     */
    PingOutcome accept(String pingId, long atEpochMillis, double lat, double lng, double accuracyM,
                       boolean mockLocation);
}
