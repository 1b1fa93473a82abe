package io.github.geodispatch.geofence;

import java.util.Arrays;

/**
 * The fences of one H3 cell: those covering the whole cell (answered with no geometry test) and those
 * crossing it (exact test). Immutable; replaced copy-on-write when fences are added or removed.
 */
final class CellEntry {
    static final CompiledFence[] NONE = new CompiledFence[0];

    final CompiledFence[] interior;
    final CompiledFence[] boundary;

    CellEntry(CompiledFence[] interior, CompiledFence[] boundary) {
        this.interior = interior;
        this.boundary = boundary;
    }

    CellEntry with(CompiledFence fence, boolean isInterior) {
        return isInterior
                ? new CellEntry(append(interior, fence), boundary)
                : new CellEntry(interior, append(boundary, fence));
    }

    /** This entry without {@code fence}, or {@code null} if nothing would remain. */
    CellEntry without(CompiledFence fence) {
        CompiledFence[] i = drop(interior, fence);
        CompiledFence[] b = drop(boundary, fence);
        return i.length == 0 && b.length == 0 ? null : new CellEntry(i, b);
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
