package io.github.geodispatch.insight;

import io.github.geodispatch.insight.internal.DayRange;
import io.github.geodispatch.spi.CalendarRange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Which days (inclusive, in the view's zone) to report, how to split the rows, and the moment open SLA
 * deadlines are judged against. Immutable and thread-safe.
 */
public record KpiQuery(LocalDate from, LocalDate to, Grouping grouping, Instant asOf) {
    public KpiQuery {
        DayRange.require(from, to, "query range");
        Objects.requireNonNull(grouping, "grouping");
        CalendarRange.require(asOf, "asOf");
    }

    public static KpiQuery day(LocalDate day, Grouping grouping, Instant asOf) {
        return new KpiQuery(day, day, grouping, asOf);
    }

    public static KpiQuery range(LocalDate from, LocalDate to, Grouping grouping, Instant asOf) {
        return new KpiQuery(from, to, grouping, asOf);
    }
}
