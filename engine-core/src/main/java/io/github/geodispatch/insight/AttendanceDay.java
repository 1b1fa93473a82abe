package io.github.geodispatch.insight;

import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.TechnicianId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One technician's day as attendance sees it: the planned shift, the first branch check-in (null when the
 * technician never checked in), time inside customer-site fences and time travelling between them. A later
 * {@code AttendanceDay} for the same technician and day replaces the earlier one (attendance grows as
 * pings arrive). Immutable and thread-safe.
 */
public record AttendanceDay(TechnicianId technician, BranchId branch, LocalDate day, Instant shiftStart,
                            Instant shiftEnd, Instant checkIn, Duration onSite, Duration travel) {
    public AttendanceDay {
        Objects.requireNonNull(technician, "technician");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(shiftStart, "shift start");
        Objects.requireNonNull(shiftEnd, "shift end");
        if (!shiftEnd.isAfter(shiftStart)) {
            throw new IllegalArgumentException("shift of " + technician.value() + " on " + day + " must end after it starts: "
                    + shiftStart + " .. " + shiftEnd);
        }
        Objects.requireNonNull(onSite, "on-site time");
        Objects.requireNonNull(travel, "travel time");
        if (onSite.isNegative() || travel.isNegative()) {
            throw new IllegalArgumentException("on-site and travel time must not be negative, were " + onSite + " and " + travel);
        }
    }

    /** Length of the planned shift. */
    public Duration shift() {
        return Duration.between(shiftStart, shiftEnd);
    }
}
