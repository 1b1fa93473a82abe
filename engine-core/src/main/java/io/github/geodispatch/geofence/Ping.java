package io.github.geodispatch.geofence;

import io.github.geodispatch.spi.CalendarRange;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.TechnicianId;

import java.time.Instant;
import java.util.Objects;

/**
 * One position report from a technician's phone. {@code pingId} is the idempotency key (a replayed
 * ping changes nothing); {@code accuracyM} is the phone's reported horizontal accuracy (68% radius, metres);
 * {@code mockLocation} is the device's mock-location flag. Immutable and thread-safe.
 */
public record Ping(String pingId, TechnicianId technician, Instant at, GeoPoint point, double accuracyM,
                   boolean mockLocation) {
    public Ping {
        if (pingId == null || pingId.isBlank() || pingId.length() > 128) {
            throw new IllegalArgumentException("ping id must be 1-128 non-blank chars, was '" + pingId + "'");
        }
        Objects.requireNonNull(technician, "technician");
        CalendarRange.require(at, "ping time");
        Objects.requireNonNull(point, "ping point");
        if (!Double.isFinite(accuracyM) || accuracyM < 0) {
            throw new IllegalArgumentException("ping accuracy must be a finite number >= 0 metres, was " + accuracyM);
        }
    }

    public Ping(String pingId, TechnicianId technician, Instant at, GeoPoint point, double accuracyM) {
        this(pingId, technician, at, point, accuracyM, false);
    }
}
