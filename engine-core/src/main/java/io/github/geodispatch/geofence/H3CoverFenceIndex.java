package io.github.geodispatch.geofence;

import io.github.geodispatch.spi.GeoPoint;
import com.uber.h3core.util.LatLng;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link FenceIndex} over H3 cell covers keyed by the pure-Java {@link H3Lattice} position of each cell.
 * Readers: one volatile read, one lattice rounding, one lock-free map probe (skipped when the probe's
 * cached cell still applies), then exact tests on boundary fences only. Writers compute the cover
 * outside any lock, then swap the affected cell entries copy-on-write under the writer lock and bump
 * the version. Thread-safe.
 */
final class H3CoverFenceIndex implements FenceIndex {
    /** Safety margin (1 mm) added to every cover classification, in radians of arc. */
    private static final double DELTA_RADIANS = 0.001 / GeoPoint.EARTH_RADIUS_M;
    /** Upper bound of the gnomonic stretch inside a face (1 / cos^2 of the face circumradius, 37.4 degrees). */
    private static final double MAX_STRETCH = 1.6;

    private final H3Lattice lattice;
    private final CellMap cells = new CellMap();
    private final ConcurrentHashMap<FenceId, Registered> fences = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();
    private volatile long version;

    private record Registered(CompiledFence compiled, long[] interiorKeys, long[] boundaryKeys) {}

    H3CoverFenceIndex(int resolution) {
        this.lattice = new H3Lattice(H3Runtime.h3(), resolution);
    }

    @Override
    public void add(Fence fence) {
        Objects.requireNonNull(fence, "fence");
        if (fences.containsKey(fence.id())) {
            throw new IllegalArgumentException("fence " + fence.id() + " is already in the index");
        }
        CompiledFence compiled = CompiledFence.of(fence);
        Registered r = cover(compiled);
        synchronized (writeLock) {
            if (fences.putIfAbsent(fence.id(), r) != null) {
                throw new IllegalArgumentException("fence " + fence.id() + " is already in the index");
            }
            for (long key : r.interiorKeys) {
                CellEntry e = cells.get(key);
                cells.put(e == null ? CellEntry.of(key, compiled, true) : e.with(compiled, true));
            }
            for (long key : r.boundaryKeys) {
                CellEntry e = cells.get(key);
                cells.put(e == null ? CellEntry.of(key, compiled, false) : e.with(compiled, false));
            }
            version++;
        }
    }

    @Override
    public boolean remove(FenceId id) {
        Objects.requireNonNull(id, "fence id");
        synchronized (writeLock) {
            Registered r = fences.remove(id);
            if (r == null) {
                return false;
            }
            for (long[] keys : new long[][] {r.interiorKeys, r.boundaryKeys}) {
                for (long key : keys) {
                    CellEntry e = cells.get(key);
                    if (e != null) {
                        cells.put(e.without(r.compiled));
                    }
                }
            }
            version++;
            return true;
        }
    }

    @Override
    public Optional<Fence> fence(FenceId id) {
        Registered r = fences.get(id);
        return r == null ? Optional.empty() : Optional.of(r.compiled.fence);
    }

    @Override
    public int size() {
        return fences.size();
    }

    @Override
    public List<Fence> fencesAt(GeoPoint point) {
        PointProbe probe = new PointProbe();
        probe.set(point.lat(), point.lng());
        CellEntry e = cells.get(keyOf(probe));
        List<Fence> out = new ArrayList<>();
        if (e != null) {
            for (int i = 0; i < e.count; i++) {
                if (e.contains(i, probe)) {
                    out.add(e.fences[i].fence);
                }
            }
        }
        return out;
    }

    @Override
    public Optional<FenceCover> cover(FenceId id) {
        Registered r = fences.get(id);
        if (r == null) {
            return Optional.empty();
        }
        return Optional.of(new FenceCover(id, lattice.resolution(), cellIds(r.interiorKeys), cellIds(r.boundaryKeys)));
    }

    private long[] cellIds(long[] keys) {
        long[] out = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            out[i] = lattice.cellOf(keys[i]);
        }
        return out;
    }

    @Override
    public int resolution() {
        return lattice.resolution();
    }

    /**
     * Makes the probe's current cell the one holding its point (set with {@link PointProbe#set}), from
     * the probe's memory when it holds that cell under the current version, else from the cell map.
     * Allocation-free.
     */
    void locate(CachingProbe p) {
        long v = version;
        long key = keyOf(p);
        if (!p.recall(key, v)) {
            p.remember(key, cells.get(key));
        }
    }

    /** The lattice key of the probe's cell (fast path first, H3 near edges); remembers it in the probe. */
    private long keyOf(PointProbe p) {
        long key = lattice.fastKey(p.x, p.y, p.z, p.lastKey == H3Lattice.NO_KEY ? 0 : H3Lattice.face(p.lastKey));
        if (key == H3Lattice.NO_KEY) {
            key = lattice.keyViaH3(p.lat, p.lng);
        }
        p.lastKey = key;
        return key;
    }

    // ---- cover computation --------------------------------------------------------------------

    private Registered cover(CompiledFence f) {
        double lat, lng, reach;
        Classifier classifier;
        if (f instanceof CompiledFence.CircleFence c) {
            lat = c.lat;
            lng = c.lng;
            reach = c.radiusRadians;
            classifier = (cLat, cLng, rho) -> {
                double[] u = H3Lattice.unit(cLat, cLng);
                double d = angle(u[0], u[1], u[2], c.cx, c.cy, c.cz);
                if (d + rho <= c.radiusRadians - DELTA_RADIANS) {
                    return INTERIOR;
                }
                return d <= c.radiusRadians + rho + DELTA_RADIANS ? BOUNDARY : OUTSIDE;
            };
        } else {
            CompiledFence.PolygonFence pf = (CompiledFence.PolygonFence) f;
            Envelope env = pf.geometry.getEnvelopeInternal();
            lat = (env.getMinY() + env.getMaxY()) / 2;
            lng = (env.getMinX() + env.getMaxX()) / 2;
            reach = 0;
            for (double[] corner : new double[][] {{env.getMinY(), env.getMinX()}, {env.getMinY(), env.getMaxX()},
                    {env.getMaxY(), env.getMinX()}, {env.getMaxY(), env.getMaxX()}}) {
                reach = Math.max(reach, GeoPoint.haversineMetres(lat, lng, corner[0], corner[1]) / GeoPoint.EARTH_RADIUS_M);
            }
            IndexedFacetDistance boundaryDistance = new IndexedFacetDistance(pf.geometry.getBoundary());
            Coordinate probe = new Coordinate();
            classifier = (cLat, cLng, rho) -> {
                probe.x = cLng;
                probe.y = cLat;
                // a disc of rho radians around (cLat, cLng) lies within this many degrees in lng/lat space
                double rhoDeg = Math.toDegrees(rho + DELTA_RADIANS) * 1.01 / Math.cos(Math.min(Math.toRadians(89),
                        Math.toRadians(Math.abs(cLat)) + rho));
                boolean inside = pf.locator.locate(probe) != Location.EXTERIOR;
                double d = boundaryDistance.distance(FenceShapes.FACTORY.createPoint(probe));
                if (inside && d > rhoDeg) {
                    return INTERIOR;
                }
                return inside || d <= rhoDeg ? BOUNDARY : OUTSIDE;
            };
        }
        LongList interior = new LongList();
        LongList boundary = new LongList();
        double rho = lattice.cellRadiusRadians();
        int rings = (int) Math.ceil((reach + rho) * MAX_STRETCH / (lattice.spacingRadians() * Math.sqrt(3) / 2)) + 1;
        if (lattice.farFromFaceEdges(lat, lng, reach + 2 * rho)) {
            long k0 = lattice.key(lat, lng);
            for (int da = -rings; da <= rings; da++) {
                for (int db = Math.max(-rings, -da - rings); db <= Math.min(rings, -da + rings); db++) {
                    long key = H3Lattice.offset(k0, da, db);
                    double[] centre = lattice.centre(key);
                    classify(classifier.classify(centre[0], centre[1], rho), key, interior, boundary);
                }
            }
        } else {
            // near an icosahedron edge cells are not one face's hexagons: ask H3, with a generous cell radius
            long cell0 = H3Runtime.h3().latLngToCell(lat, lng, lattice.resolution());
            for (long cell : H3Runtime.h3().gridDisk(cell0, rings + 1)) {
                LatLng centre = H3Runtime.h3().cellToLatLng(cell);
                classify(classifier.classify(centre.lat, centre.lng, 2 * lattice.spacingRadians()),
                        lattice.keyOfCell(cell), interior, boundary);
            }
        }
        return new Registered(f, interior.toArray(), boundary.toArray());
    }

    private static final int OUTSIDE = 0, BOUNDARY = 1, INTERIOR = 2;

    private static void classify(int kind, long key, LongList interior, LongList boundary) {
        if (kind == INTERIOR) {
            interior.add(key);
        } else if (kind == BOUNDARY) {
            boundary.add(key);
        }
    }

    @FunctionalInterface
    private interface Classifier {
        /** OUTSIDE, BOUNDARY or INTERIOR for a cell centred at (lat, lng) with radius {@code rho} radians. */
        int classify(double lat, double lng, double rho);
    }

    /** Angle between two unit vectors, accurate for small angles. */
    static double angle(double ax, double ay, double az, double bx, double by, double bz) {
        double cx = ay * bz - az * by, cy = az * bx - ax * bz, cz = ax * by - ay * bx;
        return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), ax * bx + ay * by + az * bz);
    }

    private static final class LongList {
        private long[] a = new long[32];
        private int n;

        void add(long v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
