package io.github.geodispatch.spi;

import java.util.Objects;

/** An event as stored, with its global position (strictly increasing across all streams, starting at 1). */
public record StoredEvent(long position, JobEvent event) {
    public StoredEvent {
        if (position < 1) {
            throw new IllegalArgumentException("position must be >= 1, was " + position);
        }
        Objects.requireNonNull(event, "event");
    }
}
