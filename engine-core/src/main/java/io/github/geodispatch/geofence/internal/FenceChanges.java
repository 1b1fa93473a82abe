package io.github.geodispatch.geofence.internal;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Where recent fence changes were, so that a change invalidates only what it touches. Technicians' probes
 * remember cells and a neighbourhood disc, each checked against the index version it was read under; when
 * the version has moved on, a probe asks whether anything changed near it:
 * <ul>
 *   <li><b>Stamps</b>: the globe is cut into latitude/longitude tiles of about 8 cell radii, hashed into
 *       {@value #STAMPS} slots. A change writes its version into the slot of every tile within its fence's
 *       reach plus a neighbourhood disc's radius (or two cell radii, if more), so a remembered cell or disc
 *       whose reference point lies in a slot stamped no later than its own version is untouched: one load.
 *       Hash collisions and the tiles' corners only make a probe look closer, never miss a change.</li>
 *   <li><b>The log</b>: the last {@value #LOG} changes (fence, centre, reach, added or removed), so a disc
 *       whose slot was stamped replays the changes since its version and repairs itself with those that reach
 *       into it, instead of being rebuilt. A probe older than the log starts again.</li>
 * </ul>
 * Thread-safe: the writer (holding the index's writer lock) logs and stamps a change before publishing its
 * version through the index's volatile version field; readers read that field first.
 */
final class FenceChanges {
    static final int STAMPS = 1 << 14;
    static final int LOG = 1 << 12;

    /** A logged change: its version, its fence's centre (unit vector), its reach into a disc, and what it did. */
    record Change(long version, double x, double y, double z, double discReach2, boolean added, CompiledFence fence) {}

    /** Per slot, the version of the latest change stamping a tile that hashes there. Written under the writer lock. */
    private final long[] stamps = new long[STAMPS];
    private final AtomicReferenceArray<Change> log = new AtomicReferenceArray<>(LOG);
    private final double tileDegrees;
    /** Radians added to a change's reach for stamping: whichever reaches farther, a disc or a cell's reference point. */
    private final double stampPad;
    /** Radians added to a change's reach for a disc's check: the disc's radius and margin. */
    private final double discPad;

    FenceChanges(double cellRadius, double discRadius, double margin) {
        this.tileDegrees = Math.toDegrees(8 * cellRadius);
        this.stampPad = Math.max(discRadius, 2 * cellRadius) + 2 * margin;
        this.discPad = discRadius + 2 * margin;
    }

    /**
     * Logs and stamps change {@code version}: {@code fence}, reaching {@code reach} radians from (lat, lng),
     * added or removed. The caller holds the writer lock and publishes the version afterwards.
     */
    void record(long version, CompiledFence fence, double lat, double lng, double reach, boolean added) {
        double[] u = H3Lattice.unit(lat, lng);
        double discReach = Math.min(Math.PI, reach + discPad);
        log.set((int) (version & (LOG - 1)), new Change(version, u[0], u[1], u[2],
                discReach >= Math.PI ? 5 : CompiledFence.chord2(discReach), added, fence));
        double pad = Math.toDegrees(reach + stampPad);
        double minLat = lat - pad, maxLat = lat + pad, halfLng;
        if (minLat <= -90 || maxLat >= 90) {
            halfLng = 180;
        } else { // the longitude half-width of a spherical cap
            halfLng = Math.toDegrees(Math.asin(Math.min(1, Math.sin(Math.toRadians(pad)) / Math.cos(Math.toRadians(lat)))));
        }
        long firstRow = row(minLat), lastRow = row(maxLat);
        long firstColumn = (long) Math.floor((lng - halfLng + 180) / tileDegrees), lastColumn = (long) Math.floor((lng + halfLng + 180) / tileDegrees);
        if ((lastRow - firstRow + 1) * (lastColumn - firstColumn + 1) > STAMPS) {
            Arrays.fill(stamps, version); // wider than the slots can tell apart: everything is near it
            return;
        }
        for (long row = firstRow; row <= lastRow; row++) {
            for (long column = firstColumn; column <= lastColumn; column++) {
                stamps[slot(row, Math.floorMod(column, columns()))] = version;
            }
        }
    }

    /** The stamp slot of the tile holding (lat, lng): a probe's reference point. */
    int stampSlot(double lat, double lng) {
        return slot(row(lat), Math.floorMod((long) Math.floor((lng + 180) / tileDegrees), columns()));
    }

    /** The version of the latest change near any tile of stamp slot {@code slot}. */
    long stamp(int slot) {
        return stamps[slot];
    }

    /** Change {@code version}, or null when the log no longer holds it. */
    Change change(long version) {
        Change c = log.get((int) (version & (LOG - 1)));
        return c != null && c.version == version ? c : null;
    }

    private long row(double lat) {
        return (long) Math.floor((Math.max(-90, Math.min(90, lat)) + 90) / tileDegrees);
    }

    private long columns() {
        return (long) Math.ceil(360 / tileDegrees);
    }

    private static int slot(long row, long column) {
        return (int) CellMap.mix(row << 32 ^ column) & (STAMPS - 1);
    }
}
