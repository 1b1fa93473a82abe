package io.github.geodispatch.spi;

import java.util.List;
import java.util.Objects;

/**
 * One stream's part of a {@link StockEventStore#append(List)}: the events to add to {@code stream}, which must be
 * at {@code expectedVersion} (0 for a new stream). At least one event; each must belong to {@code stream} and carry
 * the versions {@code expectedVersion + 1, + 2, ...} ({@link IllegalArgumentException} otherwise). Immutable and
 * thread-safe.
 */
public record StockAppend(StockStreamId stream, long expectedVersion, List<StockEvent> events) {
    public StockAppend {
        Objects.requireNonNull(stream, "stream");
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expected version must be >= 0, was " + expectedVersion);
        }
        Objects.requireNonNull(events, "events");
        if (events.isEmpty()) {
            throw new IllegalArgumentException("nothing to append to " + stream);
        }
        for (int i = 0; i < events.size(); i++) {
            StockEventHeader header = Objects.requireNonNull(events.get(i), "event " + i).header();
            if (!header.stream().equals(stream)) {
                throw new IllegalArgumentException("event " + header.eventId() + " belongs to " + header.stream()
                        + ", not " + stream);
            }
            if (header.version() != expectedVersion + 1 + i) {
                throw new IllegalArgumentException("event " + i + " of the append to " + stream + " has version "
                        + header.version() + ", expected " + (expectedVersion + 1 + i));
            }
        }
        events = List.copyOf(events);
    }

    public static StockAppend of(StockStreamId stream, long expectedVersion, List<? extends StockEvent> events) {
        return new StockAppend(stream, expectedVersion, List.copyOf(events));
    }
}
