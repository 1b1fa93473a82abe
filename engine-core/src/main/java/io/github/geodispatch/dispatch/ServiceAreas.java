package io.github.geodispatch.dispatch;
import io.github.geodispatch.dispatch.internal.Codes;
import io.github.geodispatch.dispatch.internal.H3Grid;
import java.util.Objects;
import java.util.Set;

/**
 * Where a technician takes work: a set of H3 cells at one stated resolution, and/or ids of SERVICE_AREA
 * fences (resolved through {@link ServiceAreaFences}). A job's site is inside when its H3 cell at
 * {@code h3Resolution} is one of {@code h3Cells}, or when one of {@code fenceIds} contains it. Both sets
 * empty means the technician works anywhere ({@link #anywhere()}). Cells are H3 index values; they are
 * checked to be valid cells of the stated resolution. Immutable and thread-safe.
 */
public record ServiceAreas(int h3Resolution, Set<Long> h3Cells, Set<String> fenceIds) {
    private static final ServiceAreas ANYWHERE = new ServiceAreas(0, Set.of(), Set.of());

    public ServiceAreas {
        if (h3Resolution < 0 || h3Resolution > 15) {
            throw new IllegalArgumentException("H3 resolution must be 0-15, was " + h3Resolution);
        }
        h3Cells = Set.copyOf(Objects.requireNonNull(h3Cells, "h3Cells"));
        for (long cell : h3Cells) {
            H3Grid.requireCell(cell, h3Resolution);
        }
        fenceIds = Set.copyOf(Objects.requireNonNull(fenceIds, "fenceIds"));
        fenceIds.forEach(Codes::requireFence);
    }

    /** No restriction: the technician takes work anywhere. */
    public static ServiceAreas anywhere() {
        return ANYWHERE;
    }

    /** H3 cells of one resolution. */
    public static ServiceAreas cells(int h3Resolution, Set<Long> cells) {
        return new ServiceAreas(h3Resolution, cells, Set.of());
    }

    /** SERVICE_AREA fence ids. */
    public static ServiceAreas fences(Set<String> fenceIds) {
        return new ServiceAreas(0, Set.of(), fenceIds);
    }

    /** True when neither cells nor fences are given. */
    public boolean unrestricted() {
        return h3Cells.isEmpty() && fenceIds.isEmpty();
    }
}
