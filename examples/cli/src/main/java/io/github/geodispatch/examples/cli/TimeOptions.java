package io.github.geodispatch.examples.cli;

import io.github.geodispatch.spi.CalendarRange;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The time options shared by the subcommands, read the same way everywhere: anything a subcommand cannot use is bad
 * input (exit 2) naming the option, in the same words in every subcommand. Stateless.
 */
final class TimeOptions {
    private TimeOptions() {}

    /**
     * The instant the {@code --as-of} option's {@code text} names: an ISO-8601 time with an offset in years 0001-9999
     * ({@link CalendarRange}), the range of the journal's own times; throws {@link IllegalArgumentException} naming the
     * option otherwise.
     */
    static Instant asOf(String text) {
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--as-of must be an ISO-8601 time with offset, was '" + text + "'", e);
        }
        if (!CalendarRange.contains(time)) {
            throw new IllegalArgumentException("--as-of must be a time in the years 0001-9999, was '" + text + "'");
        }
        return time.toInstant();
    }

    /**
     * The zone the {@code --zone} option's {@code text} names: a region ({@code Asia/Kolkata}, {@code Africa/Nairobi})
     * or an offset ({@code +05:30}); throws {@link IllegalArgumentException} naming the option otherwise.
     */
    static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--zone must be a time zone, such as Asia/Kolkata or +05:30, was '"
                    + text + "'", e);
        }
    }
}
