package io.github.geodispatch.dispatch.internal;
import io.github.geodispatch.dispatch.RejectionReason;
import java.util.Arrays;

/**
 * The fast candidate search. Branch mismatches and technicians whose areas miss the site are never
 * touched: they are counted by arithmetic on the index (branch size, area hits) and explained lazily.
 * Only technicians found through the site's H3 cells, its SERVICE_AREA fences or the "anywhere" list
 * are checked, by primitive skill, certification and shift tests first, then capacity, then the
 * insertion search over their route. Stateless; the {@link InsertionSearch} passed in is per thread.
 */
final class IndexedSearch {
    private IndexedSearch() {}

    static Evaluation run(Roster r, Query q, InsertionSearch search, Scoring scoring) {
        Evaluation ev = new Evaluation();
        int n = r.size();
        if (q.branch < 0) {
            ev.primaryCounts[RejectionReason.BRANCH_MISMATCH.ordinal()] = n;
            return ev;
        }
        ev.primaryCounts[RejectionReason.BRANCH_MISMATCH.ordinal()] = n - r.branchSize[q.branch];
        int[] cands = candidates(r, q);
        int inBranch = 0;
        for (int t : cands) {
            if (r.techBranch[t] != q.branch) {
                continue;
            }
            inBranch++;
            int bits = 0;
            if (!r.skilled(t, q)) {
                bits |= Reasons.SKILL_MISSING;
            }
            if (!r.certified(t, q)) {
                bits |= Reasons.CERTIFICATION_EXPIRED;
            }
            if (!r.onShift(t, q)) {
                bits |= Reasons.OFF_SHIFT;
            }
            if (bits != 0) {
                ev.reject(t, bits, false);
                continue;
            }
            DayState s = r.slots[t].state;
            if (s.jobsToday() >= r.maxJobs[t]) {
                ev.reject(t, Reasons.OVER_CAPACITY, true);
            } else if (search.best(s, q)) {
                ev.accept(t, s, search, q, scoring, r);
            } else {
                ev.reject(t, Reasons.NO_SLOT, true);
            }
        }
        ev.primaryCounts[RejectionReason.OUTSIDE_SERVICE_AREA.ordinal()] = r.branchSize[q.branch] - inBranch;
        return ev;
    }

    /** Technicians whose service areas contain the site (any branch), without duplicates. */
    static int[] candidates(Roster r, Query q) {
        int[][] lists = new int[r.resolutions.length + q.fences.size() + 1][];
        int k = 0;
        int total = 0;
        for (int res : r.resolutions) {
            int[] l = r.byCell.get(q.cellAt(res));
            if (l != null) {
                lists[k++] = l;
                total += l.length;
            }
        }
        for (String fence : q.fences) {
            int[] l = r.byFence.get(fence);
            if (l != null) {
                lists[k++] = l;
                total += l.length;
            }
        }
        if (r.anywhere.length > 0) {
            lists[k++] = r.anywhere;
            total += r.anywhere.length;
        }
        if (k == 0) {
            return new int[0];
        }
        if (k == 1) {
            return lists[0];
        }
        int[] all = new int[total];
        int at = 0;
        for (int i = 0; i < k; i++) {
            System.arraycopy(lists[i], 0, all, at, lists[i].length);
            at += lists[i].length;
        }
        Arrays.sort(all);
        int u = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[u++] = all[i];
            }
        }
        return Arrays.copyOf(all, u);
    }
}
