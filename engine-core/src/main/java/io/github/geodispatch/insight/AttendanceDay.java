package io.github.geodispatch.insight;

import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.CalendarRange;
import io.github.geodispatch.spi.TechnicianId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One technician's day as attendance sees it: the planned shift, the first branch check-in (null when the
 * technician never checked in), time inside customer-site fences and time travelling between them. A later
 * {@code AttendanceDay} for the same technician and day replaces the earlier one (attendance grows as
 * pings arrive).
 *
 * <p>The day and the times are in years 0001-9999 ({@link CalendarRange}); the shift is at most
 * {@link #MAX_SHIFT}, a day; the on-site and travel times are at most {@link #MAX_TIME}, the longest time between
 * two instants in that range (a visit that lasted that long). The owner's view takes the day as the one the shift
 * starts on in its zone. Immutable and thread-safe.
 */
public record AttendanceDay(TechnicianId technician, BranchId branch, LocalDate day, Instant shiftStart,
                            Instant shiftEnd, Instant checkIn, Duration onSite, Duration travel) {
    /** The longest shift taken: a day. */
    public static final Duration MAX_SHIFT = Duration.ofHours(24);
    /**
     * The longest on-site or travel time taken: from {@link CalendarRange#MIN_INSTANT} to
     * {@link CalendarRange#MAX_INSTANT}, which no visit between pings in range exceeds.
     */
    public static final Duration MAX_TIME = Duration.between(CalendarRange.MIN_INSTANT, CalendarRange.MAX_INSTANT);

    public AttendanceDay {
        Objects.requireNonNull(technician, "technician");
        Objects.requireNonNull(branch, "branch");
        CalendarRange.require(day, "day");
        CalendarRange.require(shiftStart, "shift start");
        CalendarRange.require(shiftEnd, "shift end");
        if (!shiftEnd.isAfter(shiftStart)) {
            throw new IllegalArgumentException("shift of " + technician.value() + " on " + day + " must end after it starts: "
                    + shiftStart + " .. " + shiftEnd);
        }
        if (Duration.between(shiftStart, shiftEnd).compareTo(MAX_SHIFT) > 0) {
            throw new IllegalArgumentException("shift of " + technician.value() + " on " + day + " is longer than a day: "
                    + shiftStart + " .. " + shiftEnd);
        }
        if (checkIn != null) {
            CalendarRange.require(checkIn, "check-in");
        }
        requireTime(onSite, "on-site time");
        requireTime(travel, "travel time");
    }

    private static void requireTime(Duration time, String field) {
        if (Objects.requireNonNull(time, field).isNegative()) {
            throw new IllegalArgumentException(field + " must not be negative, was " + time);
        }
        if (time.compareTo(MAX_TIME) > 0) {
            throw new IllegalArgumentException(field + " " + time + " is longer than " + MAX_TIME
                    + ", the time from year 0001 to year 9999");
        }
    }

    /** Length of the planned shift. */
    public Duration shift() {
        return Duration.between(shiftStart, shiftEnd);
    }
}
