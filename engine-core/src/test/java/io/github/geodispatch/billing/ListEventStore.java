package io.github.geodispatch.billing;

import io.github.geodispatch.spi.ConcurrencyConflictException;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobEventStore;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.StreamId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A test double of the {@link JobEventStore} port: streams in lists, appends checked for version. */
final class ListEventStore implements JobEventStore {
    private final Map<StreamId, List<JobEvent>> streams = new HashMap<>();
    private final List<StoredEvent> all = new ArrayList<>();

    @Override
    public synchronized List<StoredEvent> append(StreamId stream, long expectedVersion, List<? extends JobEvent> events) {
        List<JobEvent> current = streams.computeIfAbsent(stream, key -> new ArrayList<>());
        if (current.size() != expectedVersion) {
            throw new ConcurrencyConflictException(stream, expectedVersion, current.size());
        }
        List<StoredEvent> stored = new ArrayList<>();
        for (JobEvent event : events) {
            if (event.header().version() != current.size() + 1) {
                throw new IllegalArgumentException("version " + event.header().version() + " out of order");
            }
            current.add(event);
            StoredEvent entry = new StoredEvent(all.size() + 1, event);
            all.add(entry);
            stored.add(entry);
        }
        return stored;
    }

    @Override
    public synchronized List<JobEvent> readStream(StreamId stream) {
        return List.copyOf(streams.getOrDefault(stream, List.of()));
    }

    @Override
    public synchronized long version(StreamId stream) {
        return streams.getOrDefault(stream, List.of()).size();
    }

    @Override
    public synchronized List<StoredEvent> readAll(long afterPosition, int maxCount) {
        return all.stream().filter(e -> e.position() > afterPosition).limit(maxCount).toList();
    }

    @Override
    public synchronized long lastPosition() {
        return all.size();
    }
}
