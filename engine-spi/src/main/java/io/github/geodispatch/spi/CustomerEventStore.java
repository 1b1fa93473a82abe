package io.github.geodispatch.spi;

import java.util.List;

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

    /** The whole stream in version order; empty for an unknown stream. */
    List<CustomerEvent> readStream(CustomerStreamId stream);

    /** The current version of {@code stream}, 0 when it has no events. */
    long version(CustomerStreamId stream);

    /** Up to {@code maxCount} events with position greater than {@code afterPosition}, in position order. */
    List<StoredCustomerEvent> readAll(long afterPosition, int maxCount);

    /** The position of the last stored event, 0 when the store is empty. */
    long lastPosition();
}
