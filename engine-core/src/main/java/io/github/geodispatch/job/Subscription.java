package io.github.geodispatch.job;

import java.util.Optional;

/**
 * A listener's registration. {@link #close()} stops deliveries to it (idempotent); a listener
 * {@linkplain RedeliveryPolicy parked} after failing is resumed with {@link #resume()}. Thread-safe.
 */
public interface Subscription extends AutoCloseable {
    @Override
    void close();

    /** Why deliveries to this listener are parked, or empty while it is delivered to (or closed). */
    Optional<ParkedDelivery> parked();

    /**
     * Delivers again to a parked listener, starting with the batch it failed on, with a fresh count of attempts.
     * Does nothing when the listener is not parked.
     */
    void resume();
}
