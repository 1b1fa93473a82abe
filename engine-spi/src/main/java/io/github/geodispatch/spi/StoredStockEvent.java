package io.github.geodispatch.spi;

import java.util.Objects;

/** A stock event as stored, with its global position (strictly increasing across all stock streams, from 1). */
public record StoredStockEvent(long position, StockEvent event) {
    public StoredStockEvent {
        if (position < 1) {
            throw new IllegalArgumentException("position must be >= 1, was " + position);
        }
        Objects.requireNonNull(event, "event");
    }
}
