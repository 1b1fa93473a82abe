package io.github.geodispatch.memory;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The in-memory event stores' shared machinery, for any event family: streams of events with optimistic versions,
 * idempotent appends by event id (a whole replay returns the stored copies, a partial one or a reused id with
 * other content is refused), global positions in append order, and appends to several streams that store all or
 * nothing. Appends are serialised by one lock and cost O(1) per event (checks, then append-only arrays and one
 * map put); reads take no lock: a stream is read as a snapshot of its array, and the global log only up to the
 * last fully appended position, so a reader never sees part of an append. Thread-safe.
 *
 * @param <S> the stream key
 * @param <E> the event family
 * @param <R> an event as stored, with its position
 */
final class StreamTable<S, E, R> {

    /** Makes the stored form of an event at a position. */
    interface Storing<E, R> {
        R stored(long position, E event);
    }

    /** Makes the family's typed conflict: {@code stream} is at {@code actual}, the append expected {@code expected}. */
    interface Conflict<S> {
        RuntimeException conflict(S stream, long expected, long actual);
    }

    /** One stream's part of an append. */
    record Part<S, E>(S stream, long expectedVersion, List<? extends E> events) {}

    private final Function<E, S> streamOf;
    private final ToLongFunction<E> versionOf;
    private final Function<E, UUID> idOf;
    private final Storing<E, R> storing;
    private final Function<R, E> eventOf;
    private final Conflict<S> conflict;
    private final ReentrantLock appendLock = new ReentrantLock();
    private final Map<S, AppendOnly<E>> streams = new ConcurrentHashMap<>();
    private final Map<UUID, R> byEventId = new ConcurrentHashMap<>();
    /** Every stored event, at index position - 1 (positions start at 1 and have no gaps). */
    private final AppendOnly<R> log = new AppendOnly<>();
    private volatile long published;

    StreamTable(Function<E, S> streamOf, ToLongFunction<E> versionOf, Function<E, UUID> idOf, Storing<E, R> storing,
                Function<R, E> eventOf, Conflict<S> conflict) {
        this.streamOf = streamOf;
        this.versionOf = versionOf;
        this.idOf = idOf;
        this.storing = storing;
        this.eventOf = eventOf;
        this.conflict = conflict;
    }

    List<R> append(List<Part<S, E>> parts) {
        Objects.requireNonNull(parts, "appends");
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to append");
        }
        Set<S> named = new HashSet<>();
        List<E> all = new ArrayList<>();
        for (Part<S, E> part : parts) {
            check(part);
            if (!named.add(part.stream())) {
                throw new IllegalArgumentException("stream " + part.stream() + " appears twice in one append");
            }
            all.addAll(part.events());
        }
        appendLock.lock();
        try {
            List<R> replayed = replayed(all);
            if (replayed != null) {
                return replayed;
            }
            for (Part<S, E> part : parts) {
                AppendOnly<E> current = streams.get(part.stream());
                int version = current == null ? 0 : current.size();
                if (version != part.expectedVersion()) {
                    throw conflict.conflict(part.stream(), part.expectedVersion(), version);
                }
            }
            List<R> stored = new ArrayList<>(all.size());
            long position = published;
            for (Part<S, E> part : parts) {
                AppendOnly<E> stream = streams.computeIfAbsent(part.stream(), k -> new AppendOnly<>());
                for (E event : part.events()) {
                    R s = storing.stored(++position, event);
                    stored.add(s);
                    stream.add(event);
                    log.add(s);
                    byEventId.put(idOf.apply(event), s);
                }
            }
            published = position;
            return List.copyOf(stored);
        } finally {
            appendLock.unlock();
        }
    }

    private void check(Part<S, E> part) {
        S stream = Objects.requireNonNull(part.stream(), "stream");
        List<? extends E> events = Objects.requireNonNull(part.events(), "events");
        if (part.expectedVersion() < 0) {
            throw new IllegalArgumentException("expected version must be >= 0, was " + part.expectedVersion());
        }
        if (events.isEmpty()) {
            throw new IllegalArgumentException("nothing to append to " + stream);
        }
        for (int i = 0; i < events.size(); i++) {
            E event = Objects.requireNonNull(events.get(i), "event " + i);
            if (!streamOf.apply(event).equals(stream)) {
                throw new IllegalArgumentException("event " + idOf.apply(event) + " belongs to "
                        + streamOf.apply(event) + ", not " + stream);
            }
            if (versionOf.applyAsLong(event) != part.expectedVersion() + 1 + i) {
                throw new IllegalArgumentException("event " + i + " of the append to " + stream + " has version "
                        + versionOf.applyAsLong(event) + ", expected " + (part.expectedVersion() + 1 + i));
            }
        }
    }

    /**
     * The stored copies when every event is already stored identically (a replayed append), null when none is
     * stored; throws when only some are, or one is stored with other content.
     */
    private List<R> replayed(List<E> events) {
        List<R> found = new ArrayList<>(events.size());
        for (E event : events) {
            R stored = byEventId.get(idOf.apply(event));
            if (stored != null) {
                E existing = eventOf.apply(stored);
                if (!existing.equals(event)) {
                    throw new IllegalArgumentException("event id " + idOf.apply(event)
                            + " is already stored with other content at " + streamOf.apply(existing) + " version "
                            + versionOf.applyAsLong(existing));
                }
                found.add(stored);
            }
        }
        if (found.isEmpty()) {
            return null;
        }
        if (found.size() != events.size()) {
            throw new IllegalArgumentException("append to " + streamOf.apply(events.get(0)) + " repeats "
                    + found.size() + " of its " + events.size() + " events: replay the whole append or none of it");
        }
        return List.copyOf(found);
    }

    List<E> readStream(S stream) {
        Objects.requireNonNull(stream, "stream");
        AppendOnly<E> events = streams.get(stream);
        return events == null ? List.of() : events.view();
    }

    int version(S stream) {
        Objects.requireNonNull(stream, "stream");
        AppendOnly<E> events = streams.get(stream);
        return events == null ? 0 : events.size();
    }

    List<R> readAll(long afterPosition, int maxCount) {
        if (afterPosition < 0) {
            throw new IllegalArgumentException("after position must be >= 0, was " + afterPosition);
        }
        if (maxCount < 1) {
            throw new IllegalArgumentException("max count must be >= 1, was " + maxCount);
        }
        long upTo = published;
        if (afterPosition >= upTo) {
            return List.of();
        }
        List<R> all = log.view();
        return List.copyOf(all.subList((int) afterPosition, (int) Math.min(upTo, afterPosition + maxCount)));
    }

    long lastPosition() {
        return published;
    }

    int streamCount() {
        return streams.size();
    }

    /**
     * A list that only grows, appended to under the table's lock and read without one: each append writes the item
     * past the published size (no reader looks there), then publishes a new snapshot, so an append is O(1) amortised
     * and a reader's view never changes.
     */
    private static final class AppendOnly<T> {
        private record Snapshot(Object[] items, int size) {}

        private volatile Snapshot snapshot = new Snapshot(new Object[8], 0);

        void add(T item) {
            Snapshot s = snapshot;
            Object[] items = s.size() == s.items().length ? Arrays.copyOf(s.items(), s.size() * 2) : s.items();
            items[s.size()] = item;
            snapshot = new Snapshot(items, s.size() + 1);
        }

        int size() {
            return snapshot.size();
        }

        /** The items appended so far, as an unmodifiable list that later appends do not change. */
        List<T> view() {
            Snapshot s = snapshot;
            return new SnapshotList<>(s.items(), s.size());
        }
    }

    private static final class SnapshotList<T> extends AbstractList<T> implements RandomAccess {
        private final Object[] items;
        private final int size;

        SnapshotList(Object[] items, int size) {
            this.items = items;
            this.size = size;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get(int index) {
            Objects.checkIndex(index, size);
            return (T) items[index];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
