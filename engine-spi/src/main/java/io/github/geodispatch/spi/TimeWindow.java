package io.github.geodispatch.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A closed interval of time {@code [from, to]}; {@code from} must not be after {@code to}, and both are in years
 * 0001-9999 ({@link CalendarRange}).
 */
public record TimeWindow(Instant from, Instant to) {
    public TimeWindow {
        CalendarRange.require(from, "from");
        CalendarRange.require(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("time window starts after it ends: " + from + " > " + to);
        }
    }

    public boolean contains(Instant t) {
        return !t.isBefore(from) && !t.isAfter(to);
    }

    public Duration length() {
        return Duration.between(from, to);
    }
}
