package io.github.geodispatch.spi;

/**
 * A WGS84 position in degrees. Rejects NaN, infinities and out-of-range values; a zero of either sign is
 * stored as {@code +0.0}. Immutable and thread-safe.
 */
public record GeoPoint(double lat, double lng) {
    /** Mean Earth radius used by {@link #distanceMetres(GeoPoint)}, in metres. */
    public static final double EARTH_RADIUS_M = 6_371_008.8;

    public GeoPoint {
        if (!Double.isFinite(lat) || lat < -90.0 || lat > 90.0) {
            throw new IllegalArgumentException("latitude must be a finite number in [-90, 90], was " + lat);
        }
        if (!Double.isFinite(lng) || lng < -180.0 || lng > 180.0) {
            throw new IllegalArgumentException("longitude must be a finite number in [-180, 180], was " + lng);
        }
        // -0.0 is the same place as 0.0, but not equal to it and printed differently; databases (jsonb,
        // numeric) cannot keep the sign of zero, so normalise it here to keep stored events' hashes stable
        lat = lat == 0.0 ? 0.0 : lat;
        lng = lng == 0.0 ? 0.0 : lng;
    }

    public static GeoPoint of(double lat, double lng) {
        return new GeoPoint(lat, lng);
    }

    /** Great-circle (haversine) distance in metres. */
    public double distanceMetres(GeoPoint other) {
        return haversineMetres(lat, lng, other.lat, other.lng);
    }

    /** Haversine distance in metres between two positions given in degrees; allocation-free. */
    public static double haversineMetres(double lat1, double lng1, double lat2, double lng2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLng = Math.toRadians(lng2 - lng1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }

    /**
     * The latitude band, in degrees either side of a point, that holds every point within {@code metres} of it: a
     * search by latitude range in this band misses none of them. Two points' great-circle distance is at least the
     * earth's radius times their latitude difference; the band's small margin keeps a point at exactly
     * {@code metres} inside despite rounding.
     */
    public static double latitudeBandDegrees(double metres) {
        return Math.toDegrees(metres / EARTH_RADIUS_M) * (1 + 1e-9) + 1e-12;
    }
}
