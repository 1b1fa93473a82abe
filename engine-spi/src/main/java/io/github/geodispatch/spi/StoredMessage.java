package io.github.geodispatch.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A message as a {@link MessageStore} holds it: the message, its status, the store {@code version} (1 when queued,
 * one more per change: the compare-and-set token of {@link MessageStore#replace}), how many times a sender tried it,
 * when it is next due ({@code dueAt}: for QUEUED when it may be sent, for SENDING when the sender's lease ends),
 * when it was handed to the provider ({@code sentAt}, null before), the provider's id for it, and what the last
 * change said ({@code detail}, empty when nothing). The {@code with...} methods make the next version and check that
 * the status may move so. Immutable and thread-safe.
 */
public record StoredMessage(OutboundMessage message, DeliveryStatus status, long version, int attempts, Instant dueAt,
                            Instant sentAt, String providerMessageId, String detail, Instant updatedAt) {
    public StoredMessage {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(status, "status");
        if (version < 1) {
            throw new IllegalArgumentException("stored message version must be >= 1, was " + version);
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be >= 0, was " + attempts);
        }
        Objects.requireNonNull(dueAt, "dueAt");
        detail = detail == null ? "" : detail;
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A message just queued: version 1, due at its {@code notBefore}. */
    public static StoredMessage queued(OutboundMessage message, Instant at) {
        return new StoredMessage(message, DeliveryStatus.QUEUED, 1, 0, message.notBefore(), null, null, "", at);
    }

    /** The message's tenant and key, which identify it in its store. */
    public String key() {
        return message.key();
    }

    /** Held by a sender from {@code at} until {@code leaseEnd}: one more attempt, handed over at {@code at}. */
    public StoredMessage sending(Instant at, Instant leaseEnd) {
        return next(DeliveryStatus.SENDING, attempts + 1, leaseEnd, at, providerMessageId, "", at);
    }

    /** Back in the queue until {@code dueAt}, saying why (quiet hours, the rate limit, a retry after a failure). */
    public StoredMessage deferred(Instant dueAt, String why, Instant at) {
        return next(DeliveryStatus.QUEUED, attempts, dueAt, status == DeliveryStatus.SENDING ? null : sentAt,
                providerMessageId, why, at);
    }

    /** Accepted by the provider under {@code providerId}. */
    public StoredMessage sent(String providerId, Instant at) {
        Objects.requireNonNull(providerId, "provider message id");
        return next(DeliveryStatus.SENT, attempts, dueAt, sentAt, providerId, "", at);
    }

    /** Moved to {@code next} (DELIVERED, READ, FAILED, EXPIRED) at {@code at}, saying why. */
    public StoredMessage reported(DeliveryStatus next, String why, Instant at) {
        return next(next, attempts, dueAt, sentAt, providerMessageId, why, at);
    }

    private StoredMessage next(DeliveryStatus to, int attempts, Instant dueAt, Instant sentAt, String providerId,
                               String detail, Instant at) {
        if (!status.canMoveTo(to)) {
            throw new IllegalStateException("message " + key() + " cannot move from " + status + " to " + to);
        }
        return new StoredMessage(message, to, version + 1, attempts, dueAt, sentAt, providerId, detail, at);
    }
}
