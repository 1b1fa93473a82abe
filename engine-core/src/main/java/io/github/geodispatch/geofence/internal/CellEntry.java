package io.github.geodispatch.geofence.internal;
import java.util.Arrays;

/**
 * The fences touching one H3 cell (named by its lattice key), laid out for the ping path. Each fence has
 * a test record of {@value #STRIDE} numbers: {cx, cy, cz, threshold, serial}. A circle crossing the cell
 * is the squared distance of unit vectors against the squared chord of its radius; a fence covering the
 * whole cell has threshold {@value #COVERS_CELL}, which every unit vector passes (no squared chord exceeds
 * 4), so it needs no geometry; a polygon
 * crossing the cell has threshold NaN and is tested exactly by JTS. The serial
 * ({@link CompiledFence#serial}) tells fences apart without touching them. The first fence's record is
 * held in this object's own fields, the others in one array: a lookup of the common one-fence cell reads
 * this object and nothing else. An entry with no fences marks a cell that once had some. Immutable;
 * replaced copy-on-write when fences change.
 */
final class CellEntry {
    static final int STRIDE = 5;
    /** Threshold of a fence covering the whole cell: above any squared distance between unit vectors. */
    static final double COVERS_CELL = 5;
    private static final CompiledFence[] NO_FENCES = new CompiledFence[0];
    private static final double[] NO_RECORDS = new double[0];

    final long key;
    final int count;
    final CompiledFence[] fences;
    /** The record of fence 0 (zeros when there is none). */
    private final double x0, y0, z0, threshold0, serial0;
    /** The records of fences 1..count-1. */
    private final double[] rest;

    private CellEntry(long key, CompiledFence[] fences, double[] records) {
        this.key = key;
        this.count = fences.length;
        this.fences = fences;
        boolean any = fences.length > 0;
        this.x0 = any ? records[0] : 0;
        this.y0 = any ? records[1] : 0;
        this.z0 = any ? records[2] : 0;
        this.threshold0 = any ? records[3] : 0;
        this.serial0 = any ? records[4] : 0;
        this.rest = fences.length > 1 ? Arrays.copyOfRange(records, STRIDE, records.length) : NO_RECORDS;
    }

    static CellEntry of(long key, CompiledFence fence, boolean coversCell) {
        return empty(key).with(fence, coversCell);
    }

    /** An entry for {@code key} with no fences. */
    static CellEntry empty(long key) {
        return new CellEntry(key, NO_FENCES, NO_RECORDS);
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
            System.arraycopy(rest, 0, out, offset + STRIDE, rest.length);
        }
    }

    /** Exact test of fence {@code i} at the probe's point. */
    boolean contains(int i, PointProbe p) {
        if (i == 0) {
            if (isPolygon(threshold0)) {
                return fences[0].contains(p);
            }
            double dx = p.x - x0, dy = p.y - y0, dz = p.z - z0;
            return dx * dx + dy * dy + dz * dz <= threshold0;
        }
        int o = STRIDE * (i - 1);
        return isPolygon(rest[o + 3]) ? fences[i].contains(p) : passes(rest, o, p);
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

    private double[] records() {
        double[] all = new double[count * STRIDE];
        copyRecords(all, 0);
        return all;
    }

    CellEntry with(CompiledFence fence, boolean coversCell) {
        return with(new CompiledFence[] {fence}, new boolean[] {coversCell}, 1);
    }

    /** This entry with the first {@code n} of {@code added} too, each covering the whole cell or not: one copy for all. */
    CellEntry with(CompiledFence[] added, boolean[] coversCell, int n) {
        CompiledFence[] f = Arrays.copyOf(fences, count + n);
        double[] d = Arrays.copyOf(records(), (count + n) * STRIDE);
        for (int k = 0; k < n; k++) {
            CompiledFence fence = added[k];
            f[count + k] = fence;
            int o = (count + k) * STRIDE;
            if (coversCell[k]) {
                d[o + 3] = COVERS_CELL;
            } else if (fence instanceof CompiledFence.CircleFence c) {
                d[o] = c.cx;
                d[o + 1] = c.cy;
                d[o + 2] = c.cz;
                d[o + 3] = c.chord2;
            } else {
                d[o + 3] = Double.NaN;
            }
            d[o + 4] = fence.serial;
        }
        return new CellEntry(key, f, d);
    }

    /** This entry without {@code fence} (possibly empty). */
    CellEntry without(CompiledFence fence) {
        for (int i = 0; i < count; i++) {
            if (fences[i] == fence) {
                int n = count - 1;
                double[] all = records();
                CompiledFence[] f = new CompiledFence[n];
                double[] d = new double[n * STRIDE];
                System.arraycopy(fences, 0, f, 0, i);
                System.arraycopy(fences, i + 1, f, i, n - i);
                System.arraycopy(all, 0, d, 0, i * STRIDE);
                System.arraycopy(all, (i + 1) * STRIDE, d, i * STRIDE, (n - i) * STRIDE);
                return new CellEntry(key, f, d);
            }
        }
        return this;
    }
}
