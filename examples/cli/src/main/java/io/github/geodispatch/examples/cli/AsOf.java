package io.github.geodispatch.examples.cli;

import io.github.geodispatch.spi.CalendarRange;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The {@code --as-of} option of the subcommands that read a journal up to a time: an ISO-8601 time with an offset in
 * years 0001-9999 ({@link CalendarRange}), the range of the journal's own times. Anything else is bad input (exit 2)
 * naming the option. Stateless.
 */
final class AsOf {
    private AsOf() {}

    /** The instant {@code text} names; throws {@link IllegalArgumentException} naming {@code --as-of} otherwise. */
    static Instant parse(String text) {
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
}
