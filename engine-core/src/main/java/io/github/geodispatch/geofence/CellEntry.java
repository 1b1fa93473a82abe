package io.github.geodispatch.geofence;

import java.util.Arrays;

/**
 * The fences touching one H3 cell (named by its lattice key), flattened for the ping path: the fences in
 * one array and their test data in another, stride {@value #STRIDE}: {cx, cy, cz, threshold, serial}. A
 * circle crossing the cell is one dot product of unit vectors against the cosine of its radius; a fence
 * covering the whole cell has threshold {@value #COVERS_CELL}, which every unit vector passes, so it
 * needs no geometry; a polygon crossing the cell has threshold NaN and is tested exactly by JTS. The
 * serial ({@link CompiledFence#serial}) lets a caller tell fences apart without touching them. An entry
 * with no fences marks a cell that once had some. Immutable; replaced copy-on-write when fences change.
 */
final class CellEntry {
    static final int STRIDE = 5;
    /** Threshold of a fence covering the whole cell: below any dot product of unit vectors. */
    static final double COVERS_CELL = -2;
    private static final CompiledFence[] NO_FENCES = new CompiledFence[0];
    private static final double[] NO_DATA = new double[0];

    final long key;
    final CompiledFence[] fences;
    final double[] data;

    private CellEntry(long key, CompiledFence[] fences, double[] data) {
        this.key = key;
        this.fences = fences;
        this.data = data;
    }

    static CellEntry of(long key, CompiledFence fence, boolean coversCell) {
        return new CellEntry(key, NO_FENCES, NO_DATA).with(fence, coversCell);
    }

    boolean isEmpty() {
        return fences.length == 0;
    }

    /** Exact test of fence {@code i} of {@code fences} / {@code data} (laid out as in an entry) at the probe's point. */
    static boolean contains(CompiledFence[] fences, double[] data, int i, PointProbe p) {
        int o = i * STRIDE;
        double threshold = data[o + 3];
        if (threshold == threshold) {
            return p.x * data[o] + p.y * data[o + 1] + p.z * data[o + 2] >= threshold;
        }
        return fences[i].contains(p);
    }

    /** The serial of fence {@code i} of {@code data} (laid out as in an entry). */
    static long serial(double[] data, int i) {
        return (long) data[i * STRIDE + 4];
    }

    CellEntry with(CompiledFence fence, boolean coversCell) {
        int n = fences.length;
        CompiledFence[] f = Arrays.copyOf(fences, n + 1);
        double[] d = Arrays.copyOf(data, (n + 1) * STRIDE);
        f[n] = fence;
        int o = n * STRIDE;
        if (coversCell) {
            d[o + 3] = COVERS_CELL;
        } else if (fence instanceof CompiledFence.CircleFence c) {
            d[o] = c.cx;
            d[o + 1] = c.cy;
            d[o + 2] = c.cz;
            d[o + 3] = c.cosRadius;
        } else {
            d[o + 3] = Double.NaN;
        }
        d[o + 4] = fence.serial;
        return new CellEntry(key, f, d);
    }

    /** This entry without {@code fence} (possibly empty). */
    CellEntry without(CompiledFence fence) {
        for (int i = 0; i < fences.length; i++) {
            if (fences[i] == fence) {
                int n = fences.length - 1;
                CompiledFence[] f = new CompiledFence[n];
                double[] d = new double[n * STRIDE];
                System.arraycopy(fences, 0, f, 0, i);
                System.arraycopy(fences, i + 1, f, i, n - i);
                System.arraycopy(data, 0, d, 0, i * STRIDE);
                System.arraycopy(data, (i + 1) * STRIDE, d, i * STRIDE, (n - i) * STRIDE);
                return new CellEntry(key, f, d);
            }
        }
        return this;
    }
}
