package io.github.geodispatch.messaging.http;

import java.time.Duration;

/**
 * How an adapter waits between its retries of a failed call: {@link #SYSTEM} sleeps the calling thread; tests inject
 * one that records the waits and returns at once. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps the calling thread. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
