package io.github.geodispatch.spi;

import java.util.Objects;

/** A customer event as stored, with its global position (strictly increasing across all customer streams, from 1). */
public record StoredCustomerEvent(long position, CustomerEvent event) {
    public StoredCustomerEvent {
        if (position < 1) {
            throw new IllegalArgumentException("position must be >= 1, was " + position);
        }
        Objects.requireNonNull(event, "event");
    }
}
