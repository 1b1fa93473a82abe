package io.github.geodispatch.messaging.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How an adapter retries a call that failed with a 5xx or an I/O error: up to {@code attempts} calls in all, waiting
 * {@code firstBackOff}, then twice that, and so on between them. A 429 is not retried here: the engine's courier holds
 * the message for the provider's retry-after. Immutable and thread-safe.
 */
public record Retries(int attempts, Duration firstBackOff) {
    /** Three calls, 500 ms then 1 s apart. */
    public static final Retries DEFAULT = new Retries(3, Duration.ofMillis(500));

    public Retries {
        if (attempts < 1 || attempts > 10) {
            throw new IllegalArgumentException("retry attempts must be 1-10, was " + attempts);
        }
        Objects.requireNonNull(firstBackOff, "first back-off");
        if (firstBackOff.isNegative()) {
            throw new IllegalArgumentException("first back-off must not be negative, was " + firstBackOff);
        }
    }

    /** The wait after the {@code attempt}-th failed call (1-based): first back-off × 2^(attempt-1). */
    Duration backOffAfter(int attempt) {
        return firstBackOff.multipliedBy(1L << Math.min(attempt - 1, 20));
    }
}
