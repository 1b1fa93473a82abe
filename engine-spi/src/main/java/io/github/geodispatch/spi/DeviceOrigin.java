package io.github.geodispatch.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Where an event came from when a technician's phone queued its command while offline: the phone's idempotency
 * key for the command, the phone's clock when the technician acted ({@code deviceTime}) and the engine's clock
 * when the command reached it ({@code receivedAt}). The event's {@link EventHeader#occurredAt()} is the device
 * time (never later than when the command was applied); {@link #delay()} is how late the command arrived.
 * Immutable and thread-safe.
 */
public record DeviceOrigin(String idempotencyKey, Instant deviceTime, Instant receivedAt) {
    /** The longest idempotency key, in characters. */
    public static final int MAX_KEY_LENGTH = 128;

    public DeviceOrigin {
        requireKey(idempotencyKey);
        Objects.requireNonNull(deviceTime, "device time");
        Objects.requireNonNull(receivedAt, "received at");
    }

    /**
     * Checks an idempotency key: 1-128 printable ASCII characters (a UUID, a ULID, a phone's counter), so that it
     * is the same key in every store and language. Returns the key.
     */
    public static String requireKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("idempotency key must be 1-" + MAX_KEY_LENGTH + " characters, was "
                    + (key == null ? "null" : key.length() + " characters"));
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new IllegalArgumentException("idempotency key must be printable ASCII without spaces, '" + key
                        + "' has character " + (int) c + " at index " + i);
            }
        }
        return key;
    }

    /** How long after the technician acted the command reached the engine (negative when the phone's clock ran ahead). */
    public Duration delay() {
        return Duration.between(deviceTime, receivedAt);
    }
}
