package io.github.geodispatch.stock;

import io.github.geodispatch.spi.Money;

import java.util.Objects;

/**
 * Parts revenue and cost of one group (a job, a technician, a branch, or {@code "total"}): revenue is what the
 * group's jobs bill for parts, before tax; cost is what their parts cost at weighted average cost. Immutable and
 * thread-safe.
 */
public record MarginLine(String group, Money revenue, Money cost) {
    public MarginLine {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(cost, "cost");
    }

    /** Revenue less cost; negative when parts cost more than they earned. */
    public Money margin() {
        return revenue.minus(cost);
    }
}
