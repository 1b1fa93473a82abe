package io.github.geodispatch.geofence.internal;
import io.github.geodispatch.geofence.FenceId;
import java.util.Arrays;

/**
 * The H3 cells an index stores for one fence: {@code interiorCells} lie wholly inside it (a point there
 * is inside with no geometry test), {@code boundaryCells} cross its edge (a point there gets the exact
 * test). Arrays are copied in and out. Immutable and thread-safe.
 */
record FenceCover(FenceId fence, int resolution, long[] interiorCells, long[] boundaryCells) {
    public FenceCover {
        interiorCells = interiorCells.clone();
        boundaryCells = boundaryCells.clone();
    }

    @Override
    public long[] interiorCells() {
        return interiorCells.clone();
    }

    @Override
    public long[] boundaryCells() {
        return boundaryCells.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FenceCover c && c.fence.equals(fence) && c.resolution == resolution
                && Arrays.equals(c.interiorCells, interiorCells) && Arrays.equals(c.boundaryCells, boundaryCells);
    }

    @Override
    public int hashCode() {
        return fence.hashCode() * 31 + Arrays.hashCode(interiorCells) * 17 + Arrays.hashCode(boundaryCells);
    }

    @Override
    public String toString() {
        return "FenceCover[" + fence + ", res " + resolution + ", " + interiorCells.length + " interior, "
                + boundaryCells.length + " boundary cells]";
    }
}
