package io.github.geodispatch.dispatch;

import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.TravelEstimate;
import io.github.geodispatch.spi.TravelTimes;

import java.time.Duration;
import java.util.List;

/**
 * The default travel model: great-circle (haversine) distance times a road factor, driven at a city
 * speed, rounded up to whole seconds. Defaults: road factor 1.4, 20 km/h (Indian metro traffic).
 * Configure with {@link #builder()}. Immutable and thread-safe.
 */
public final class HaversineTravelTimes implements TravelTimes {
    /** Default ratio of road distance to straight-line distance. */
    public static final double DEFAULT_ROAD_FACTOR = 1.4;
    /** Default average driving speed in km/h. */
    public static final double DEFAULT_SPEED_KMH = 20.0;

    private static final HaversineTravelTimes DEFAULT = new HaversineTravelTimes(DEFAULT_ROAD_FACTOR, DEFAULT_SPEED_KMH);

    private final double roadFactor;
    private final double speedKmh;
    private final double secondsPerMetre;

    private HaversineTravelTimes(double roadFactor, double speedKmh) {
        this.roadFactor = roadFactor;
        this.speedKmh = speedKmh;
        this.secondsPerMetre = roadFactor * 3.6 / speedKmh;
    }

    /** Road factor 1.4 at 20 km/h. */
    public static HaversineTravelTimes defaults() {
        return DEFAULT;
    }

    public static Builder builder() {
        return new Builder();
    }

    public double roadFactor() {
        return roadFactor;
    }

    public double speedKmh() {
        return speedKmh;
    }

    @Override
    public TravelEstimate between(GeoPoint from, GeoPoint to) {
        double straight = from.distanceMetres(to);
        return new TravelEstimate(Duration.ofSeconds(secondsFor(straight)), straight * roadFactor);
    }

    @Override
    public long seconds(GeoPoint from, GeoPoint to) {
        return secondsFor(from.distanceMetres(to));
    }

    /** Travel seconds between two positions in degrees; allocation-free. */
    public long seconds(double lat1, double lng1, double lat2, double lng2) {
        return secondsFor(GeoPoint.haversineMetres(lat1, lng1, lat2, lng2));
    }

    /** Every pair's {@link #seconds(GeoPoint, GeoPoint)}, without an estimate object per pair. */
    @Override
    public long[][] secondsMatrix(List<GeoPoint> origins, List<GeoPoint> destinations) {
        long[][] matrix = new long[origins.size()][destinations.size()];
        for (int i = 0; i < origins.size(); i++) {
            GeoPoint from = origins.get(i);
            for (int j = 0; j < destinations.size(); j++) {
                GeoPoint to = destinations.get(j);
                matrix[i][j] = seconds(from.lat(), from.lng(), to.lat(), to.lng());
            }
        }
        return matrix;
    }

    long secondsFor(double straightMetres) {
        return (long) Math.ceil(straightMetres * secondsPerMetre);
    }

    @Override
    public String toString() {
        return "HaversineTravelTimes[roadFactor=" + roadFactor + ", speedKmh=" + speedKmh + "]";
    }

    /** Sets the road factor and speed; each setter fails at once on a bad or repeated value. Not thread-safe. */
    public static final class Builder {
        private double roadFactor = Double.NaN;
        private double speedKmh = Double.NaN;

        private Builder() {}

        /** Ratio of road distance to straight-line distance, 1.0-3.0. */
        public Builder roadFactor(double factor) {
            if (!Double.isNaN(roadFactor)) {
                throw new IllegalStateException("road factor already set to " + roadFactor);
            }
            if (!Double.isFinite(factor) || factor < 1.0 || factor > 3.0) {
                throw new IllegalArgumentException("road factor must be in [1.0, 3.0], was " + factor);
            }
            roadFactor = factor;
            return this;
        }

        /** Average driving speed, in (0, 150] km/h. */
        public Builder speedKmh(double kmh) {
            if (!Double.isNaN(speedKmh)) {
                throw new IllegalStateException("speed already set to " + speedKmh);
            }
            if (!Double.isFinite(kmh) || kmh <= 0 || kmh > 150) {
                throw new IllegalArgumentException("speed must be in (0, 150] km/h, was " + kmh);
            }
            speedKmh = kmh;
            return this;
        }

        public HaversineTravelTimes build() {
            return new HaversineTravelTimes(Double.isNaN(roadFactor) ? DEFAULT_ROAD_FACTOR : roadFactor,
                    Double.isNaN(speedKmh) ? DEFAULT_SPEED_KMH : speedKmh);
        }
    }
}
