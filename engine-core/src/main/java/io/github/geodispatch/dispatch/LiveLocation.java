package io.github.geodispatch.dispatch;

import io.github.geodispatch.spi.GeoPoint;

import java.time.Instant;
import java.util.Objects;

/** Where a technician's phone last reported itself, and when. Immutable and thread-safe. */
public record LiveLocation(GeoPoint point, Instant at) {
    public LiveLocation {
        Objects.requireNonNull(point, "live location point");
        Objects.requireNonNull(at, "live location time");
    }
}
