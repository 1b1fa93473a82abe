package io.github.geodispatch.geofence.internal;
import io.github.geodispatch.geofence.GeofenceListener;
import java.time.InstantSource;
import java.util.List;

/**
 * A visit tracker's settings with every default applied, handed from {@code VisitTracker.Builder} to the
 * tracker. Times in milliseconds. Immutable.
 */
public record TrackerSettings(H3CoverFenceIndex index, InstantSource clock, double maxAccuracyM, long maxSkewMillis,
        long dwellMillis, long reorderMillis, long exitAfterMillis, int exitPings, double maxSpeedKmh,
        int repeatedCoordinatePings, long visitRetentionMillis, List<GeofenceListener> listeners) {
    public TrackerSettings {
        listeners = List.copyOf(listeners);
    }
}
