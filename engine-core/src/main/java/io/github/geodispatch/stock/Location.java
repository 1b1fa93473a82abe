package io.github.geodispatch.stock;

import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.LocationId;
import io.github.geodispatch.spi.LocationKind;
import io.github.geodispatch.spi.TechnicianId;

import java.util.Objects;

/**
 * A place that holds stock: a branch's WAREHOUSE, or the VAN of {@code technician} (null for a warehouse). A
 * technician has at most one van. Immutable and thread-safe.
 */
public record Location(LocationId id, LocationKind kind, String name, BranchId branch, TechnicianId technician) {
    public Location {
        Objects.requireNonNull(id, "location id");
        Objects.requireNonNull(kind, "location kind");
        Objects.requireNonNull(branch, "branch");
    }

    public static Location warehouse(LocationId id, String name, BranchId branch) {
        return new Location(id, LocationKind.WAREHOUSE, name, branch, null);
    }

    public static Location van(LocationId id, String name, BranchId branch, TechnicianId technician) {
        return new Location(id, LocationKind.VAN, name, branch, Objects.requireNonNull(technician, "technician"));
    }
}
