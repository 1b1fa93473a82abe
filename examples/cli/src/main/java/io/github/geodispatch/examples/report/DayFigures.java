package io.github.geodispatch.examples.report;

import io.github.geodispatch.spi.Money;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day's tile values, for the first screen (today, its change against yesterday, the week's sparkline).
 * Money is what the business earned, collected and is still owed for jobs of this day. Immutable and thread-safe.
 *
 * @param date          the business day, in the business's zone
 * @param jobsCreated   jobs booked for the day
 * @param jobsCompleted jobs completed on the day
 * @param notPlaced     jobs no technician could take (customers to call back)
 * @param revenue       invoiced for the day's completed jobs, taxes included
 * @param collected     received against that revenue (cash, UPI, M-Pesa)
 * @param pending       still owed for that revenue
 * @param slaMet        jobs reached within their promised time, of those with a promise
 * @param firstTimeFix  jobs fixed on the first visit, of those completed
 * @param csat          ratings of 4 or 5 stars, of the ratings received
 * @param utilisation   technicians' time on site against their shifts
 * @param leakage       money at risk in the day's leakage findings
 */
public record DayFigures(LocalDate date, long jobsCreated, long jobsCompleted, long notPlaced, Money revenue,
                         Money collected, Money pending, Share slaMet, Share firstTimeFix, Share csat,
                         Utilisation utilisation, Money leakage) {
    public DayFigures {
        Objects.requireNonNull(date, "date");
        Checks.count(jobsCreated, "jobsCreated");
        Checks.count(jobsCompleted, "jobsCompleted");
        Checks.count(notPlaced, "notPlaced");
        Checks.amount(revenue, "revenue");
        Checks.amount(collected, "collected");
        Checks.amount(pending, "pending");
        Objects.requireNonNull(slaMet, "slaMet");
        Objects.requireNonNull(firstTimeFix, "firstTimeFix");
        Objects.requireNonNull(csat, "csat");
        Objects.requireNonNull(utilisation, "utilisation");
        Checks.amount(leakage, "leakage");
    }
}
