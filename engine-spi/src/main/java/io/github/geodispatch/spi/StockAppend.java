package io.github.geodispatch.spi;

import java.util.List;
import java.util.Objects;

/**
 * One stream's part of a {@link StockEventStore#append(List)}: the events to add to {@code stream}, which must be
 * at {@code expectedVersion} (0 for a new stream). Immutable and thread-safe.
 */
public record StockAppend(StockStreamId stream, long expectedVersion, List<StockEvent> events) {
    public StockAppend {
        Objects.requireNonNull(stream, "stream");
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expected version must be >= 0, was " + expectedVersion);
        }
        Objects.requireNonNull(events, "events");
        for (int i = 0; i < events.size(); i++) {
            Objects.requireNonNull(events.get(i), "event " + i);
        }
        events = List.copyOf(events);
    }

    public static StockAppend of(StockStreamId stream, long expectedVersion, List<? extends StockEvent> events) {
        return new StockAppend(stream, expectedVersion, List.copyOf(events));
    }
}
