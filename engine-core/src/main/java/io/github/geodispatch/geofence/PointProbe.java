package io.github.geodispatch.geofence;

import org.locationtech.jts.geom.Coordinate;

/**
 * Scratch space for one point query: the point in degrees and as a unit vector, a reusable JTS
 * coordinate (for polygon tests), and the two most recently used cells (key and entry, valid while the
 * index version is unchanged: a dwelling technician's GPS jitter mostly stays within two cells). Owned by
 * one thread at a time (a technician's state, under its lock). Not thread-safe.
 */
final class PointProbe {
    double lat;
    double lng;
    double x;
    double y;
    double z;
    final Coordinate coordinate = new Coordinate();

    /** The last key computed (its face is the search hint for the next one). */
    long lastKey = H3Lattice.NO_KEY;
    long cachedVersion = -1;
    long key0 = H3Lattice.NO_KEY;
    long key1 = H3Lattice.NO_KEY;
    CellEntry entry0;
    CellEntry entry1;

    void set(double lat, double lng) {
        this.lat = lat;
        this.lng = lng;
        double la = Math.toRadians(lat);
        double lo = Math.toRadians(lng);
        double cl = Math.cos(la);
        x = cl * Math.cos(lo);
        y = cl * Math.sin(lo);
        z = Math.sin(la);
        coordinate.x = lng;
        coordinate.y = lat;
    }
}
