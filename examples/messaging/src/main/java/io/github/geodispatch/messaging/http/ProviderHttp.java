package io.github.geodispatch.messaging.http;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * How an adapter reaches its provider: the JDK's HTTP client, the timeout of each call, the retries of a 5xx or an
 * I/O error and how it waits between them, and the clock that reads an HTTP-date Retry-After. {@link #defaults()} for
 * production; tests swap the sleeper (to record the back-off instead of sleeping). Immutable and thread-safe.
 */
public record ProviderHttp(HttpClient client, Duration timeout, Retries retries, Sleeper sleeper, InstantSource clock) {
    public ProviderHttp {
        Objects.requireNonNull(client, "http client");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(clock, "clock");
    }

    /** A client that connects within 10 s, calls that time out after 10 s, {@link Retries#DEFAULT}, the system clock. */
    public static ProviderHttp defaults() {
        return new ProviderHttp(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                Duration.ofSeconds(10), Retries.DEFAULT, Sleeper.SYSTEM, InstantSource.system());
    }

    public ProviderHttp withRetries(Retries value) {
        return new ProviderHttp(client, timeout, value, sleeper, clock);
    }

    public ProviderHttp withSleeper(Sleeper value) {
        return new ProviderHttp(client, timeout, retries, value, clock);
    }

    public ProviderHttp withClock(InstantSource value) {
        return new ProviderHttp(client, timeout, retries, sleeper, value);
    }

    HttpCalls calls(String provider, HttpCalls.Refusals refusals) {
        return new HttpCalls(provider, client, sleeper, retries, clock, refusals);
    }
}
