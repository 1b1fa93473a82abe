package io.github.geodispatch.insight;

import io.github.geodispatch.spi.Money;
import io.github.geodispatch.stock.MarginLine;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The owner's parts KPIs for the days {@code from} to {@code to} (inclusive): parts revenue (billable parts before
 * tax), parts cost (at weighted average cost, net of returns) and their margin, in total and by branch and
 * technician. Definitions are those of {@link io.github.geodispatch.stock.PartsMargin}. Immutable and thread-safe.
 */
public record PartsKpis(LocalDate from, LocalDate to, Money revenue, Money cost, List<MarginLine> byBranch,
                        List<MarginLine> byTechnician) {
    public PartsKpis {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(cost, "cost");
        byBranch = List.copyOf(byBranch);
        byTechnician = List.copyOf(byTechnician);
    }

    /** Revenue less cost. */
    public Money margin() {
        return revenue.minus(cost);
    }
}
