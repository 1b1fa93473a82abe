package io.github.geodispatch.geofence.internal;
import java.util.Arrays;

/**
 * The fences touching one H3 cell (named by its lattice key), laid out for the ping path. Each fence has
 * a test record of {@value #STRIDE} numbers: {cx, cy, cz, threshold, serial}. A circle crossing the cell
 * is the squared distance of unit vectors against the squared chord of its radius; a fence covering the
 * whole cell has threshold {@value #COVERS_CELL}, which every unit vector passes (no squared chord exceeds
 * 4), so it needs no geometry; a polygon crossing the cell has threshold NaN and is tested exactly by JTS.
 * The serial ({@link CompiledFence#serial}) tells fences apart without touching them.
 *
 * <p>The first {@value #INLINE} fences and their records are held in this object's own fields, the others in
 * two arrays: at 100,000 site fences nearly every cell holds one or two (1.8 on average), so a lookup reads
 * this object and nothing else, and a cell is one object for a garbage collector to copy. An entry with no
 * fences marks a cell that once had some.
 *
 * <p>Replaced when fences change, as if copy-on-write: an entry's fences and records never change once it is
 * published (through the map's volatile slot; its fields are written only before), but its arrays may have
 * room beyond its fences, into which its successor (adding fences) writes instead of copying them: readers
 * of this entry never look there. Only the entry in the map is extended (under the index's writer lock),
 * and only once. Thread-safe once published.
 */
final class CellEntry {
    static final int STRIDE = 5;
    /** Threshold of a fence covering the whole cell: above any squared distance between unit vectors. */
    static final double COVERS_CELL = 5;
    /** Fences held in the entry's own fields. */
    private static final int INLINE = 2;
    private static final CompiledFence[] NO_FENCES = new CompiledFence[0];
    private static final double[] NO_RECORDS = new double[0];
    /** No fences under no key: what {@link #of} adds fences to. */
    private static final CellEntry NONE = new CellEntry(0, 0, NO_FENCES, NO_RECORDS);

    final long key;
    final int count;
    /** Fences 0 and 1 and their records (null and zeros when absent); written only before publication. */
    private CompiledFence fence0, fence1;
    private double x0, y0, z0, threshold0, serial0, x1, y1, z1, threshold1, serial1;
    /** Fences 2..count-1 and their records, and room for more. */
    private final CompiledFence[] restFences;
    private final double[] rest;
    /** Whether a successor has written into this entry's room: then another must copy. Written under the writer lock. */
    private boolean extended;

    private CellEntry(long key, int count, CompiledFence[] restFences, double[] rest) {
        this.key = key;
        this.count = count;
        this.restFences = restFences;
        this.rest = rest;
    }

    static CellEntry of(long key, CompiledFence fence, boolean coversCell) {
        return of(key, new CompiledFence[] {fence}, new boolean[] {coversCell}, 1);
    }

    /** An entry for {@code key} with no fences. */
    static CellEntry empty(long key) {
        return new CellEntry(key, 0, NO_FENCES, NO_RECORDS);
    }

    /** An entry for {@code key} with the first {@code n} of {@code fences}, each covering the whole cell or not. */
    static CellEntry of(long key, CompiledFence[] fences, boolean[] coversCell, int n) {
        return NONE.with(key, fences, coversCell, n);
    }

    /** Fence {@code i}, below {@link #count}. */
    CompiledFence fence(int i) {
        return i == 0 ? fence0 : i == 1 ? fence1 : restFences[i - INLINE];
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
        }
        if (count > 1) {
            out[offset + STRIDE] = x1;
            out[offset + STRIDE + 1] = y1;
            out[offset + STRIDE + 2] = z1;
            out[offset + STRIDE + 3] = threshold1;
            out[offset + STRIDE + 4] = serial1;
        }
        if (count > INLINE) {
            System.arraycopy(rest, 0, out, offset + INLINE * STRIDE, (count - INLINE) * STRIDE);
        }
    }

    /** Exact test of fence {@code i} at the probe's point. */
    boolean contains(int i, PointProbe p) {
        if (i >= INLINE) {
            int o = STRIDE * (i - INLINE);
            return isPolygon(rest[o + 3]) ? restFences[i - INLINE].contains(p) : passes(rest, o, p);
        }
        double threshold = i == 0 ? threshold0 : threshold1;
        if (isPolygon(threshold)) {
            return fence(i).contains(p);
        }
        double dx = p.x - (i == 0 ? x0 : x1), dy = p.y - (i == 0 ? y0 : y1), dz = p.z - (i == 0 ? z0 : z1);
        return dx * dx + dy * dy + dz * dz <= threshold;
    }

    /** Field {@code f} of fence {@code i}'s record: 0-2 the circle's centre, 3 the threshold, 4 the serial. */
    double recordField(int i, int f) {
        if (i >= INLINE) {
            return rest[STRIDE * (i - INLINE) + f];
        }
        return switch (f) {
            case 0 -> i == 0 ? x0 : x1;
            case 1 -> i == 0 ? y0 : y1;
            case 2 -> i == 0 ? z0 : z1;
            case 3 -> i == 0 ? threshold0 : threshold1;
            default -> i == 0 ? serial0 : serial1;
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
        int total = count + n, restCount = Math.max(0, total - INLINE);
        CompiledFence[] f = restFences;
        double[] r = rest;
        if (extended || f.length < restCount) {
            int room = count == 0 ? restCount : Math.max(0, roomFor(total) - INLINE); // a new entry is exact: room comes with a change
            f = room > 0 ? Arrays.copyOf(restFences, room) : NO_FENCES;
            r = room > 0 ? Arrays.copyOf(rest, room * STRIDE) : NO_RECORDS;
        } else if (total > Math.max(INLINE, count)) { // writing into this entry's room
            extended = true;
        }
        CellEntry e = new CellEntry(newKey, total, f, r);
        for (int q = 0; q < Math.min(INLINE, total); q++) {
            if (q < count) {
                e.inline(q, this, q);
            } else {
                e.inline(q, added[q - count], coversCell[q - count]);
            }
        }
        for (int p = Math.max(INLINE, count); p < total; p++) {
            f[p - INLINE] = added[p - count];
            writeRecord(added[p - count], coversCell[p - count], r, (p - INLINE) * STRIDE);
        }
        return e;
    }

    /**
     * This entry without {@code fence} (possibly empty): each array of the new entry allocated and written once,
     * with room as {@link #with(CompiledFence[], boolean[], int)} gives a changed entry.
     */
    CellEntry without(CompiledFence fence) {
        for (int i = 0; i < count; i++) {
            if (fence(i) == fence) {
                int n = count - 1;
                if (n == 0) {
                    return empty(key);
                }
                int room = n > INLINE ? roomFor(n) - INLINE : 0;
                CompiledFence[] f = room > 0 ? new CompiledFence[room] : NO_FENCES;
                double[] r = room > 0 ? new double[room * STRIDE] : NO_RECORDS;
                CellEntry e = new CellEntry(key, n, f, r);
                for (int q = 0; q < n; q++) {
                    int j = q < i ? q : q + 1; // fence q of the new entry is fence j of this one
                    if (q < INLINE) {
                        e.inline(q, this, j);
                    } else { // then j >= q >= INLINE: both in the arrays
                        f[q - INLINE] = restFences[j - INLINE];
                        System.arraycopy(rest, (j - INLINE) * STRIDE, r, (q - INLINE) * STRIDE, STRIDE);
                    }
                }
                return e;
            }
        }
        return this;
    }

    /** Room for {@code n} fences: half as many again beyond two (cells mostly hold one or two). */
    private static int roomFor(int n) {
        return n > 2 ? n + n / 2 : n;
    }

    /** Sets inline fence {@code q} of this unpublished entry to fence {@code j} of {@code source}, with its record. */
    private void inline(int q, CellEntry source, int j) {
        inline(q, source.fence(j), source.recordField(j, 0), source.recordField(j, 1), source.recordField(j, 2),
                source.recordField(j, 3), source.recordField(j, 4));
    }

    /** Sets inline fence {@code q} of this unpublished entry to {@code fence}, covering the cell or not. */
    private void inline(int q, CompiledFence fence, boolean coversCell) {
        CompiledFence.CircleFence circle = !coversCell && fence instanceof CompiledFence.CircleFence c ? c : null;
        inline(q, fence, circle != null ? circle.cx : 0, circle != null ? circle.cy : 0, circle != null ? circle.cz : 0,
                threshold(fence, coversCell), fence.serial);
    }

    private void inline(int q, CompiledFence fence, double x, double y, double z, double threshold, double serial) {
        if (q == 0) {
            fence0 = fence;
            x0 = x;
            y0 = y;
            z0 = z;
            threshold0 = threshold;
            serial0 = serial;
        } else {
            fence1 = fence;
            x1 = x;
            y1 = y;
            z1 = z;
            threshold1 = threshold;
            serial1 = serial;
        }
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
}
