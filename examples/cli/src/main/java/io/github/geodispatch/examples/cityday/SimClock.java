package io.github.geodispatch.examples.cityday;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The simulated time every engine of the day reads: it moves forward with the events the simulation feeds in
 * (commands, pings, credits, the office's decisions) and never back. Not thread-safe (the simulation is
 * single-threaded).
 */
final class SimClock implements InstantSource {
    private Instant now;

    SimClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Moves the clock to {@code at} unless it already reads later. */
    void advanceTo(Instant at) {
        if (at.isAfter(now)) {
            now = at;
        }
    }
}
