package io.github.geodispatch.examples.report;

import io.github.geodispatch.spi.Money;

import java.util.Objects;

/**
 * One branch over the report's period. Immutable and thread-safe.
 *
 * @param branch        the branch's name
 * @param technicians   technicians working from it
 * @param jobsCreated   jobs booked
 * @param jobsCompleted jobs completed
 * @param revenue       invoiced for completed jobs, taxes included
 * @param collected     received against that revenue
 * @param pending       still owed
 * @param slaMet        jobs reached in time, of those with a promise
 * @param firstTimeFix  fixed on the first visit, of those completed
 * @param csat          ratings of 4 or 5 stars, of the ratings received
 */
public record BranchRow(String branch, long technicians, long jobsCreated, long jobsCompleted, Money revenue,
                        Money collected, Money pending, Share slaMet, Share firstTimeFix, Share csat) {
    public BranchRow {
        Checks.text(branch, "branch");
        Checks.count(technicians, "technicians");
        Checks.count(jobsCreated, "jobsCreated");
        Checks.count(jobsCompleted, "jobsCompleted");
        Checks.amount(revenue, "revenue");
        Checks.amount(collected, "collected");
        Checks.amount(pending, "pending");
        Objects.requireNonNull(slaMet, "slaMet");
        Objects.requireNonNull(firstTimeFix, "firstTimeFix");
        Objects.requireNonNull(csat, "csat");
    }
}
