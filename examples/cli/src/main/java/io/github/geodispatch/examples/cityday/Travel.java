package io.github.geodispatch.examples.cityday;

import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.TravelEstimate;
import io.github.geodispatch.spi.TravelTimes;

import java.time.Duration;

/**
 * Bengaluru driving for the simulation: haversine distance times a road factor of 1.35 at 20 km/h, the
 * speed of a two-wheeler in daytime traffic. Stateless and thread-safe.
 */
final class Travel implements TravelTimes {
    static final double ROAD_FACTOR = 1.35;
    static final double SPEED_KMH = 20.0;

    @Override
    public TravelEstimate between(GeoPoint from, GeoPoint to) {
        double metres = from.distanceMetres(to) * ROAD_FACTOR;
        long seconds = Math.round(metres / (SPEED_KMH / 3.6));
        return new TravelEstimate(Duration.ofSeconds(seconds), metres);
    }
}
