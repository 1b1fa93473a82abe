package io.github.geodispatch.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The port that keeps outbound messages, so that each is sent once even across restarts and several engine
 * instances over one store: the outbox of the messaging engine. Implementations must be thread-safe.
 *
 * <p>Contract (checked by {@code MessageStoreContract} in this module's test-jar):
 * <ul>
 *   <li>{@link #enqueue} stores a message {@link StoredMessage#queued QUEUED} unless its tenant already has one with
 *       its key, and says whether it stored it; of two instances enqueuing the same key at once, exactly one gets
 *       true.</li>
 *   <li>{@link #replace} is a compare-and-set on the version: it stores {@code next} only while the stored copy is
 *       still at {@code current.version()}, and of two writers replacing the same version exactly one succeeds.
 *       {@code next} must be the same message at the next version, else {@link IllegalArgumentException}.</li>
 *   <li>{@link #due} lists a tenant's messages in one status whose {@code dueAt} is at or before {@code now},
 *       earliest first (ties by key), at most {@code limit}.</li>
 *   <li>{@link #sentSince} counts a recipient's messages with a {@code sentAt} at or after {@code since}.</li>
 *   <li>What is read back equals what was stored (records compare by content).</li>
 * </ul>
 */
public interface MessageStore {

    /** Stores {@code message} QUEUED unless its tenant has a message with its key; true when stored now. */
    boolean enqueue(OutboundMessage message, Instant at);

    /** The tenant's message with {@code key}. */
    Optional<StoredMessage> find(TenantId tenant, String key);

    /** Replaces {@code current} with {@code next} when the store still holds {@code current}'s version. */
    boolean replace(StoredMessage current, StoredMessage next);

    /** The tenant's messages in {@code status} due at or before {@code now}, earliest first, at most {@code limit}. */
    List<StoredMessage> due(TenantId tenant, DeliveryStatus status, Instant now, int limit);

    /** The message a provider accepted under {@code providerMessageId}, of any tenant. */
    Optional<StoredMessage> byProviderMessageId(String providerMessageId);

    /** How many of the tenant's messages to {@code recipient} were handed to a provider at or after {@code since}. */
    int sentSince(TenantId tenant, MessageRecipient recipient, Instant since);
}
