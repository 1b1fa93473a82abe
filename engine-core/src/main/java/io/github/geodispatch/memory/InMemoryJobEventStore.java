package io.github.geodispatch.memory;
import io.github.geodispatch.spi.ConcurrencyConflictException;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobEventStore;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.StreamId;
import java.util.List;

/**
 * The default {@link JobEventStore}: everything in memory, lost when the process ends. Thread-safe. Appends
 * are serialised by one lock (they are short: checks, then O(1) work per event), which makes global positions
 * follow append order; reads take no lock and never see part of an append (see {@link StreamTable}).
 */
public final class InMemoryJobEventStore implements JobEventStore {
    private final StreamTable<StreamId, JobEvent, StoredEvent> table = new StreamTable<>(
            e -> e.header().stream(), e -> e.header().version(), e -> e.header().eventId(),
            StoredEvent::new, StoredEvent::event, ConcurrencyConflictException::new);

    @Override
    public List<StoredEvent> append(StreamId stream, long expectedVersion, List<? extends JobEvent> events) {
        return table.append(List.of(new StreamTable.Part<>(stream, expectedVersion, events)));
    }

    @Override
    public List<JobEvent> readStream(StreamId stream) {
        return table.readStream(stream);
    }

    @Override
    public long version(StreamId stream) {
        return table.version(stream);
    }

    @Override
    public List<StoredEvent> readAll(long afterPosition, int maxCount) {
        return table.readAll(afterPosition, maxCount);
    }

    @Override
    public long lastPosition() {
        return table.lastPosition();
    }

    @Override
    public String toString() {
        return "InMemoryJobEventStore{streams=" + table.streamCount() + ", lastPosition=" + table.lastPosition() + "}";
    }
}
