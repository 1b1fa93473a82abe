package io.github.geodispatch.geofence;

import org.locationtech.jts.geom.Coordinate;

/**
 * Scratch space for one point query: the point in degrees and as a unit vector, a reusable JTS
 * coordinate, and a small cache of recently used cells (key and entry, valid while the index version is
 * unchanged). Owned by one thread at a time (a technician's state, under its lock). Not thread-safe.
 */
final class PointProbe {
    double lat;
    double lng;
    double x;
    double y;
    double z;
    final Coordinate coordinate = new Coordinate();

    /** The last key computed (its face is the hint for the next lookup). */
    long lastKey = H3Lattice.NO_KEY;
    /** A few recently used cells (a dwelling technician's jitter spans 2-3 cells), valid for {@code cachedVersion}. */
    final long[] cachedKeys = new long[CACHED_CELLS];
    final CellEntry[] cachedEntries = new CellEntry[CACHED_CELLS];
    long cachedVersion = -1;
    int nextSlot;
    static final int CACHED_CELLS = 4;

    /** Matching fences of the last query. */
    CompiledFence[] found = new CompiledFence[8];
    int foundCount;

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

    void addFound(CompiledFence fence) {
        if (foundCount == found.length) {
            found = java.util.Arrays.copyOf(found, found.length * 2);
        }
        found[foundCount++] = fence;
    }
}
