package io.github.geodispatch.examples.report;

import io.github.geodispatch.spi.Money;

import java.util.Objects;
import java.util.Optional;

/**
 * One service type over the report's period. Immutable and thread-safe.
 *
 * @param service       the service in owner words ("AC service", "RO repair")
 * @param jobsCompleted jobs completed
 * @param revenue       invoiced for them, taxes included
 * @param partsMargin   parts sold minus their cost (may be negative); empty when the cost is not known
 * @param firstTimeFix  fixed on the first visit, of those completed
 */
public record ServiceTypeRow(String service, long jobsCompleted, Money revenue, Optional<Money> partsMargin, Share firstTimeFix) {
    public ServiceTypeRow {
        Checks.text(service, "service");
        Checks.count(jobsCompleted, "jobsCompleted");
        Checks.amount(revenue, "revenue");
        Objects.requireNonNull(partsMargin, "partsMargin");
        Objects.requireNonNull(firstTimeFix, "firstTimeFix");
    }
}
