package io.github.geodispatch.dispatch.internal;

import io.github.geodispatch.spi.CalendarRange;

import java.time.LocalDate;

/** The check of a horizon of days handed in: every day of it in the years 0001-9999. */
public final class Horizons {
    /** The last day the engine takes. */
    public static final LocalDate LAST_DAY = LocalDate.of(CalendarRange.MAX_YEAR, 12, 31);

    private Horizons() {}

    /**
     * Throws {@link IllegalArgumentException} naming {@code field} when {@code days} days from {@code first} run
     * past {@link #LAST_DAY}, saying the latest first day that fits. {@code first} is in range already.
     */
    public static void require(LocalDate first, int days, String field) {
        LocalDate latest = LAST_DAY.minusDays(days - 1L);
        if (first.isAfter(latest)) {
            throw new IllegalArgumentException(field + " " + first + " with " + days + (days == 1 ? " day" : " days")
                    + " runs past " + LAST_DAY + ", the last usable day: it can be at most " + latest);
        }
    }
}
