package io.github.geodispatch.dispatch.internal;
import io.github.geodispatch.dispatch.RejectionReason;
import java.util.Arrays;

/**
 * What one candidate search found, in growable primitive arrays: the feasible technicians with their
 * best insertion and costs, the technicians whose route or profile was examined and rejected (with
 * their reason bits), and the count of rejected technicians by primary reason. Filled by one thread,
 * then read-only.
 */
final class Evaluation {
    final int[] primaryCounts = new int[RejectionReason.values().length];
    int n;
    int[] tech = new int[16];
    int[] pos = new int[16];
    long[] eta = new long[16];
    long[] start = new long[16];
    long[] end = new long[16];
    long[] added = new long[16];
    int[] jobsAfter = new int[16];
    int[] skillMargin = new int[16];
    double[] positionCost = new double[16];
    double[] total = new double[16];
    DayState[] state = new DayState[16];

    int rejected;
    int[] rejTech = new int[16];
    int[] rejBits = new int[16];
    boolean[] rejRouteExamined = new boolean[16];

    void reject(int t, int bits, boolean routeExamined) {
        if (rejected == rejTech.length) {
            rejTech = Arrays.copyOf(rejTech, rejected * 2);
            rejBits = Arrays.copyOf(rejBits, rejected * 2);
            rejRouteExamined = Arrays.copyOf(rejRouteExamined, rejected * 2);
        }
        rejTech[rejected] = t;
        rejBits[rejected] = bits;
        rejRouteExamined[rejected] = routeExamined;
        rejected++;
        primaryCounts[Integer.numberOfTrailingZeros(bits)]++;
    }

    void accept(int t, DayState s, InsertionSearch found, Query q, Scoring scoring, Roster roster) {
        if (n == tech.length) {
            grow();
        }
        int margin = skillMargin(roster, t, q);
        int after = s.jobsToday() + 1;
        boolean preferred = s.technician.id().equals(q.job.preferredTechnician());
        tech[n] = t;
        pos[n] = found.position;
        eta[n] = found.eta;
        start[n] = found.workStart;
        end[n] = found.workEnd;
        added[n] = found.addedTravel;
        jobsAfter[n] = after;
        skillMargin[n] = margin;
        positionCost[n] = found.positionCost;
        total[n] = found.positionCost + scoring.workloadCost(after, roster.maxJobs[t])
                + scoring.continuityCost(q, preferred) + scoring.skillMarginCost(margin);
        state[n] = s;
        n++;
    }

    static int skillMargin(Roster roster, int t, Query q) {
        int margin = 0;
        byte[] lv = roster.levels[t];
        for (int i = 0; i < q.skillIds.length; i++) {
            margin += lv[q.skillIds[i]] - q.minLevels[i];
        }
        return margin;
    }

    /** Candidate indices ordered by total cost, then technician id. */
    int[] order(Roster roster) {
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> {
            int c = Double.compare(total[a], total[b]);
            return c != 0 ? c : roster.techs[tech[a]].id().compareTo(roster.techs[tech[b]].id());
        });
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    /** Index of the cheapest candidate (ties: smaller technician id), or -1. */
    int bestIndex(Roster roster) {
        int best = -1;
        for (int i = 0; i < n; i++) {
            if (best < 0 || total[i] < total[best] || (total[i] == total[best]
                    && roster.techs[tech[i]].id().compareTo(roster.techs[tech[best]].id()) < 0)) {
                best = i;
            }
        }
        return best;
    }

    private void grow() {
        int c = tech.length * 2;
        tech = Arrays.copyOf(tech, c);
        pos = Arrays.copyOf(pos, c);
        eta = Arrays.copyOf(eta, c);
        start = Arrays.copyOf(start, c);
        end = Arrays.copyOf(end, c);
        added = Arrays.copyOf(added, c);
        jobsAfter = Arrays.copyOf(jobsAfter, c);
        skillMargin = Arrays.copyOf(skillMargin, c);
        positionCost = Arrays.copyOf(positionCost, c);
        total = Arrays.copyOf(total, c);
        state = Arrays.copyOf(state, c);
    }
}
