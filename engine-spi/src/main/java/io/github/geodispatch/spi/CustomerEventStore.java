package io.github.geodispatch.spi;

import java.util.List;
import java.util.Objects;

/**
 * The port that persists customer streams (profile, sites, equipment, contracts), with the contract of
 * {@link JobEventStore} (checked by {@code CustomerEventStoreContract} in this module's test-jar):
 * <ul>
 *   <li>{@link #append} stores all the events or none; they must belong to {@code stream} and carry versions
 *       {@code expectedVersion + 1, + 2, ...}, else {@link IllegalArgumentException} (an empty append too);</li>
 *   <li>a stream not at {@code expectedVersion} stores nothing and throws {@link CustomerConflictException};</li>
 *   <li>idempotent on event id, checked before the version: an append whose events are all stored identically
 *       returns the stored copies; an id stored with other content, or an append repeating only some of its
 *       events, is an {@link IllegalArgumentException};</li>
 *   <li>{@link #readStream} returns events equal to the appended ones (their {@code toString()} feeds the
 *       {@link CustomerHashChain});</li>
 *   <li>every stored event gets a global position, strictly increasing in append order, and {@link #readAll}
 *       returns events in position order.</li>
 * </ul>
 * Implementations must be thread-safe.
 */
public interface CustomerEventStore {

    /** Appends to {@code stream}, which must be at {@code expectedVersion} (0 for a new stream). */
    List<StoredCustomerEvent> append(CustomerStreamId stream, long expectedVersion, List<? extends CustomerEvent> events);

    /**
     * The argument checks every adapter's {@link #append} makes before it touches its storage: a stream, a
     * version of at least 0, at least one event, and events of {@code stream} numbered {@code expectedVersion + 1}
     * onwards without a gap; anything else is an {@link IllegalArgumentException} (or a {@link NullPointerException}
     * for a null) naming the event.
     */
    static void requireAppendable(CustomerStreamId stream, long expectedVersion, List<? extends CustomerEvent> events) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(events, "events");
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expected version must be >= 0, was " + expectedVersion);
        }
        if (events.isEmpty()) {
            throw new IllegalArgumentException("nothing to append to " + stream);
        }
        for (int i = 0; i < events.size(); i++) {
            CustomerEvent event = Objects.requireNonNull(events.get(i), "event " + i);
            if (!event.header().stream().equals(stream) || event.header().version() != expectedVersion + 1 + i) {
                throw new IllegalArgumentException("event " + i + " of the append to " + stream + " is "
                        + event.header().stream() + " version " + event.header().version() + ", expected version "
                        + (expectedVersion + 1 + i));
            }
        }
    }

    /** The whole stream in version order; empty for an unknown stream. */
    List<CustomerEvent> readStream(CustomerStreamId stream);

    /** The current version of {@code stream}, 0 when it has no events. */
    long version(CustomerStreamId stream);

    /** Up to {@code maxCount} events with position greater than {@code afterPosition}, in position order. */
    List<StoredCustomerEvent> readAll(long afterPosition, int maxCount);

    /** The position of the last stored event, 0 when the store is empty. */
    long lastPosition();
}
