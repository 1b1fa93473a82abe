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
 * A day's working hours as a calendar states them, {@code from}-{@code to} local time, with an optional
 * lunch break ({@code lunchFrom} and {@code lunch} both set, or both {@code null}) inside them. Shifts
 * end on the day they start: night shifts are not modelled. Immutable and thread-safe.
 */
public record WorkingHours(LocalTime from, LocalTime to, LocalTime lunchFrom, Duration lunch) {
    public WorkingHours {
        Objects.requireNonNull(from, "working hours from");
        Objects.requireNonNull(to, "working hours to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("working hours must end after they start on the same day: " + from + "-" + to);
        }
        if ((lunchFrom == null) != (lunch == null)) {
            throw new IllegalArgumentException("lunch needs both its start and its length, or neither");
        }
        if (lunch != null) {
            if (lunch.isNegative() || lunch.isZero() || lunch.getNano() != 0) {
                throw new IllegalArgumentException("lunch must be positive whole seconds, was " + lunch);
            }
            if (lunchFrom.isBefore(from) || Duration.between(lunchFrom, to).compareTo(lunch) < 0) {
                throw new IllegalArgumentException("lunch " + lunchFrom + " for " + lunch + " must lie inside " + from + "-" + to);
            }
        }
    }

    /** Hours without a lunch break. */
    public static WorkingHours of(LocalTime from, LocalTime to) {
        return new WorkingHours(from, to, null, null);
    }

    /** These hours on {@code day} in {@code zone}, as a {@link Shift}. */
    public Shift on(LocalDate day, ZoneId zone) {
        CalendarRange.require(day, "day");
        Objects.requireNonNull(zone, "zone");
        if (lunch == null) {
            return Shift.of(day.atTime(from).atZone(zone).toInstant(), day.atTime(to).atZone(zone).toInstant());
        }
        Instant lunchStart = day.atTime(lunchFrom).atZone(zone).toInstant();
        return new Shift(day.atTime(from).atZone(zone).toInstant(), day.atTime(to).atZone(zone).toInstant(),
                new TimeWindow(lunchStart, lunchStart.plus(lunch)));
    }
}
