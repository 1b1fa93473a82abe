package io.github.geodispatch.dispatch.internal;
import io.github.geodispatch.dispatch.ScoringWeights;

/**
 * The soft score under {@link ScoringWeights}, on primitives. The position-dependent part (travel,
 * slack, SLA) chooses the insertion point within a route; the technician-dependent part (workload,
 * continuity, skill margin) completes the total. Immutable and thread-safe.
 */
public final class Scoring {
    final ScoringWeights w;

    public Scoring(ScoringWeights w) {
        this.w = w;
    }

    double travelCost(long addedTravelSeconds) {
        return w.travelPerMinute() * addedTravelSeconds / 60.0;
    }

    double slackCost(Query q, long start) {
        if (!q.hasWindow()) {
            return 0;
        }
        double slackMin = (q.windowTo - start) / 60.0;
        return w.slackPerMinute() * Math.max(0, w.slackComfortMinutes() - slackMin);
    }

    double slaCost(Query q, long end) {
        if (!q.hasDeadline()) {
            return 0;
        }
        double marginMin = (q.deadline - end) / 60.0;
        return w.slaPerMinute() * Math.max(0, w.slaComfortMinutes() - marginMin);
    }

    double positionCost(Query q, long addedTravel, long start, long end) {
        return travelCost(addedTravel) + slackCost(q, start) + slaCost(q, end);
    }

    double workloadCost(int jobsAfter, int maxJobs) {
        return w.workloadAtFull() * jobsAfter / maxJobs;
    }

    double continuityCost(Query q, boolean preferred) {
        return q.job.preferredTechnician() != null && !preferred ? w.notPreferred() : 0;
    }

    double skillMarginCost(int margin) {
        return w.skillMarginPerLevel() * margin;
    }

    /** A cost as the explanations print it. */
    public static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
