package io.github.geodispatch.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What every customer event carries, as {@link EventHeader} does for job events: its id (the idempotency key),
 * its stream, its version on that stream (1 for the first event), when it happened, who caused it, and the hash
 * of the previous event on the stream ({@link HashChain#GENESIS} for the first). Immutable and thread-safe.
 */
public record CustomerEventHeader(UUID eventId, CustomerStreamId stream, long version, Instant occurredAt,
                                  Actor actor, String previousHash) {
    public CustomerEventHeader {
        Objects.requireNonNull(eventId, "event id");
        Objects.requireNonNull(stream, "stream");
        if (version < 1) {
            throw new IllegalArgumentException("event version must be >= 1, was " + version);
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        if (!actor.tenant().equals(stream.tenant())) {
            throw new IllegalArgumentException("actor of tenant " + actor.tenant() + " cannot write stream " + stream);
        }
        if (previousHash == null || !previousHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("previousHash must be 64 lower-case hex chars, was " + previousHash);
        }
    }

    public CustomerId customer() {
        return stream.customer();
    }

    public TenantId tenant() {
        return stream.tenant();
    }
}
