package io.github.geodispatch.dispatch.plan;

/**
 * A plan's score, higher is better, each level a sum of penalties (so at most zero, but for the soft reward of
 * the part preference). {@code hard}: broken
 * rules (skills, windows, shift end, areas, capacity); a plan is feasible when it is zero. {@code medium}:
 * unassigned visits weighted by priority. {@code soft}: travel time, overtime, balance and continuity, less the
 * part preference's reward (see {@link DayPlanner.Builder#partPreference}).
 * Routes are scored by the visits the planner may move; a route of fixed (started or pinned) visits only
 * adds no penalty. Immutable and thread-safe.
 */
public record PlanScore(long hard, long medium, long soft) implements Comparable<PlanScore> {
    public boolean feasible() {
        return hard == 0;
    }

    @Override
    public int compareTo(PlanScore other) {
        int byHard = Long.compare(hard, other.hard);
        if (byHard != 0) {
            return byHard;
        }
        int byMedium = Long.compare(medium, other.medium);
        return byMedium != 0 ? byMedium : Long.compare(soft, other.soft);
    }

    @Override
    public String toString() {
        return hard + "hard/" + medium + "medium/" + soft + "soft";
    }
}
