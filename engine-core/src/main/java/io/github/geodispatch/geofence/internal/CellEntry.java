package io.github.geodispatch.geofence.internal;
import java.util.Arrays;

/**
 * The fences touching one H3 cell (named by its lattice key), laid out for the ping path. Each fence has
 * a test record of {@value #STRIDE} numbers: {cx, cy, cz, threshold, serial}. A circle crossing the cell
 * is the squared distance of unit vectors against the squared chord of its radius; a fence covering the
 * whole cell has threshold {@value #COVERS_CELL}, which every unit vector passes (no squared chord exceeds
 * 4), so it needs no geometry; a polygon
 * crossing the cell has threshold NaN and is tested exactly by JTS. The serial
 * ({@link CompiledFence#serial}) tells fences apart without touching them. The first fence and its record are
 * held in this object's own fields, the others in two arrays: a lookup of the common one-fence cell reads
 * this object and nothing else, and such a cell is one object (what a garbage collector copies). An entry with no fences marks a cell that once had some. Replaced when fences
 * change, as if copy-on-write: an entry's first {@link #count} fences and records never change, but its arrays may
 * have room beyond them, into which its successor (adding fences) writes instead of copying them: readers of
 * this entry never look there. Only the entry in the map is ever extended (under the index's writer lock), and
 * only once; the successor is published through the map's volatile slot.
 */
final class CellEntry {
    static final int STRIDE = 5;
    /** Threshold of a fence covering the whole cell: above any squared distance between unit vectors. */
    static final double COVERS_CELL = 5;
    private static final CompiledFence[] NO_FENCES = new CompiledFence[0];
    private static final double[] NO_RECORDS = new double[0];
    /** No fences under no key: what {@link #of} adds fences to. */
    private static final CellEntry NONE = new CellEntry(0, 0, null, 0, 0, 0, 0, 0, NO_FENCES, NO_RECORDS);

    final long key;
    final int count;
    /** Fence 0 and its record (null and zeros when there is none). */
    private final CompiledFence fence0;
    private final double x0, y0, z0, threshold0, serial0;
    /** Fences 1..count-1 and their records, and room for more. */
    private final CompiledFence[] restFences;
    private final double[] rest;
    /** Whether a successor has written into this entry's room: then another must copy. Written under the writer lock. */
    private boolean extended;

    private CellEntry(long key, int count, CompiledFence fence0, double x0, double y0, double z0, double threshold0,
                      double serial0, CompiledFence[] restFences, double[] rest) {
        this.key = key;
        this.count = count;
        this.fence0 = fence0;
        this.restFences = restFences;
        this.x0 = x0;
        this.y0 = y0;
        this.z0 = z0;
        this.threshold0 = threshold0;
        this.serial0 = serial0;
        this.rest = rest;
    }

    static CellEntry of(long key, CompiledFence fence, boolean coversCell) {
        return of(key, new CompiledFence[] {fence}, new boolean[] {coversCell}, 1);
    }

    /** An entry for {@code key} with no fences. */
    static CellEntry empty(long key) {
        return new CellEntry(key, 0, null, 0, 0, 0, 0, 0, NO_FENCES, NO_RECORDS);
    }

    /** An entry for {@code key} with the first {@code n} of {@code fences}, each covering the whole cell or not. */
    static CellEntry of(long key, CompiledFence[] fences, boolean[] coversCell, int n) {
        return NONE.with(key, fences, coversCell, n);
    }

    /** Fence {@code i}, below {@link #count}. */
    CompiledFence fence(int i) {
        return i == 0 ? fence0 : restFences[i - 1];
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Copies the records of all fences, in order, into {@code out} from {@code offset}. */
    void copyRecords(double[] out, int offset) {
        if (count > 0) {
            out[offset] = x0;
            out[offset + 1] = y0;
            out[offset + 2] = z0;
            out[offset + 3] = threshold0;
            out[offset + 4] = serial0;
            System.arraycopy(rest, 0, out, offset + STRIDE, (count - 1) * STRIDE);
        }
    }

    /** Exact test of fence {@code i} at the probe's point. */
    boolean contains(int i, PointProbe p) {
        if (i == 0) {
            if (isPolygon(threshold0)) {
                return fence0.contains(p);
            }
            double dx = p.x - x0, dy = p.y - y0, dz = p.z - z0;
            return dx * dx + dy * dy + dz * dz <= threshold0;
        }
        int o = STRIDE * (i - 1);
        return isPolygon(rest[o + 3]) ? restFences[i - 1].contains(p) : passes(rest, o, p);
    }

    /** Field {@code f} of fence {@code i}'s record: 0-2 the circle's centre, 3 the threshold, 4 the serial. */
    double recordField(int i, int f) {
        if (i > 0) {
            return rest[STRIDE * (i - 1) + f];
        }
        return switch (f) {
            case 0 -> x0;
            case 1 -> y0;
            case 2 -> z0;
            case 3 -> threshold0;
            default -> serial0;
        };
    }

    /**
     * False when fence {@code i} is a circle surely farther than {@code chordReach} (a chord length, in
     * earth radii) from the unit vector (x, y, z); true otherwise. Reads only this entry's records, so a
     * neighbourhood scans a block's fences without touching fence objects. Conservative: the chord of a sum
     * of arcs is at most the sum of their chords.
     */
    boolean mayReach(int i, double x, double y, double z, double chordReach) {
        double threshold = recordField(i, 3);
        if (isPolygon(threshold) || threshold == COVERS_CELL) {
            return true;
        }
        double dx = x - recordField(i, 0), dy = y - recordField(i, 1), dz = z - recordField(i, 2);
        double limit = Math.sqrt(threshold) + chordReach; // a circle's threshold is the squared chord of its radius
        return dx * dx + dy * dy + dz * dz <= limit * limit;
    }

    /** The serial of fence {@code i}. */
    long serial(int i) {
        return (long) recordField(i, 4);
    }

    /** True for the threshold of a polygon's record (NaN): only the fence object can test the point. */
    static boolean isPolygon(double threshold) {
        return threshold != threshold;
    }

    /** The record test of a circle or a covered cell (not a polygon) at {@code o} in {@code records}: a squared distance. */
    static boolean passes(double[] records, int o, PointProbe p) {
        double dx = p.x - records[o], dy = p.y - records[o + 1], dz = p.z - records[o + 2];
        return dx * dx + dy * dy + dz * dz <= records[o + 3];
    }

    static long serial(double[] records, int o) {
        return (long) records[o + 4];
    }

    CellEntry with(CompiledFence fence, boolean coversCell) {
        return with(new CompiledFence[] {fence}, new boolean[] {coversCell}, 1);
    }

    /**
     * This entry with the first {@code n} of {@code added} too, each covering the whole cell or not. The new
     * entry writes into this one's room when it has enough and no other successor has; else its arrays are
     * allocated once and written once, exactly sized for a new entry (a bulk load), and with room for half as
     * many fences again beyond two for a changed one (a block's entry is changed at every fence change near it):
     * at a bulk load or a fence change these copies are most of the garbage made.
     */
    CellEntry with(CompiledFence[] added, boolean[] coversCell, int n) {
        return with(key, added, coversCell, n);
    }

    /** {@link #with(CompiledFence[], boolean[], int)}, the new entry under {@code newKey}. */
    private CellEntry with(long newKey, CompiledFence[] added, boolean[] coversCell, int n) {
        if (n == 0) {
            return this;
        }
        int total = count + n;
        CompiledFence[] f = restFences;
        double[] r = rest;
        if (extended || f.length < total - 1) {
            int room = (count == 0 ? total : roomFor(total)) - 1; // a new entry is exact: room comes with a change
            f = room > 0 ? Arrays.copyOf(restFences, room) : NO_FENCES;
            r = room > 0 ? Arrays.copyOf(rest, room * STRIDE) : NO_RECORDS;
        } else if (total > 1) { // writing into this entry's room (an empty entry has none to write into)
            extended = true;
        }
        int first = count == 0 ? 1 : 0; // when this entry is empty, the first added fence goes into the fields
        for (int k = first; k < n; k++) {
            f[count + k - 1] = added[k];
            writeRecord(added[k], coversCell[k], r, (count + k - 1) * STRIDE);
        }
        if (count > 0) {
            return new CellEntry(newKey, total, fence0, x0, y0, z0, threshold0, serial0, f, r);
        }
        CompiledFence.CircleFence circle = !coversCell[0] && added[0] instanceof CompiledFence.CircleFence c ? c : null;
        return new CellEntry(newKey, total, added[0], circle != null ? circle.cx : 0, circle != null ? circle.cy : 0,
                circle != null ? circle.cz : 0, threshold(added[0], coversCell[0]), added[0].serial, f, r);
    }

    /** Room for {@code n} fences: half as many again beyond two (cells mostly hold one or two). */
    private static int roomFor(int n) {
        return n > 2 ? n + n / 2 : n;
    }

    /** Writes the test record of {@code fence} in a cell it covers or crosses into {@code out} at {@code o}. */
    private static void writeRecord(CompiledFence fence, boolean coversCell, double[] out, int o) {
        if (!coversCell && fence instanceof CompiledFence.CircleFence c) {
            out[o] = c.cx;
            out[o + 1] = c.cy;
            out[o + 2] = c.cz;
        }
        out[o + 3] = threshold(fence, coversCell);
        out[o + 4] = fence.serial;
    }

    private static double threshold(CompiledFence fence, boolean coversCell) {
        if (coversCell) {
            return COVERS_CELL;
        }
        return fence instanceof CompiledFence.CircleFence c ? c.chord2 : Double.NaN;
    }

    /**
     * This entry without {@code fence} (possibly empty): each array of the new entry allocated and written once,
     * with room as {@link #with(CompiledFence[], boolean[], int)} gives it.
     */
    CellEntry without(CompiledFence fence) {
        for (int i = 0; i < count; i++) {
            if (fence(i) == fence) {
                int n = count - 1;
                if (n == 0) {
                    return empty(key);
                }
                int room = roomFor(n) - 1;
                CompiledFence[] f = room > 0 ? new CompiledFence[room] : NO_FENCES;
                double[] r = room > 0 ? new double[room * STRIDE] : NO_RECORDS;
                if (i == 0) { // fence 1 and its record move into the fields
                    System.arraycopy(restFences, 1, f, 0, n - 1);
                    System.arraycopy(rest, STRIDE, r, 0, (n - 1) * STRIDE);
                    return new CellEntry(key, n, restFences[0], rest[0], rest[1], rest[2], rest[3], rest[4], f, r);
                }
                // fences 1..count-1 are at 0..count-2 in the arrays; fence i leaves them
                System.arraycopy(restFences, 0, f, 0, i - 1);
                System.arraycopy(restFences, i, f, i - 1, n - i);
                System.arraycopy(rest, 0, r, 0, (i - 1) * STRIDE);
                System.arraycopy(rest, i * STRIDE, r, (i - 1) * STRIDE, (n - i) * STRIDE);
                return new CellEntry(key, n, fence0, x0, y0, z0, threshold0, serial0, f, r);
            }
        }
        return this;
    }
}
