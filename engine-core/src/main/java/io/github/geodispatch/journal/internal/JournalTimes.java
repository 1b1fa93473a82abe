package io.github.geodispatch.journal.internal;

import io.github.geodispatch.spi.CalendarRange;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.IntFunction;

/**
 * ISO-8601 date-times with an offset, as the journal writes them. The common shape
 * {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|+HH:MM)} is decoded directly (journal import is dominated by
 * timestamps), reusing the dates and times of day seen lately and the offset of the previous time when they repeat (a
 * journal's times come from a few weeks' days and one offset); anything else goes to
 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}. A time without an offset is rejected, and so is one outside years
 * 0001-9999 ({@link CalendarRange}): later arithmetic on times near the JDK's limits overflows. An instance holds that reuse:
 * not thread-safe, one per reading thread; the static methods keep one per thread, so they are thread-safe.
 */
public final class JournalTimes {
    /** Dates decoded lately, keyed yyyymmdd: lines of a few weeks interleave their days. */
    private final Recent<LocalDate> dates = new Recent<>(64, k -> LocalDate.of(k / 10_000, k / 100 % 100, k % 100));
    /** Times of day decoded lately (whole seconds), keyed by their second of the day plus one. */
    private final Recent<LocalTime> times = new Recent<>(1024, k -> LocalTime.ofSecondOfDay(k - 1));
    private int lastOffsetSeconds = Integer.MIN_VALUE;
    private ZoneOffset lastOffset;

    private static final ThreadLocal<JournalTimes> PER_THREAD = ThreadLocal.withInitial(JournalTimes::new);

    JournalTimes() {}

    /** {@code time} is after {@code asOf}, compared without making an Instant (one per journal line otherwise). */
    public static boolean after(OffsetDateTime time, Instant asOf) {
        long seconds = time.toEpochSecond();
        return seconds > asOf.getEpochSecond() || seconds == asOf.getEpochSecond() && time.getNano() > asOf.getNano();
    }

    /**
     * The time {@code text} (of the field {@code field}, for the message); throws {@link IllegalArgumentException}
     * when it is not a time with an offset or is outside years 0001-9999 ({@link CalendarRange}).
     */
    static OffsetDateTime parse(String text, String field) {
        char[] chars = text.toCharArray();
        OffsetDateTime fast = PER_THREAD.get().parseCommon(chars, 0, chars.length);
        if (fast != null) {
            return fast;
        }
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 date-time with an offset"
                    + (e.getCause() != null ? ": " + e.getCause().getMessage() : ""), e);
        }
        return CalendarRange.require(time, field);
    }

    /**
     * The date {@code text} ({@code yyyy-MM-dd}) of the field {@code field}; throws {@link IllegalArgumentException}
     * naming the field when it is not a date or is outside years 0001-9999.
     */
    static LocalDate date(String text, String field) {
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " '" + text + "' is not a date yyyy-MM-dd", e);
        }
        return CalendarRange.require(date, field);
    }

    public static String format(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    /**
     * The time in {@code s[from, from + n)} when it has the common shape, is valid and is in years 0001-9999; null
     * otherwise (the full parser then decides, and words the error).
     */
    OffsetDateTime parseCommon(char[] s, int from, int n) {
        if (n < 20 || s[from + 4] != '-' || s[from + 7] != '-' || s[from + 10] != 'T' || s[from + 13] != ':'
                || s[from + 16] != ':') {
            return null;
        }
        int year = digits(s, from, 4);
        int month = digits(s, from + 5, 2);
        int day = digits(s, from + 8, 2);
        int hour = digits(s, from + 11, 2);
        int minute = digits(s, from + 14, 2);
        int second = digits(s, from + 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || year < CalendarRange.MIN_YEAR) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s[from + i] == '.') {
            int start = ++i;
            while (i < n && s[from + i] >= '0' && s[from + i] <= '9') {
                i++;
            }
            int count = i - start;
            if (count == 0 || count > 9) {
                return null;
            }
            nanos = digits(s, from + start, count);
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && s[from + i] == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (s[from + i] == '+' || s[from + i] == '-') && s[from + i + 3] == ':') {
            int oh = digits(s, from + i + 1, 2);
            int om = digits(s, from + i + 4, 2);
            if ((oh | om) < 0 || oh > 18 || om > 59) {
                return null;
            }
            offsetSeconds = (s[from + i] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        try {
            return OffsetDateTime.of(LocalDateTime.of(date(year, month, day), time(hour, minute, second, nanos)),
                    offset(offsetSeconds));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private LocalDate date(int year, int month, int day) {
        return dates.get(year * 10_000 + month * 100 + day);
    }

    private LocalTime time(int hour, int minute, int second, int nanos) {
        if (nanos != 0 || hour > 23 || minute > 59 || second > 59) {
            return LocalTime.of(hour, minute, second, nanos);
        }
        // plus one: midnight must not have the key of an empty slot
        return times.get(hour * 3600 + minute * 60 + second + 1);
    }

    /**
     * A few values made lately from an int key (never 0), each in the slot of its key's low bits: a key asked again
     * answers without making its value anew. A value that cannot be made throws as {@code make} does.
     */
    private static final class Recent<T> {
        private final int[] keys;
        private final Object[] values;
        private final IntFunction<T> make;

        Recent(int slots, IntFunction<T> make) {
            this.keys = new int[slots];
            this.values = new Object[slots];
            this.make = make;
        }

        @SuppressWarnings("unchecked")
        T get(int key) {
            int slot = key & (keys.length - 1);
            Object value = values[slot];
            if (value == null || keys[slot] != key) {
                value = make.apply(key);
                values[slot] = value;
                keys[slot] = key;
            }
            return (T) value;
        }
    }

    private ZoneOffset offset(int seconds) {
        if (seconds != lastOffsetSeconds) {
            lastOffset = ZoneOffset.ofTotalSeconds(seconds);
            lastOffsetSeconds = seconds;
        }
        return lastOffset;
    }

    private static int digits(char[] s, int from, int count) {
        int v = 0;
        for (int k = from; k < from + count; k++) {
            char c = s[k];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
