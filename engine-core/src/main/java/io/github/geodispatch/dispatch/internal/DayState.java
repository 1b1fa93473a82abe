package io.github.geodispatch.dispatch.internal;
import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.LiveLocation;
import io.github.geodispatch.dispatch.Route;
import io.github.geodispatch.dispatch.Shift;
import io.github.geodispatch.dispatch.Technician;
import io.github.geodispatch.dispatch.Visit;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.TimeWindow;
import io.github.geodispatch.spi.TravelTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One technician's day compiled for the insertion check: the route as nodes ({@code 0} = where the day
 * continues from: the last started visit, else the live or start location; {@code 1..m} = visits not yet
 * started; {@code m+1} = the end location), the travel seconds of each leg, and each visit's window,
 * duration and pin in primitive arrays. Times are epoch seconds. Immutable and thread-safe; replaced
 * whole when the route, the profile or the live location changes.
 */
final class DayState {
    static final long NO_BOUND_LOW = Long.MIN_VALUE / 4;
    static final long NO_BOUND_HIGH = Long.MAX_VALUE / 4;

    final Technician technician;
    final Route route;
    final LiveLocation live;
    /** Number of started visits at the head of the route. */
    final int started;
    /** Number of visits not yet started. */
    final int m;
    final GeoPoint[] nodes;
    final double[] lat;
    final double[] lng;
    /** leg[j] = travel seconds node j to node j+1, j in 0..m. */
    final long[] leg;
    /** Earliest departure from node 0 regardless of the clock. */
    final long originReady;
    final long[] windowFrom;
    final long[] windowTo;
    final long[] duration;
    final boolean[] pinned;
    final long shiftStart;
    final long shiftEnd;
    final long lunchFrom;
    final long lunchTo;

    DayState(Technician technician, Route route, LiveLocation live, TravelTimes travel) {
        this.technician = technician;
        this.route = route;
        this.live = live;
        List<Visit> visits = route.visits();
        int s = 0;
        while (s < visits.size() && visits.get(s).started()) {
            s++;
        }
        this.started = s;
        this.m = visits.size() - s;
        Shift shift = technician.shift();
        this.shiftStart = shift == null ? NO_BOUND_HIGH : shift.start().getEpochSecond();
        this.shiftEnd = shift == null ? NO_BOUND_LOW : shift.end().getEpochSecond();
        TimeWindow lunch = shift == null ? null : shift.lunch();
        this.lunchFrom = lunch == null ? Timeline.NO_LUNCH : lunch.from().getEpochSecond();
        this.lunchTo = lunch == null ? Timeline.NO_LUNCH : lunch.to().getEpochSecond();

        nodes = new GeoPoint[m + 2];
        windowFrom = new long[m + 2];
        windowTo = new long[m + 2];
        duration = new long[m + 2];
        pinned = new boolean[m + 2];
        if (s > 0) {
            Visit last = visits.get(s - 1);
            nodes[0] = last.job().location();
            originReady = last.eta().getEpochSecond() + last.job().duration().getSeconds();
        } else {
            nodes[0] = live != null ? live.point() : technician.startLocation();
            originReady = shift == null ? NO_BOUND_LOW : shiftStart; // no shift: time the route from the clock
        }
        for (int j = 1; j <= m; j++) {
            Visit v = visits.get(s + j - 1);
            DispatchJob job = v.job();
            nodes[j] = job.location();
            windowFrom[j] = job.window() == null ? NO_BOUND_LOW : job.window().from().getEpochSecond();
            windowTo[j] = job.window() == null ? NO_BOUND_HIGH : job.window().to().getEpochSecond();
            duration[j] = job.duration().getSeconds();
            pinned[j] = v.pinned();
        }
        nodes[m + 1] = technician.endLocation();
        lat = new double[m + 2];
        lng = new double[m + 2];
        for (int j = 0; j < m + 2; j++) {
            lat[j] = nodes[j].lat();
            lng[j] = nodes[j].lng();
        }
        leg = new long[m + 1];
        for (int j = 0; j <= m; j++) {
            leg[j] = travel.seconds(nodes[j], nodes[j + 1]);
        }
    }

    /** Jobs that count against the day's maximum: done today plus still on the route. */
    int jobsToday() {
        return route.completedToday() + route.visits().size();
    }

    /** Departure from node 0 at clock {@code now}. */
    long depart(long now) {
        return Math.max(originReady, now);
    }

    /**
     * The schedule at clock {@code now}: fills {@code start[j]} for visits 1..m and {@code dep[j]}
     * (departure from node j, 0..m); returns the arrival at the end location.
     */
    long schedule(long now, long[] start, long[] dep) {
        long d = depart(now);
        dep[0] = d;
        for (int j = 1; j <= m; j++) {
            long arrival = Timeline.arrive(d, leg[j - 1], lunchFrom, lunchTo);
            long st = Timeline.workStart(Math.max(arrival, windowFrom[j]), duration[j], lunchFrom, lunchTo);
            start[j] = st;
            d = st + duration[j];
            dep[j] = d;
        }
        return Timeline.arrive(d, leg[m], lunchFrom, lunchTo);
    }

    /** The route with the ETAs of visits not yet started re-timed at clock {@code now}. */
    Route retimed(long now) {
        long[] st = new long[m + 2];
        long[] dp = new long[m + 2];
        schedule(now, st, dp);
        List<Visit> visits = new ArrayList<>(route.visits());
        for (int j = 1; j <= m; j++) {
            Visit v = visits.get(started + j - 1);
            long eta = Timeline.arrive(dp[j - 1], leg[j - 1], lunchFrom, lunchTo);
            visits.set(started + j - 1, new Visit(v.job(), Instant.ofEpochSecond(eta), v.pinned(), false));
        }
        return new Route(route.technician(), visits, route.completedToday());
    }

    /** This day with {@code job} inserted at route index {@code at}, re-timed at {@code now}. */
    DayState inserting(DispatchJob job, int at, long now, TravelTimes travel) {
        List<Visit> visits = new ArrayList<>(route.visits());
        visits.add(at, Visit.planned(job, Instant.ofEpochSecond(now)));
        return new DayState(technician, new Route(route.technician(), visits, route.completedToday()), live, travel)
                .retimedState(now);
    }

    /** This day without the visit at route index {@code at}. */
    DayState removing(int at, long now, TravelTimes travel) {
        List<Visit> visits = new ArrayList<>(route.visits());
        visits.remove(at);
        return new DayState(technician, new Route(route.technician(), visits, route.completedToday()), live, travel)
                .retimedState(now);
    }

    DayState retimedState(long now) {
        return new DayState(this, retimed(now));
    }

    /** The same compiled day carrying {@code retimed}, which differs from this route only in ETAs. */
    private DayState(DayState base, Route retimed) {
        technician = base.technician;
        route = retimed;
        live = base.live;
        started = base.started;
        m = base.m;
        nodes = base.nodes;
        lat = base.lat;
        lng = base.lng;
        leg = base.leg;
        originReady = base.originReady;
        windowFrom = base.windowFrom;
        windowTo = base.windowTo;
        duration = base.duration;
        pinned = base.pinned;
        shiftStart = base.shiftStart;
        shiftEnd = base.shiftEnd;
        lunchFrom = base.lunchFrom;
        lunchTo = base.lunchTo;
    }
}
