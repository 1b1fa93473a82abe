package io.github.geodispatch.dispatch;

/**
 * How the soft score of a feasible insertion is computed, in points (lower is better; one point is
 * roughly one minute of a technician's driving):
 * <ul>
 * <li>added travel: {@code travelPerMinute} per minute of extra driving the job adds to the route;</li>
 * <li>window slack: {@code slackPerMinute} per minute the start falls short of
 *     {@code slackComfortMinutes} before the customer's window closes;</li>
 * <li>SLA risk: {@code slaPerMinute} per minute the finish falls short of {@code slaComfortMinutes}
 *     before the SLA deadline (keeps growing past the deadline);</li>
 * <li>workload balance: {@code workloadAtFull} times the share of the day's maximum jobs the technician
 *     would carry;</li>
 * <li>continuity: {@code notPreferred} when the customer has a preferred technician and this is not them;</li>
 * <li>skill margin: {@code skillMarginPerLevel} per level held above the required one (keeps senior
 *     technicians free for work only they can do).</li>
 * </ul>
 * Every weight is finite and {@code >= 0}. Immutable and thread-safe.
 */
public record ScoringWeights(double travelPerMinute, double slackComfortMinutes, double slackPerMinute,
                             double slaComfortMinutes, double slaPerMinute, double workloadAtFull,
                             double notPreferred, double skillMarginPerLevel) {
    private static final ScoringWeights DEFAULTS = new ScoringWeights(1.0, 30, 0.5, 60, 2.0, 30, 20, 2);

    public ScoringWeights {
        check("travelPerMinute", travelPerMinute);
        check("slackComfortMinutes", slackComfortMinutes);
        check("slackPerMinute", slackPerMinute);
        check("slaComfortMinutes", slaComfortMinutes);
        check("slaPerMinute", slaPerMinute);
        check("workloadAtFull", workloadAtFull);
        check("notPreferred", notPreferred);
        check("skillMarginPerLevel", skillMarginPerLevel);
    }

    /** 1 per travel minute; 0.5 per minute of slack under 30; 2 per minute of SLA margin under 60; 30 at full load; 20 for not the preferred technician; 2 per surplus skill level. */
    public static ScoringWeights defaults() {
        return DEFAULTS;
    }

    private static void check(String name, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("scoring weight " + name + " must be finite and >= 0, was " + value);
        }
    }
}
