package io.github.geodispatch.spi;

import java.util.List;

/**
 * The port that persists stock streams: a tenant's catalogue and one stream per stock location. Implementations
 * must be thread-safe.
 *
 * <p>Contract (checked by {@code StockEventStoreContract} in this module's test-jar), as {@link JobEventStore}'s
 * for one stream, and atomic across the streams of one append (a transfer writes the source and the destination
 * location together):
 * <ul>
 *   <li>{@link #append(List)} stores all the events of all its streams or none. Each part's events must belong to
 *       its stream and carry versions {@code expectedVersion + 1, + 2, ...}; a stream may appear only once; an
 *       empty append or an empty part is an {@link IllegalArgumentException}.</li>
 *   <li>If any stream's current version is not its part's {@code expectedVersion}, nothing is stored and
 *       {@link StockConflictException} names that stream.</li>
 *   <li>Idempotent on event id: an append whose events are all stored already, identical and at the same
 *       versions, stores nothing and returns the stored copies (checked before the versions, so a retried append
 *       that did succeed is not a conflict); an event id stored with other content, or an append repeating only
 *       some of its events, is an {@link IllegalArgumentException}.</li>
 *   <li>{@link #readStream} returns events equal to the appended ones, so their {@link StockChain} verifies.</li>
 *   <li>Every stored event gets a global position, strictly increasing in append order (and in the order of the
 *       parts and events within one append); {@link #readAll} returns events in position order.</li>
 * </ul>
 */
public interface StockEventStore {

    /** Appends to several streams at once, all or nothing; returns the stored events in append order. */
    List<StoredStockEvent> append(List<StockAppend> appends);

    /** Appends to one stream, which must be at {@code expectedVersion} (0 for a new stream). */
    default List<StoredStockEvent> append(StockStreamId stream, long expectedVersion,
                                          List<? extends StockEvent> events) {
        return append(List.of(StockAppend.of(stream, expectedVersion, events)));
    }

    /** The whole stream in version order; empty for an unknown stream. */
    List<StockEvent> readStream(StockStreamId stream);

    /** The current version of {@code stream}, 0 when it has no events. */
    long version(StockStreamId stream);

    /** Up to {@code maxCount} events with position greater than {@code afterPosition}, in position order. */
    List<StoredStockEvent> readAll(long afterPosition, int maxCount);

    /** The position of the last stored event, 0 when the store is empty. */
    long lastPosition();
}
