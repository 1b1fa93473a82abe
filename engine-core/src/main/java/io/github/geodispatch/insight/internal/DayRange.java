package io.github.geodispatch.insight.internal;

import io.github.geodispatch.spi.CalendarRange;
import java.time.LocalDate;

/** The check of the owner's view's queries over days {@code from}..{@code to}. Stateless. */
final class DayRange {
    private DayRange() {}

    /**
     * Throws {@link NullPointerException} naming {@code from} or {@code to} when null, and
     * {@link IllegalArgumentException} when either is outside years 0001-9999 ({@link CalendarRange}) or {@code to}
     * is before {@code from}. Once per query, whatever the length of the range.
     */
    static void require(LocalDate from, LocalDate to) {
        CalendarRange.require(from, "from");
        CalendarRange.require(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("range ends before it starts: " + from + " .. " + to);
        }
    }
}
