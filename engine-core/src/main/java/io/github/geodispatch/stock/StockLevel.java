package io.github.geodispatch.stock;

import io.github.geodispatch.spi.LocationId;
import io.github.geodispatch.spi.Money;

import java.util.List;
import java.util.Objects;

/**
 * What a location holds of one SKU: the quantity (never negative), its value at weighted average cost, the
 * location's minimum for it (0 when none is set) and, for a serial-tracked SKU, the serials held in the order they
 * arrived. Immutable and thread-safe.
 */
public record StockLevel(LocationId location, String sku, long quantity, Money value, int minimum,
                         List<String> serials) {
    public StockLevel {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(value, "value");
        serials = List.copyOf(serials);
    }

    /** True when a minimum is set and the quantity is below it. */
    public boolean isLow() {
        return minimum > 0 && quantity < minimum;
    }
}
