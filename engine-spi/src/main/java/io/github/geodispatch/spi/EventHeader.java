package io.github.geodispatch.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What every job event carries: its id (the idempotency key), its stream, its version on that stream
 * (1 for the first event), when it happened, who caused it, and the hash of the previous event on the
 * stream ({@link HashChain#GENESIS} for the first).
 */
public record EventHeader(UUID eventId, StreamId stream, long version, Instant occurredAt, Actor actor,
                          String previousHash) {
    public EventHeader {
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
        if (!Ids.isSha256Hex(previousHash)) {
            throw new IllegalArgumentException("previousHash must be 64 lower-case hex chars, was " + previousHash);
        }
    }

    public JobId job() {
        return stream.job();
    }

    public TenantId tenant() {
        return stream.tenant();
    }
}
