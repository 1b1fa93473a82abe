package io.github.geodispatch.dispatch.internal;
import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.Route;
import io.github.geodispatch.dispatch.Technician;
import io.github.geodispatch.dispatch.Visit;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.TravelTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The naive candidate search: every technician is checked against every rule on the public records (all
 * reasons, no index), and every insertion position is tried by rebuilding the whole route with the job
 * in it and re-timing it from scratch through the {@link TravelTimes} port. Explains every technician
 * eagerly. It is the baseline the indexed search is measured against, and the choice for small teams
 * that want every reason materialised. Stateless.
 */
final class ExhaustiveSearch {
    private ExhaustiveSearch() {}

    static Evaluation run(Roster r, Query q, TravelTimes travel, Scoring scoring) {
        Evaluation ev = new Evaluation();
        DispatchJob job = q.job;
        Instant earliest = Instant.ofEpochSecond(q.earliest);
        for (int t = 0; t < r.size(); t++) {
            Technician tech = r.techs[t];
            int bits = 0;
            if (!tech.branch().equals(job.branch())) {
                bits |= Reasons.BRANCH_MISMATCH;
            }
            if (!r.inArea(t, q)) {
                bits |= Reasons.OUTSIDE_SERVICE_AREA;
            }
            for (SkillRequirement req : job.requiredSkills()) {
                if (tech.levelIn(req.skill()) < req.minLevel()) {
                    bits |= Reasons.SKILL_MISSING;
                }
            }
            for (String cert : job.requiredCertifications()) {
                if (!tech.certifiedAt(cert, earliest)) {
                    bits |= Reasons.CERTIFICATION_EXPIRED;
                }
            }
            if (!r.onShift(t, q)) {
                bits |= Reasons.OFF_SHIFT;
            }
            if (bits != 0) {
                ev.reject(t, bits, false);
                continue;
            }
            DayState s = r.slots[t].state;
            if (s.jobsToday() >= tech.maxJobsPerDay()) {
                ev.reject(t, Reasons.OVER_CAPACITY, true);
                continue;
            }
            Best best = bestByRebuilding(s, q, travel, scoring);
            if (best == null) {
                ev.reject(t, Reasons.NO_SLOT, true);
            } else {
                ev.accept(t, s, best.asSearchResult(travel, scoring), q, scoring, r);
            }
        }
        return ev;
    }

    private record Best(int position, long eta, long start, long end, long added, double cost) {
        InsertionSearch asSearchResult(TravelTimes travel, Scoring scoring) {
            InsertionSearch result = new InsertionSearch(travel, scoring);
            result.position = position;
            result.eta = eta;
            result.workStart = start;
            result.workEnd = end;
            result.addedTravel = added;
            result.positionCost = cost;
            return result;
        }
    }

    private static Best bestByRebuilding(DayState s, Query q, TravelTimes travel, Scoring scoring) {
        int m = s.m;
        long[] oldStart = new long[m + 2];
        long[] oldDep = new long[m + 2];
        long oldRet = s.schedule(q.now, oldStart, oldDep);
        long oldTravel = sum(s.leg);
        Best best = null;
        for (int p = 0; p <= m; p++) {
            List<Visit> visits = new ArrayList<>(s.route.visits());
            visits.add(s.started + p, Visit.planned(q.job, Instant.ofEpochSecond(0)));
            DayState n = new DayState(s.technician, new Route(s.route.technician(), visits, s.route.completedToday()),
                    s.live, travel);
            long[] st = new long[m + 3];
            long[] dep = new long[m + 3];
            long ret = n.schedule(q.now, st, dep);
            int self = p + 1;
            boolean ok = st[self] <= q.windowTo && ret <= Math.max(s.shiftEnd, oldRet);
            for (int j = 1; j <= m && ok; j++) {
                long now = st[j <= p ? j : j + 1];
                long before = oldStart[j];
                if (now > before && (s.pinned[j] || now > s.windowTo[j])) {
                    ok = false;
                }
            }
            if (!ok) {
                continue;
            }
            long eta = Timeline.arrive(dep[p], n.leg[p], n.lunchFrom, n.lunchTo);
            long end = st[self] + q.duration;
            long added = sum(n.leg) - oldTravel;
            double cost = scoring.positionCost(q, added, st[self], end);
            if (best == null || cost < best.cost || (cost == best.cost && st[self] < best.start)) {
                best = new Best(p, eta, st[self], end, added, cost);
            }
        }
        return best;
    }

    private static long sum(long[] a) {
        long s = 0;
        for (long v : a) {
            s += v;
        }
        return s;
    }
}
