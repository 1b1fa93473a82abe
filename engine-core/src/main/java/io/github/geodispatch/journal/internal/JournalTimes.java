package io.github.geodispatch.journal.internal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 date-times with an offset, as the journal writes them. The common shape
 * {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|+HH:MM)} is decoded directly (journal import is dominated by
 * timestamps); anything else goes to {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}. A time without an
 * offset is rejected. Stateless and thread-safe.
 */
public final class JournalTimes {
    private JournalTimes() {}

    static OffsetDateTime parse(String text) {
        OffsetDateTime fast = parseCommon(text);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 date-time with an offset", e);
        }
    }

    public static String format(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    /** Returns null when the text is not in the common shape, so the full parser decides. */
    private static OffsetDateTime parseCommon(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            int count = i - start;
            if (count == 0 || count > 9) {
                return null;
            }
            nanos = digits(s, start, count);
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if ((oh | om) < 0) {
                return null;
            }
            int sign = s.charAt(i) == '-' ? -1 : 1;
            try {
                offset = ZoneOffset.ofHoursMinutes(sign * oh, sign * om);
            } catch (DateTimeException e) {
                return null;
            }
        } else {
            return null;
        }
        try {
            return OffsetDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second, nanos), offset);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + s + "' is not a valid date-time: " + e.getMessage(), e);
        }
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int k = from; k < from + count; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
