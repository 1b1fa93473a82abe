package io.github.geodispatch.dispatch;

import io.github.geodispatch.spi.GeoPoint;

import java.util.Set;

/**
 * Resolves SERVICE_AREA fences: which of them contain a point. A host wires the geofence index here;
 * {@link #NONE} knows no fences. Called once per {@code recommend}. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ServiceAreaFences {
    /** Knows no fences: technicians whose areas are fence ids only are outside everywhere. */
    ServiceAreaFences NONE = point -> Set.of();

    /** Ids of the SERVICE_AREA fences containing {@code point}. */
    Set<String> fencesAt(GeoPoint point);
}
