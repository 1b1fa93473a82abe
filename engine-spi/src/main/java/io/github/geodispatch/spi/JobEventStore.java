package io.github.geodispatch.spi;

import java.util.List;

/**
 * The port that persists job streams. Implementations must be thread-safe.
 *
 * <p>Contract (checked by {@code JobEventStoreContract} in this module's test-jar):
 * <ul>
 *   <li>{@link #append} stores all the events or none. The events must belong to {@code stream} and carry
 *       versions {@code expectedVersion + 1, + 2, ...}; otherwise {@link IllegalArgumentException}. An empty
 *       append is an {@link IllegalArgumentException} too.</li>
 *   <li>If the stream's current version is not {@code expectedVersion}, nothing is stored and
 *       {@link ConcurrencyConflictException} is thrown.</li>
 *   <li>Idempotent on event id: appending events that are already stored, identical and at the same
 *       versions, stores nothing again and returns the stored copies. An event id already stored with
 *       different content or at another place is rejected with {@link IllegalArgumentException}, as is an
 *       append that repeats only some of its events. The replay check comes before the version check, so a
 *       retried append whose first attempt did succeed returns the stored copies instead of a conflict.</li>
 *   <li>{@link #readStream} returns events equal to the appended ones (records compare by content), since
 *       their {@code toString()} feeds the {@link HashChain}.</li>
 *   <li>Every stored event gets a global position, strictly increasing in append order; {@link #readAll}
 *       returns events in position order, so per-stream order is version order.</li>
 * </ul>
 */
public interface JobEventStore {

    /** Appends to {@code stream}, which must be at {@code expectedVersion} (0 for a new stream). */
    List<StoredEvent> append(StreamId stream, long expectedVersion, List<? extends JobEvent> events);

    /** The whole stream in version order; empty for an unknown stream. */
    List<JobEvent> readStream(StreamId stream);

    /** The current version of {@code stream}, 0 when it has no events. */
    long version(StreamId stream);

    /** Up to {@code maxCount} events with position greater than {@code afterPosition}, in position order. */
    List<StoredEvent> readAll(long afterPosition, int maxCount);

    /** The position of the last stored event, 0 when the store is empty. */
    long lastPosition();
}
