package io.github.geodispatch.spi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The calendar range the engine takes a time or a date in: years {@value #MIN_YEAR} to {@value #MAX_YEAR}. The JDK
 * holds times a billion years either side, but the engine counts days, visits and milliseconds between them; a time
 * near the JDK's limits overflows that arithmetic. A time is in range when its date as written (in its own offset)
 * is: {@code 0001-01-01T00:00:00+05:30} and {@code 9999-12-31T23:59:59-18:00} are taken, {@code 0000-12-31T23:59Z}
 * and {@code +10000-01-01T00:00Z} are not. Where a time or date enters (a journal line, a CSV row, a CLI option, a
 * command) one out of range is refused naming its field. An {@link Instant} has no offset of its own: it is in range
 * when a time in range has it, from {@link #MIN_INSTANT} to {@link #MAX_INSTANT} (what a reader can give a host, so
 * an entry point taking an instant takes every one a reader made). Stateless.
 */
public final class CalendarRange {
    /** The first year taken. */
    public static final int MIN_YEAR = 1;
    /** The last year taken. */
    public static final int MAX_YEAR = 9999;
    /** The earliest instant in range: {@code 0001-01-01T00:00:00+18:00}. */
    public static final Instant MIN_INSTANT = OffsetDateTime.of(MIN_YEAR, 1, 1, 0, 0, 0, 0, ZoneOffset.MAX).toInstant();
    /** The last instant in range: {@code 9999-12-31T23:59:59.999999999-18:00}. */
    public static final Instant MAX_INSTANT = OffsetDateTime.of(MAX_YEAR, 12, 31, 23, 59, 59, 999_999_999,
            ZoneOffset.MIN).toInstant();

    private CalendarRange() {}

    /** True when {@code time}'s date, in its own offset, is in years {@value #MIN_YEAR}-{@value #MAX_YEAR}. */
    public static boolean contains(OffsetDateTime time) {
        return time.getYear() >= MIN_YEAR && time.getYear() <= MAX_YEAR;
    }

    /** True when {@code date} is in years {@value #MIN_YEAR}-{@value #MAX_YEAR}. */
    public static boolean contains(LocalDate date) {
        return date.getYear() >= MIN_YEAR && date.getYear() <= MAX_YEAR;
    }

    /** True when {@code time} is from {@link #MIN_INSTANT} to {@link #MAX_INSTANT}. */
    public static boolean contains(Instant time) {
        return !time.isBefore(MIN_INSTANT) && !time.isAfter(MAX_INSTANT);
    }

    /**
     * Returns {@code time}; throws {@link NullPointerException} naming {@code field} when it is null, and
     * {@link IllegalArgumentException} naming it when it is out of range: the check of an entry point taking an
     * instant.
     */
    public static Instant require(Instant time, String field) {
        if (!contains(Objects.requireNonNull(time, field))) {
            throw new IllegalArgumentException(field + " " + time + " is outside the years 0001-9999");
        }
        return time;
    }

    /**
     * Returns {@code time}; throws {@link NullPointerException} naming {@code field} when it is null, and
     * {@link IllegalArgumentException} naming it when it is out of range.
     */
    public static OffsetDateTime require(OffsetDateTime time, String field) {
        if (!contains(Objects.requireNonNull(time, field))) {
            throw new IllegalArgumentException(field + " " + time + " is outside the years 0001-9999");
        }
        return time;
    }

    /**
     * Returns {@code date}; throws {@link NullPointerException} naming {@code field} when it is null, and
     * {@link IllegalArgumentException} naming it when it is out of range.
     */
    public static LocalDate require(LocalDate date, String field) {
        if (!contains(Objects.requireNonNull(date, field))) {
            throw new IllegalArgumentException(field + " " + date + " is outside the years 0001-9999");
        }
        return date;
    }
}
