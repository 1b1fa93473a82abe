package io.github.geodispatch.stock;

import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.LocationId;
import io.github.geodispatch.spi.TechnicianId;

/**
 * A location holding less of a SKU than its minimum: the location, its branch and (for a van) technician, the SKU,
 * what it holds, its minimum and how many it is short. Immutable and thread-safe.
 */
public record LowStockAlert(LocationId location, BranchId branch, TechnicianId technician, String sku, long quantity,
                            int minimum) {
    /** The minimum less the quantity held. */
    public long shortBy() {
        return minimum - quantity;
    }
}
