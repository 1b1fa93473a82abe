package io.github.geodispatch.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What every stock event carries, as {@link EventHeader} does for job events: its id (the idempotency key),
 * its stream, its version on that stream (1 for the first event), when it happened, who caused it, and the
 * hash of the previous event on the stream ({@link HashChain#GENESIS} for the first). Immutable and
 * thread-safe.
 */
public record StockEventHeader(UUID eventId, StockStreamId stream, long version, Instant occurredAt, Actor actor,
                               String previousHash) {
    public StockEventHeader {
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
        StockValues.requireSha256(previousHash, "previousHash");
    }

    public TenantId tenant() {
        return stream.tenant();
    }

    /** The location of the stream; null on the catalogue stream. */
    public LocationId location() {
        return stream.location();
    }
}
