package io.github.geodispatch.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider (messages, payment requests) did not take a request: it asked to slow down
 * ({@link Kind#RATE_LIMITED}, with its retry-after when it gave one), failed in a way worth retrying later
 * ({@link Kind#TRANSIENT}: a 5xx after the adapter's own retries, a timeout) or refused it for good
 * ({@link Kind#PERMANENT}: a bad number, an unapproved template, wrong credentials).
 */
public final class ProviderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** How the caller should treat the failure. */
    public enum Kind { RATE_LIMITED, TRANSIENT, PERMANENT }

    private final Kind kind;
    private final transient Duration retryAfter;

    public ProviderException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("retry-after must not be negative, was " + retryAfter);
        }
        this.retryAfter = retryAfter;
    }

    public static ProviderException permanent(String message) {
        return new ProviderException(Kind.PERMANENT, message, null, null);
    }

    public static ProviderException transientFailure(String message, Throwable cause) {
        return new ProviderException(Kind.TRANSIENT, message, null, cause);
    }

    public static ProviderException rateLimited(String message, Duration retryAfter) {
        return new ProviderException(Kind.RATE_LIMITED, message, retryAfter, null);
    }

    public Kind kind() {
        return kind;
    }

    /** How long the provider asked the caller to wait, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
