package io.github.geodispatch.geofence;

import java.util.Arrays;

/**
 * The fences of one H3 cell (named by its lattice key): those covering the whole cell (answered with no
 * geometry test) and those crossing it (exact test). The first boundary fence's circle data is held in
 * fields and the rest inline in one array, so a ping tests circles without touching fence objects. An
 * entry with no fences marks a cell that once had some. Immutable; replaced copy-on-write when fences
 * are added or removed.
 */
final class CellEntry {
    static final CompiledFence[] NONE = new CompiledFence[0];
    private static final double[] NO_DATA = new double[0];

    final long key;
    final CompiledFence[] interior;
    final CompiledFence[] boundary;
    /** The first boundary fence (or null) and its circle data; cos radius NaN for a polygon. */
    final CompiledFence first;
    final double firstX, firstY, firstZ, firstCos;
    /** Stride 4 per boundary fence: {cx, cy, cz, cos radius}; cos radius is NaN for a polygon. */
    final double[] boundaryData;

    CellEntry(long key, CompiledFence[] interior, CompiledFence[] boundary) {
        this.key = key;
        this.interior = interior;
        this.boundary = boundary;
        this.boundaryData = boundary.length == 0 ? NO_DATA : new double[boundary.length * 4];
        for (int i = 0; i < boundary.length; i++) {
            if (boundary[i] instanceof CompiledFence.CircleFence c) {
                boundaryData[i * 4] = c.cx;
                boundaryData[i * 4 + 1] = c.cy;
                boundaryData[i * 4 + 2] = c.cz;
                boundaryData[i * 4 + 3] = c.cosRadius;
            } else {
                boundaryData[i * 4 + 3] = Double.NaN;
            }
        }
        this.first = boundary.length == 0 ? null : boundary[0];
        this.firstX = boundary.length == 0 ? 0 : boundaryData[0];
        this.firstY = boundary.length == 0 ? 0 : boundaryData[1];
        this.firstZ = boundary.length == 0 ? 0 : boundaryData[2];
        this.firstCos = boundary.length == 0 ? Double.NaN : boundaryData[3];
    }

    boolean isEmpty() {
        return interior.length == 0 && boundary.length == 0;
    }

    /** Exact test of the first boundary fence (non-null {@link #first}). */
    boolean firstContains(PointProbe p) {
        double cos = firstCos;
        if (cos == cos) { // a circle: one dot product, same test as CircleFence.contains
            return p.x * firstX + p.y * firstY + p.z * firstZ >= cos;
        }
        return first.contains(p);
    }

    /** Exact test of boundary fence {@code i}: one dot product for a circle, JTS for a polygon. */
    boolean boundaryContains(int i, PointProbe p) {
        int o = i * 4;
        double cos = boundaryData[o + 3];
        if (cos == cos) {
            return p.x * boundaryData[o] + p.y * boundaryData[o + 1] + p.z * boundaryData[o + 2] >= cos;
        }
        return boundary[i].contains(p);
    }

    CellEntry with(CompiledFence fence, boolean isInterior) {
        return isInterior
                ? new CellEntry(key, append(interior, fence), boundary)
                : new CellEntry(key, interior, append(boundary, fence));
    }

    /** This entry without {@code fence} (possibly empty). */
    CellEntry without(CompiledFence fence) {
        return new CellEntry(key, drop(interior, fence), drop(boundary, fence));
    }

    private static CompiledFence[] append(CompiledFence[] a, CompiledFence f) {
        CompiledFence[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = f;
        return out;
    }

    private static CompiledFence[] drop(CompiledFence[] a, CompiledFence f) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == f) {
                CompiledFence[] out = new CompiledFence[a.length - 1];
                System.arraycopy(a, 0, out, 0, i);
                System.arraycopy(a, i + 1, out, i, a.length - i - 1);
                return out.length == 0 ? NONE : out;
            }
        }
        return a;
    }
}
