package io.github.geodispatch.job;

import java.util.Optional;

/**
 * A listener's registration. {@link #close()} stops deliveries to it (idempotent). A job record's subscription also
 * says when its listener was {@linkplain RedeliveryPolicy parked} after failing, and resumes it; a registration
 * that never parks its listener (the customer record's) keeps the defaults. Thread-safe.
 */
public interface Subscription extends AutoCloseable {
    @Override
    void close();

    /** Why deliveries to this listener are parked, or empty while it is delivered to (or closed). */
    default Optional<ParkedDelivery> parked() {
        return Optional.empty();
    }

    /**
     * Delivers again to a parked listener, starting with the batch it failed on, with a fresh count of attempts.
     * Does nothing when the listener is not parked.
     */
    default void resume() {
    }
}
