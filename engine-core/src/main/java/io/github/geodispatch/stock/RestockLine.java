package io.github.geodispatch.stock;

import io.github.geodispatch.spi.LocationId;

/**
 * One line of a van's restock list for a day: the SKU, what the day's planned jobs will likely need (from their
 * job types' usual parts), the van's minimum, what the van holds, how many to load ({@code needed + minimum -
 * onHand}, at least 1) and what the warehouses of the van's branch hold of it. Immutable and thread-safe.
 */
public record RestockLine(LocationId van, String sku, int needed, int minimum, long onHand, long toLoad,
                          long warehouseOnHand) {
}
