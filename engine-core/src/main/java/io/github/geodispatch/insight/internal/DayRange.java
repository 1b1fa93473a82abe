package io.github.geodispatch.insight.internal;

import io.github.geodispatch.spi.CalendarRange;
import java.time.LocalDate;

/**
 * The check of the owner's view's queries over days {@code from}..{@code to}, {@link
 * io.github.geodispatch.insight.KpiQuery}'s included. Stateless.
 */
public final class DayRange {
    private DayRange() {}

    /** {@link #require(LocalDate, LocalDate, String)} of a range named "range". */
    static void require(LocalDate from, LocalDate to) {
        require(from, to, "range");
    }

    /**
     * Throws {@link NullPointerException} naming {@code from} or {@code to} when null, and
     * {@link IllegalArgumentException} when either is outside years 0001-9999 ({@link CalendarRange}) or {@code to}
     * is before {@code from} ("{@code what} ends before it starts"). Once per query, whatever the length of the range.
     */
    public static void require(LocalDate from, LocalDate to, String what) {
        CalendarRange.require(from, "from");
        CalendarRange.require(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(what + " ends before it starts: " + from + " .. " + to);
        }
    }
}
