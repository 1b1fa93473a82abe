package io.github.geodispatch.dispatch.internal;
import io.github.geodispatch.dispatch.HaversineTravelTimes;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.TravelTimes;

/**
 * Finds the cheapest feasible place for a job in one technician's day. Feasible means: work starts
 * inside the job's window; no visit not yet started starts later than it did before unless it still
 * starts inside its window (a visit already late is never delayed further); a pinned visit is never
 * delayed; the return to the end location is not later than the shift end (or than it already was).
 * Checks propagate the delay forward from the insertion point and stop as soon as a visit's start is
 * unchanged, which is exact because the time rules are monotone. Reuses its scratch arrays: one
 * instance per thread (not thread-safe).
 */
final class InsertionSearch {
    private final TravelTimes travel;
    private final HaversineTravelTimes haversine;
    private final Scoring scoring;
    private long[] start = new long[16];
    private long[] dep = new long[16];

    // result of the last successful best()
    int position;
    long eta;
    long workStart;
    long workEnd;
    long addedTravel;
    double positionCost;

    InsertionSearch(TravelTimes travel, Scoring scoring) {
        this.travel = travel;
        this.haversine = travel instanceof HaversineTravelTimes h ? h : null;
        this.scoring = scoring;
    }

    /** Finds the best insertion of {@code q}'s job into {@code s}; false when none is feasible (NO_SLOT). */
    boolean best(DayState s, Query q) {
        int m = s.m;
        ensure(m + 2);
        long ret = s.schedule(q.now, start, dep);
        long retLimit = Math.max(s.shiftEnd, ret);
        long lf = s.lunchFrom;
        long lt = s.lunchTo;
        GeoPoint site = q.job.location();
        boolean found = false;
        double bestCost = Double.POSITIVE_INFINITY;
        long bestStart = Long.MAX_VALUE;
        long inNext = -1;
        for (int p = 0; p <= m; p++) {
            long d = dep[p];
            if (d > q.windowTo) {
                break; // departures only get later along the route
            }
            long tIn = inNext >= 0 ? inNext : toSite(s, p, site, true);
            long arrival = Timeline.arrive(d, tIn, lf, lt);
            long st = Timeline.workStart(Math.max(arrival, q.windowFrom), q.duration, lf, lt);
            if (st > q.windowTo) {
                inNext = -1;
                continue;
            }
            long end = st + q.duration;
            long tOut = toSite(s, p + 1, site, false);
            inNext = haversine != null ? tOut : -1;
            if (!fits(s, p, end, tOut, retLimit)) {
                continue;
            }
            long added = tIn + tOut - s.leg[p];
            double cost = scoring.positionCost(q, added, st, end);
            if (cost < bestCost || (cost == bestCost && st < bestStart)) {
                found = true;
                bestCost = cost;
                bestStart = st;
                position = p;
                eta = arrival;
                workStart = st;
                workEnd = end;
                addedTravel = added;
                positionCost = cost;
            }
        }
        return found;
    }

    /** Whether leaving the new job at {@code end}, {@code tOut} seconds from node p+1, keeps the rest feasible. */
    private boolean fits(DayState s, int p, long end, long tOut, long retLimit) {
        long d = end;
        long t = tOut;
        for (int j = p + 1; j <= s.m; j++) {
            long a = Timeline.arrive(d, t, s.lunchFrom, s.lunchTo);
            long st = Timeline.workStart(Math.max(a, s.windowFrom[j]), s.duration[j], s.lunchFrom, s.lunchTo);
            long old = start[j];
            if (st == old) {
                return true; // from here on the schedule is unchanged
            }
            if (st > old && (s.pinned[j] || st > s.windowTo[j])) {
                return false;
            }
            d = st + s.duration[j];
            t = s.leg[j];
        }
        return Timeline.arrive(d, t, s.lunchFrom, s.lunchTo) <= retLimit;
    }

    /** Travel seconds between node j and the site (towards the site when {@code in}). */
    private long toSite(DayState s, int j, GeoPoint site, boolean in) {
        if (haversine != null) {
            return haversine.seconds(s.lat[j], s.lng[j], site.lat(), site.lng());
        }
        return in ? travel.seconds(s.nodes[j], site) : travel.seconds(site, s.nodes[j]);
    }

    private void ensure(int n) {
        if (start.length < n) {
            start = new long[n * 2];
            dep = new long[n * 2];
        }
    }
}
