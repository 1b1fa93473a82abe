package io.github.geodispatch.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What every job event carries: its id (the idempotency key), its stream, its version on that stream
 * (1 for the first event), when it happened, who caused it, the hash of the previous event on the
 * stream ({@link HashChain#GENESIS} for the first), the {@link ChainFormat} this event's own hash is taken in,
 * and, for a command a technician's phone queued while offline, its {@link DeviceOrigin} (else null).
 *
 * <p>A null {@code format} reads as {@link ChainFormat#TEXT_V1}: events stored before formats existed carry none.
 * Format 1 events cannot carry a device origin (the format has no place for it). Immutable and thread-safe.
 */
public record EventHeader(UUID eventId, StreamId stream, long version, Instant occurredAt, Actor actor,
                          String previousHash, ChainFormat format, DeviceOrigin origin) {
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
        format = format == null ? ChainFormat.TEXT_V1 : format;
        if (format == ChainFormat.TEXT_V1 && origin != null) {
            throw new IllegalArgumentException("a format-1 event cannot carry a device origin; event " + eventId);
        }
    }

    /** A header in the {@link ChainFormat#CURRENT current format}, for an event not queued offline. */
    public EventHeader(UUID eventId, StreamId stream, long version, Instant occurredAt, Actor actor,
                       String previousHash) {
        this(eventId, stream, version, occurredAt, actor, previousHash, ChainFormat.CURRENT, null);
    }

    public JobId job() {
        return stream.job();
    }

    public TenantId tenant() {
        return stream.tenant();
    }

    /** This header chained onto {@code previousHash} in {@code format} (what a chain migration writes). */
    public EventHeader rechained(String previousHash, ChainFormat format) {
        return new EventHeader(eventId, stream, version, occurredAt, actor, previousHash, format, origin);
    }
}
