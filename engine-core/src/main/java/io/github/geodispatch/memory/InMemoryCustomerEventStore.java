package io.github.geodispatch.memory;
import io.github.geodispatch.spi.CustomerConflictException;
import io.github.geodispatch.spi.CustomerEvent;
import io.github.geodispatch.spi.CustomerEventStore;
import io.github.geodispatch.spi.CustomerStreamId;
import io.github.geodispatch.spi.StoredCustomerEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The default {@link CustomerEventStore}: everything in memory, lost when the process ends. Customer streams
 * change seldom (a registration, a site, a contract), so one monitor guards the whole store; each stream is an
 * immutable list swapped in whole, and the global log is an array list indexed by position. Thread-safe.
 */
public final class InMemoryCustomerEventStore implements CustomerEventStore {
    private final Map<CustomerStreamId, List<CustomerEvent>> streams = new HashMap<>();
    private final Map<UUID, StoredCustomerEvent> byEventId = new HashMap<>();
    /** Every stored event; the one at index i has position i + 1. */
    private final List<StoredCustomerEvent> log = new ArrayList<>();

    @Override
    public List<StoredCustomerEvent> append(CustomerStreamId stream, long expectedVersion,
                                            List<? extends CustomerEvent> events) {
        CustomerEventStore.requireAppendable(stream, expectedVersion, events);
        synchronized (this) {
            List<StoredCustomerEvent> replayed = replayed(events);
            if (replayed != null) {
                return replayed;
            }
            List<CustomerEvent> current = streams.getOrDefault(stream, List.of());
            if (current.size() != expectedVersion) {
                throw new CustomerConflictException(stream, expectedVersion, current.size());
            }
            List<CustomerEvent> next = new ArrayList<>(current);
            List<StoredCustomerEvent> stored = new ArrayList<>(events.size());
            for (CustomerEvent event : events) {
                StoredCustomerEvent s = new StoredCustomerEvent(log.size() + 1, event);
                log.add(s);
                byEventId.put(event.header().eventId(), s);
                stored.add(s);
                next.add(event);
            }
            streams.put(stream, List.copyOf(next));
            return List.copyOf(stored);
        }
    }

    /** The stored copies when every event is stored identically, null when none is; throws when only some are. */
    private List<StoredCustomerEvent> replayed(List<? extends CustomerEvent> events) {
        List<StoredCustomerEvent> found = new ArrayList<>(events.size());
        for (CustomerEvent event : events) {
            StoredCustomerEvent stored = byEventId.get(event.header().eventId());
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
    public synchronized List<CustomerEvent> readStream(CustomerStreamId stream) {
        return streams.getOrDefault(Objects.requireNonNull(stream, "stream"), List.of());
    }

    @Override
    public synchronized long version(CustomerStreamId stream) {
        return readStream(stream).size();
    }

    @Override
    public synchronized List<StoredCustomerEvent> readAll(long afterPosition, int maxCount) {
        if (afterPosition < 0) {
            throw new IllegalArgumentException("after position must be >= 0, was " + afterPosition);
        }
        if (maxCount < 1) {
            throw new IllegalArgumentException("max count must be >= 1, was " + maxCount);
        }
        int from = (int) Math.min(afterPosition, log.size());
        return List.copyOf(log.subList(from, (int) Math.min((long) from + maxCount, log.size())));
    }

    @Override
    public synchronized long lastPosition() {
        return log.size();
    }

    @Override
    public synchronized String toString() {
        return "InMemoryCustomerEventStore{streams=" + streams.size() + ", lastPosition=" + log.size() + "}";
    }
}
