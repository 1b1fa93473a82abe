package io.github.geodispatch.insight;

import io.github.geodispatch.spi.Money;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The owner's KPIs for one row of a {@link KpiReport}. Definitions (a job is counted on the day it was
 * created, for its branch and its current technician):
 * <ul>
 *   <li>{@code firstTimeFix}: completed jobs that were completed after a single arrival and never
 *       rescheduled, over completed jobs.</li>
 *   <li>{@code responseP50/P90}: created → first ARRIVED, nearest-rank percentiles over arrived jobs.</li>
 *   <li>{@code completionP50/P90}: first ARRIVED → first COMPLETED, over completed jobs.</li>
 *   <li>{@code slaCompliance}: jobs completed by their SLA deadline, over jobs with a deadline that are
 *       completed or whose deadline passed (as of the query's {@code asOf}) without completion;
 *       cancelled jobs do not count.</li>
 *   <li>{@code jobsPerTechnician}: completed jobs over technicians in the row (a technician is in a row
 *       when a job or an attendance day of theirs is).</li>
 *   <li>{@code utilisation}: on-site seconds over shift seconds; {@code travelShare}: travel seconds over
 *       shift seconds; {@code punctuality}: shifts with a branch check-in no later than shift start plus
 *       the grace, over shifts.</li>
 *   <li>{@code revenue}: what completed jobs earn, the payments engine's amount due (quote, less the
 *       labour when the job claims a valid AMC/warranty, plus billable parts and expenses; zero when waived
 *       with an approver). {@code collected}: paid on site (UPI, cash, M-Pesa, card).
 *       {@code pendingCollections}: what customers of completed jobs still owe, per job, as the payments
 *       engine's {@code JobAccount.outstanding()}: the billed amount (the invoice total once handed off,
 *       else the amount due) less paid on site, never below zero. {@code cashInHand}: cash collected less
 *       cash deposited.</li>
 *   <li>{@code leakageAtRisk}: amount at risk by finding code.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public record Kpis(String group, int jobsCreated, int jobsCompleted, int technicians, Ratio firstTimeFix,
                   Optional<Duration> responseP50, Optional<Duration> responseP90,
                   Optional<Duration> completionP50, Optional<Duration> completionP90,
                   Ratio slaCompliance, Ratio jobsPerTechnician, Ratio utilisation, Ratio travelShare,
                   Ratio punctuality, Money revenue, Money revenuePerTechnician, Money collected,
                   Money pendingCollections, Money cashInHand, SortedMap<String, Money> leakageAtRisk) {
    public Kpis {
        Objects.requireNonNull(group, "group");
        leakageAtRisk = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(leakageAtRisk));
    }

    /** Sum of {@link #leakageAtRisk()} over all codes. */
    public Money leakageTotal() {
        Money total = Money.zero(revenue.currency());
        for (Map.Entry<String, Money> e : leakageAtRisk.entrySet()) {
            total = total.plus(e.getValue());
        }
        return total;
    }
}
