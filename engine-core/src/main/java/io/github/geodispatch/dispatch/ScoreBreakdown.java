package io.github.geodispatch.dispatch;
import io.github.geodispatch.dispatch.internal.Scoring;
import java.time.Duration;

/**
 * Why a feasible technician ranks where they do: each soft term's measure and its cost in points under
 * {@link ScoringWeights}; {@link #total()} is the sum of the costs (lower is better).
 * {@code windowSlack} is {@code null} when the job has no window, {@code slaMargin} {@code null} when it
 * has no SLA deadline (negative = would finish late). Immutable and thread-safe.
 *
 * @param addedTravel     extra driving the job adds to the route
 * @param windowSlack     time from the start of work to the close of the customer's window
 * @param slaMargin       time from the end of work to the SLA deadline
 * @param jobsAfter       the technician's jobs today including this one
 * @param maxJobs         the technician's maximum jobs per day
 * @param preferred       whether this is the customer's preferred technician
 * @param skillMargin     levels held above the required ones, summed over the required skills
 */
public record ScoreBreakdown(Duration addedTravel, Duration windowSlack, Duration slaMargin, int jobsAfter,
                             int maxJobs, boolean preferred, int skillMargin, double addedTravelCost,
                             double windowSlackCost, double slaRiskCost, double workloadCost,
                             double continuityCost, double skillMarginCost) {

    /** Sum of the six costs. */
    public double total() {
        return addedTravelCost + windowSlackCost + slaRiskCost + workloadCost + continuityCost + skillMarginCost;
    }

    /** One line naming every term, e.g. {@code +7 min travel (7.0), slack 95 min (0.0), ...}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append('+').append(addedTravel.toMinutes()).append(" min travel (").append(Scoring.fmt(addedTravelCost)).append(')');
        sb.append(", ").append(windowSlack == null ? "no window" : "slack " + windowSlack.toMinutes() + " min")
                .append(" (").append(Scoring.fmt(windowSlackCost)).append(')');
        sb.append(", ").append(slaMargin == null ? "no SLA"
                        : slaMargin.isNegative() ? "SLA late by " + slaMargin.negated().toMinutes() + " min"
                        : "SLA margin " + slaMargin.toMinutes() + " min")
                .append(" (").append(Scoring.fmt(slaRiskCost)).append(')');
        sb.append(", load ").append(jobsAfter).append('/').append(maxJobs).append(" (").append(Scoring.fmt(workloadCost)).append(')');
        sb.append(", ").append(preferred ? "preferred technician" : "not the preferred technician")
                .append(" (").append(Scoring.fmt(continuityCost)).append(')');
        sb.append(", skill margin ").append(skillMargin).append(" (").append(Scoring.fmt(skillMarginCost)).append(')');
        sb.append(" = ").append(Scoring.fmt(total()));
        return sb.toString();
    }
}
