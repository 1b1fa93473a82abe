package io.github.geodispatch.dispatch.internal;
import com.uber.h3core.H3Core;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The process-wide H3 binding, kept behind this package's own types. Thread-safe (H3Core is stateless). */
public final class H3Grid {
    private static final H3Core H3;

    static {
        try {
            H3 = H3Core.newInstance();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the H3 native library", e);
        }
    }

    private H3Grid() {}

    public static void requireCell(long cell, int resolution) {
        if (!H3.isValidCell(cell)) {
            throw new IllegalArgumentException("not a valid H3 cell: " + Long.toHexString(cell));
        }
        int res = H3.getResolution(cell);
        if (res != resolution) {
            throw new IllegalArgumentException("H3 cell " + Long.toHexString(cell) + " has resolution " + res
                    + ", the service area states " + resolution);
        }
    }

    static long cellAt(double lat, double lng, int resolution) {
        return H3.latLngToCell(lat, lng, resolution);
    }

    static long parent(long cell, int resolution) {
        return H3.cellToParent(cell, resolution);
    }
}
