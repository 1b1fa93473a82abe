package io.github.geodispatch.memory;
import io.github.geodispatch.spi.ConcurrencyConflictException;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobEventStore;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.StreamId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The default {@link JobEventStore}: everything in memory, lost when the process ends. Thread-safe. Appends
 * are serialised by one lock (they are short: checks, then a few map puts), which makes global positions
 * follow append order; reads take no lock: each stream is an immutable list swapped in whole, and the global
 * log is a concurrent skip list read only up to the last fully appended position, so a reader never sees part
 * of an append.
 */
public final class InMemoryJobEventStore implements JobEventStore {
    private final ReentrantLock appendLock = new ReentrantLock();
    private final Map<StreamId, List<JobEvent>> streams = new ConcurrentHashMap<>();
    private final Map<UUID, StoredEvent> byEventId = new ConcurrentHashMap<>();
    private final ConcurrentNavigableMap<Long, StoredEvent> log = new ConcurrentSkipListMap<>();
    private volatile long published;

    @Override
    public List<StoredEvent> append(StreamId stream, long expectedVersion, List<? extends JobEvent> events) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(events, "events");
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expected version must be >= 0, was " + expectedVersion);
        }
        if (events.isEmpty()) {
            throw new IllegalArgumentException("nothing to append to " + stream);
        }
        for (int i = 0; i < events.size(); i++) {
            JobEvent event = Objects.requireNonNull(events.get(i), "event " + i);
            if (!event.header().stream().equals(stream)) {
                throw new IllegalArgumentException("event " + event.header().eventId() + " belongs to "
                        + event.header().stream() + ", not " + stream);
            }
            if (event.header().version() != expectedVersion + 1 + i) {
                throw new IllegalArgumentException("event " + i + " of the append to " + stream + " has version "
                        + event.header().version() + ", expected " + (expectedVersion + 1 + i));
            }
        }
        appendLock.lock();
        try {
            List<StoredEvent> replayed = replayed(events);
            if (replayed != null) {
                return replayed;
            }
            List<JobEvent> current = streams.getOrDefault(stream, List.of());
            if (current.size() != expectedVersion) {
                throw new ConcurrencyConflictException(stream, expectedVersion, current.size());
            }
            List<JobEvent> next = new ArrayList<>(current.size() + events.size());
            next.addAll(current);
            List<StoredEvent> stored = new ArrayList<>(events.size());
            long position = published;
            for (JobEvent event : events) {
                StoredEvent s = new StoredEvent(++position, event);
                stored.add(s);
                next.add(event);
            }
            for (StoredEvent s : stored) {
                log.put(s.position(), s);
                byEventId.put(s.event().header().eventId(), s);
            }
            streams.put(stream, List.copyOf(next));
            published = position;
            return List.copyOf(stored);
        } finally {
            appendLock.unlock();
        }
    }

    /**
     * The stored copies when every event is already stored identically (a replayed append), null when none is
     * stored; throws when only some are, or one is stored with other content.
     */
    private List<StoredEvent> replayed(List<? extends JobEvent> events) {
        List<StoredEvent> found = new ArrayList<>(events.size());
        for (JobEvent event : events) {
            StoredEvent stored = byEventId.get(event.header().eventId());
            if (stored != null) {
                if (!stored.event().equals(event)) {
                    throw new IllegalArgumentException("event id " + event.header().eventId()
                            + " is already stored with other content at " + stored.event().header().stream()
                            + " version " + stored.event().header().version());
                }
                found.add(stored);
            }
        }
        if (found.isEmpty()) {
            return null;
        }
        if (found.size() != events.size()) {
            throw new IllegalArgumentException("append to " + events.get(0).header().stream() + " repeats "
                    + found.size() + " of its " + events.size() + " events: replay the whole append or none of it");
        }
        return List.copyOf(found);
    }

    @Override
    public List<JobEvent> readStream(StreamId stream) {
        Objects.requireNonNull(stream, "stream");
        return streams.getOrDefault(stream, List.of());
    }

    @Override
    public long version(StreamId stream) {
        return readStream(stream).size();
    }

    @Override
    public List<StoredEvent> readAll(long afterPosition, int maxCount) {
        if (afterPosition < 0) {
            throw new IllegalArgumentException("after position must be >= 0, was " + afterPosition);
        }
        if (maxCount < 1) {
            throw new IllegalArgumentException("max count must be >= 1, was " + maxCount);
        }
        long upTo = published;
        List<StoredEvent> page = new ArrayList<>(Math.min(maxCount, 256));
        for (StoredEvent s : log.subMap(afterPosition, false, upTo, true).values()) {
            page.add(s);
            if (page.size() == maxCount) {
                break;
            }
        }
        return List.copyOf(page);
    }

    @Override
    public long lastPosition() {
        return published;
    }

    @Override
    public String toString() {
        return "InMemoryJobEventStore{streams=" + streams.size() + ", lastPosition=" + published + "}";
    }
}
