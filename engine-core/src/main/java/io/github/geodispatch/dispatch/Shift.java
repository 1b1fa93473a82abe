package io.github.geodispatch.dispatch;

import io.github.geodispatch.spi.CalendarRange;
import io.github.geodispatch.spi.TimeWindow;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A technician's working hours for one day, {@code [start, end]}, with an optional lunch break that lies
 * inside them. No work is done during the lunch break: a visit whose work would overlap it starts after
 * it, and travel that would cross it is paused for it. Immutable and thread-safe.
 */
public record Shift(Instant start, Instant end, TimeWindow lunch) {
    /** The longest shift accepted. */
    public static final Duration MAX_LENGTH = Duration.ofHours(16);

    public Shift {
        CalendarRange.require(start, "shift start");
        CalendarRange.require(end, "shift end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("shift must end after it starts: " + start + " .. " + end);
        }
        if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
            throw new IllegalArgumentException("shift longer than " + MAX_LENGTH + ": " + start + " .. " + end);
        }
        if (lunch != null && (lunch.from().isBefore(start) || lunch.to().isAfter(end))) {
            throw new IllegalArgumentException("lunch " + lunch.from() + " .. " + lunch.to()
                    + " must lie inside the shift " + start + " .. " + end);
        }
    }

    /** A shift without a lunch break. */
    public static Shift of(Instant start, Instant end) {
        return new Shift(start, end, null);
    }

    /** A shift on {@code day} in {@code zone}, e.g. 09:00-18:00 with lunch at 13:00 for 45 minutes. */
    public static Shift on(LocalDate day, ZoneId zone, LocalTime from, LocalTime to, LocalTime lunchFrom,
                           Duration lunchLength) {
        CalendarRange.require(day, "day");
        Objects.requireNonNull(zone, "zone");
        Instant s = day.atTime(from).atZone(zone).toInstant();
        Instant e = day.atTime(to).atZone(zone).toInstant();
        if (lunchFrom == null) {
            return new Shift(s, e, null);
        }
        Objects.requireNonNull(lunchLength, "lunch length");
        Instant ls = day.atTime(lunchFrom).atZone(zone).toInstant();
        return new Shift(s, e, new TimeWindow(ls, ls.plus(lunchLength)));
    }
}
