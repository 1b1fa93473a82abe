package io.github.geodispatch.geofence.internal;
import org.locationtech.jts.geom.Coordinate;

/**
 * Scratch space for one point query: the point in degrees and as a unit vector, a reusable JTS
 * coordinate (filled by the polygon test that needs it), and the key of the last cell located (its face is the search hint for
 * the next one). Owned by one thread at a time. Not thread-safe; {@link CachingProbe} adds a cell cache.
 */
class PointProbe {
    double lat;
    double lng;
    double x;
    double y;
    double z;
    final Coordinate coordinate = new Coordinate();
    long lastKey = H3Lattice.NO_KEY;

    void set(double lat, double lng) {
        this.lat = lat;
        this.lng = lng;
        double la = Math.toRadians(lat);
        double lo = Math.toRadians(lng);
        double cl = Math.cos(la);
        x = cl * Math.cos(lo);
        y = cl * Math.sin(lo);
        z = Math.sin(la);
    }
}
