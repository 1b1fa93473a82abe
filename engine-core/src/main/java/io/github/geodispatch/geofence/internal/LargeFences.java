package io.github.geodispatch.geofence.internal;
import io.github.geodispatch.geofence.Fence;
import io.github.geodispatch.spi.GeoPoint;
import org.locationtech.jts.geom.Location;
import java.util.List;

/**
 * Fences too large for cell covers (service areas up to a 50 km circle or a 1°×1° polygon: a cover at the
 * index's resolution would hold millions of cells), kept apart. Each is listed in the
 * {@value #TILE_DEGREES}° latitude/longitude tiles its bounds overlap, a few dozen at most. A technician's
 * probe classifies its point against the large fences of the 3 × 3 tiles around it once, together with the
 * distance over which that answer holds (to the nearest of their boundaries, at most to the edge of those
 * tiles, less a millimetre: far from fence boundaries, a tile's width at least), and reuses the
 * answer while its pings stay that close and the layer is unchanged: a ping deep inside or far outside a
 * large fence costs one squared distance, as a site fence's does. Near a boundary the answer holds over a
 * shorter distance and is recomputed more often (a circle: one distance; a polygon: JTS's indexed tests).
 *
 * <p>Thread-safe: readers take no lock (tiles are replaced copy-on-write and the version, written last,
 * publishes them); writers hold the index's writer lock.
 */
final class LargeFences {
    /** Tile size: about 28 km of latitude. A 50 km circle or a 1° polygon overlaps a few dozen tiles. */
    static final double TILE_DEGREES = 0.25;
    private static final int ROWS = (int) Math.round(180 / TILE_DEGREES), COLUMNS = (int) Math.round(360 / TILE_DEGREES);
    /** Margin taken off every distance over which an answer is reused (1 mm), in radians. */
    private static final double MARGIN_RADIANS = 0.001 / GeoPoint.EARTH_RADIUS_M;
    /** Squared chord of an answer that holds everywhere (no large fence at all): above any squared distance. */
    static final double EVERYWHERE = 5;

    private final CellMap tiles = new CellMap();
    /** Bumped by every change, after the tiles are replaced. */
    private volatile long version;
    private int count; // guarded by the index's writer lock

    /** Adds a large fence; the caller holds the index's writer lock. */
    void add(CompiledFence fence) {
        forEachTile(fence, key -> {
            CellEntry e = tiles.get(key);
            tiles.put(e == null ? CellEntry.of(key, fence, false) : e.with(fence, false));
        });
        count++;
        version++;
    }

    /** Removes a large fence added before; the caller holds the index's writer lock. */
    void remove(CompiledFence fence) {
        forEachTile(fence, key -> {
            CellEntry e = tiles.get(key);
            if (e != null) {
                tiles.put(e.without(fence));
            }
        });
        count--;
        version++;
    }

    /**
     * Makes the probe's large-fence answer hold for its point (set with {@link PointProbe#set}): kept when the
     * point is within the distance it holds over and the layer has not changed, else recomputed.
     */
    void locate(CachingProbe p) {
        long v = version;
        if (!p.largeAnswerHolds(v)) {
            classify(p, v);
        }
    }

    /** Adds the large fences containing the probe's point to {@code out} (the allocating query path). */
    void collect(PointProbe p, List<Fence> out) {
        CellEntry e = tiles.get(tileKey(row(p.lat), column(p.lng)));
        for (int i = 0; e != null && i < e.count; i++) {
            if (e.contains(i, p)) {
                out.add(e.fence(i).fence);
            }
        }
    }

    /** The probe's answer under version {@code v}: the large fences containing its point, and how far that holds. */
    private void classify(CachingProbe p, long v) {
        p.beginLargeAnswer(v);
        if (count == 0) { // racy read of a writer's field: a stale zero is followed by the version it wrote
            p.endLargeAnswer(EVERYWHERE);
            return;
        }
        // the fences listed in the 3 x 3 tiles around the point: the answer holds to the nearest of their
        // boundaries, and at most to the edge of those tiles (a fence listed in none of them is beyond it)
        double lng = p.lng == 180 ? -180 : p.lng; // the same meridian, in the first column
        int row = row(p.lat), column = column(lng);
        int firstRow = Math.max(0, row - 1), lastRow = Math.min(ROWS - 1, row + 1);
        double south = firstRow * TILE_DEGREES - 90, north = (lastRow + 1) * TILE_DEGREES - 90;
        double west = (column - 1) * TILE_DEGREES - 180, east = (column + 2) * TILE_DEGREES - 180;
        // the farthest latitude from the equator within the tiles: where a degree of longitude is shortest
        double cosMaxLat = Math.cos(Math.toRadians(Math.min(90, Math.max(Math.abs(south), Math.abs(north)))));
        double holds = Math.toRadians(Math.min(firstRow == 0 ? 180 : p.lat - south, lastRow == ROWS - 1 ? 180 : north - p.lat));
        double eastWest = Math.toRadians(Math.min(lng - west, east - lng));
        holds = Math.min(holds, Math.asin(Math.sin(Math.min(eastWest, Math.PI / 2)) * cosMaxLat));
        for (int r = firstRow; r <= lastRow; r++) {
            for (int c = column - 1; c <= column + 1; c++) {
                CellEntry e = tiles.get(tileKey(r, Math.floorMod(c, COLUMNS)));
                for (int i = 0; e != null && i < e.count; i++) {
                    holds = Math.min(holds, classify(p, e.fence(i), cosMaxLat));
                }
            }
        }
        holds -= MARGIN_RADIANS;
        p.endLargeAnswer(holds > 0 ? CompiledFence.chord2(holds) : 0);
    }

    /**
     * Adds {@code f} to the probe's answer if it contains the probe's point (once: a fence listed in several
     * tiles is met several times) and returns the radians from the point to its boundary, at least; {@code
     * cosMaxLat} is the cosine of the farthest latitude from the equator the answer may reach.
     */
    private static double classify(CachingProbe p, CompiledFence f, double cosMaxLat) {
        boolean inside;
        double toBoundary;
        if (f instanceof CompiledFence.CircleFence c) {
            double d = H3CoverFenceIndex.angle(p.x, p.y, p.z, c.cx, c.cy, c.cz);
            inside = c.contains(p);
            toBoundary = Math.abs(d - c.radiusRadians);
        } else {
            CompiledFence.PolygonFence pf = (CompiledFence.PolygonFence) f;
            // the point's longitude on the polygon's side of the antimeridian (no polygon crosses it), so that a
            // polygon just across it is near in lng/lat space, as it is on the ground
            double lng = p.lng, centre = (pf.minX + pf.maxX) / 2;
            lng += lng - centre > 180 ? -360 : centre - lng > 180 ? 360 : 0;
            // lng/lat degrees to radians along the ground: a step of d radians moves at most d / cos(lat) degrees
            double degrees;
            if (lng < pf.minX || lng > pf.maxX || p.lat < pf.minY || p.lat > pf.maxY) {
                inside = false;
                degrees = Math.hypot(Math.max(0, Math.max(pf.minX - lng, lng - pf.maxX)),
                        Math.max(0, Math.max(pf.minY - p.lat, p.lat - pf.maxY)));
            } else {
                p.coordinate.x = lng;
                p.coordinate.y = p.lat;
                inside = pf.locator.locate(p.coordinate) != Location.EXTERIOR;
                degrees = pf.boundaryDistance.distance(FenceShapes.FACTORY.createPoint(p.coordinate));
            }
            toBoundary = Math.toRadians(degrees) * cosMaxLat * (1 - 1e-9);
        }
        if (inside) {
            p.addLargeFence(f);
        }
        return toBoundary;
    }

    private void forEachTile(CompiledFence fence, java.util.function.LongConsumer action) {
        double minLat, maxLat, minLng, maxLng;
        if (fence instanceof CompiledFence.CircleFence c) {
            double reach = Math.toDegrees(c.radiusRadians);
            minLat = c.lat - reach;
            maxLat = c.lat + reach;
            if (minLat <= -90 || maxLat >= 90) { // around a pole: every longitude
                minLng = -180;
                maxLng = 180;
            } else { // the longitude half-width of a spherical cap
                double half = Math.toDegrees(Math.asin(Math.min(1, Math.sin(c.radiusRadians) / Math.cos(Math.toRadians(c.lat)))));
                minLng = c.lng - half;
                maxLng = c.lng + half;
            }
        } else {
            CompiledFence.PolygonFence pf = (CompiledFence.PolygonFence) fence;
            minLat = pf.minY;
            maxLat = pf.maxY;
            minLng = pf.minX;
            maxLng = pf.maxX;
        }
        int firstColumn = (int) Math.floor((minLng + 180) / TILE_DEGREES), lastColumn = (int) Math.floor((maxLng + 180) / TILE_DEGREES);
        if (lastColumn - firstColumn + 1 >= COLUMNS) {
            firstColumn = 0;
            lastColumn = COLUMNS - 1;
        }
        for (int row = row(minLat); row <= row(maxLat); row++) {
            for (int column = firstColumn; column <= lastColumn; column++) {
                action.accept(tileKey(row, Math.floorMod(column, COLUMNS)));
            }
        }
    }

    private static int row(double lat) {
        return Math.min(ROWS - 1, Math.max(0, (int) Math.floor((lat + 90) / TILE_DEGREES)));
    }

    private static int column(double lng) {
        return Math.floorMod((int) Math.floor((lng + 180) / TILE_DEGREES), COLUMNS);
    }

    private static long tileKey(int row, int column) {
        return (long) row * COLUMNS + column + 1; // never 0, the cell map's "no key"
    }
}
