package io.github.geodispatch.spi;

import java.time.Duration;
import java.util.Objects;

/** How long and how far from one point to another by road. */
public record TravelEstimate(Duration duration, double distanceMetres) {
    public TravelEstimate {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("travel duration must not be negative, was " + duration);
        }
        if (!Double.isFinite(distanceMetres) || distanceMetres < 0) {
            throw new IllegalArgumentException("travel distance must be finite and >= 0, was " + distanceMetres);
        }
    }
}
