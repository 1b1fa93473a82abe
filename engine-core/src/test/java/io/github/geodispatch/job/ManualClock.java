package io.github.geodispatch.job;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock the test moves by hand: windows and back-offs are measured on it, never slept. Not thread-safe. */
final class ManualClock implements InstantSource {
    Instant now;

    ManualClock(Instant start) {
        this.now = start;
    }

    ManualClock() {
        this(Instant.parse("2025-06-02T04:30:00Z"));
    }

    @Override
    public Instant instant() {
        return now;
    }

    void pass(Duration d) {
        now = now.plus(d);
    }
}
