package io.github.geodispatch.job;

/** A listener's registration; {@link #close()} stops deliveries to it. Idempotent and thread-safe. */
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
