package io.github.geodispatch.examples.report;

import io.github.geodispatch.spi.Money;

import java.util.Objects;
import java.util.Optional;

/**
 * A technician's scorecard over the report's period. Only people: jobs nobody took are in the call-back list, not
 * here. Immutable and thread-safe.
 *
 * @param technician    the technician's name
 * @param branch        their branch
 * @param jobsCompleted jobs completed
 * @param csat          ratings of 4 or 5 stars, of the ratings received
 * @param firstTimeFix  fixed on the first visit, of those completed
 * @param slaMet        reached in time, of those with a promise
 * @param revenue       invoiced for their completed jobs, taxes included
 * @param partsMargin   parts sold minus what the parts cost (may be negative); empty when the
 *                      parts' cost is not known (the page shows a dash, never a made-up zero)
 * @param utilisation   time on site against their shifts
 * @param rideMetres    distance ridden, in metres
 */
public record TechnicianRow(String technician, String branch, long jobsCompleted, Share csat, Share firstTimeFix,
                            Share slaMet, Money revenue, Optional<Money> partsMargin, Utilisation utilisation, long rideMetres) {
    public TechnicianRow {
        Checks.text(technician, "technician");
        Checks.text(branch, "branch");
        Checks.count(jobsCompleted, "jobsCompleted");
        Objects.requireNonNull(csat, "csat");
        Objects.requireNonNull(firstTimeFix, "firstTimeFix");
        Objects.requireNonNull(slaMet, "slaMet");
        Checks.amount(revenue, "revenue");
        Objects.requireNonNull(partsMargin, "partsMargin");
        partsMargin.ifPresent(m -> Objects.requireNonNull(m.currency()));
        Objects.requireNonNull(utilisation, "utilisation");
        Checks.count(rideMetres, "rideMetres");
    }
}
