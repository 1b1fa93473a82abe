package io.github.geodispatch.dispatch.plan.internal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The planner's own construction, and its last word: each stop goes, in a fixed order, to the place in
 * any route that adds the least travel while breaking no time, load, skill or area rule; a stop that fits
 * nowhere goes to the bucket (or, when the problem has none, as VRPTW, to the place that adds the least
 * travel, for local search to repair). Run before local search it places everything it can in time linear
 * in the routes it tries; run after ({@link #fill}) it leaves no unassigned stop that a feasible insertion
 * could still place, which is what lets a plan prove its unassigned jobs have no slot. Deterministic.
 * Works on the lists directly, before or after solving (not as a solver move); not thread-safe.
 */
final class CheapestInsertion {
    private CheapestInsertion() {}

    /**
     * Places every stop of {@code solution} not yet in a route's list and sets the shadow variables. The order:
     * most urgent first, then the stops fewest routes accept, then the earliest due, then the id.
     */
    static void construct(PlanSolution solution) {
        Map<PlanStop, Boolean> listed = new IdentityHashMap<>();
        solution.routes().forEach(r -> r.stops().forEach(s -> listed.put(s, Boolean.TRUE)));
        List<PlanStop> loose = new ArrayList<>();
        for (PlanStop stop : solution.stops()) {
            if (!listed.containsKey(stop)) {
                loose.add(stop);
            }
        }
        Drafts drafts = new Drafts(solution.routes());
        for (PlanStop stop : ordered(loose, drafts)) {
            if (!drafts.insertCheapest(stop)) {
                drafts.park(stop);
            }
        }
        drafts.write();
    }

    /**
     * Moves bucket stops into routes where they fit, in the construction's order, until none fits; sets the
     * shadow variables of the routes it changed. Returns how many stops it placed.
     */
    static int fill(PlanSolution solution) {
        PlanRoute bucket = solution.routes().stream().filter(PlanRoute::isBucket).findFirst().orElse(null);
        if (bucket == null || bucket.stops().isEmpty()) {
            return 0;
        }
        Drafts drafts = new Drafts(solution.routes());
        List<PlanStop> waiting = ordered(new ArrayList<>(bucket.stops()), drafts);
        int placed = 0;
        for (PlanStop stop : waiting) {
            drafts.unpark(stop);
            if (drafts.insertCheapest(stop)) {
                placed++;
            } else {
                drafts.park(stop);
            }
        }
        if (placed > 0) {
            drafts.write();
        }
        return placed;
    }

    private static List<PlanStop> ordered(List<PlanStop> stops, Drafts drafts) {
        Map<PlanStop, Integer> options = new IdentityHashMap<>();
        for (PlanStop stop : stops) {
            options.put(stop, drafts.accepting(stop));
        }
        List<PlanStop> sorted = new ArrayList<>(stops);
        sorted.sort(Comparator.comparingInt(PlanStop::priorityWeight).reversed()
                .thenComparingInt(options::get)
                .thenComparingLong(PlanStop::due)
                .thenComparing(PlanStop::id));
        return sorted;
    }

    /**
     * The routes' lists being built or rebuilt, with each stop's service start for the incremental check. Also
     * the working copy of a ruin-and-recreate move. Not thread-safe.
     */
    static final class Drafts {
        private final List<Draft> drafts = new ArrayList<>();
        private final Map<PlanRoute, Draft> byRoute = new IdentityHashMap<>();
        private final PlanRoute bucket;
        private final List<PlanStop> parked;

        Drafts(List<PlanRoute> routes) {
            PlanRoute found = null;
            for (PlanRoute route : routes) {
                if (route.isBucket()) {
                    found = route;
                } else {
                    Draft d = new Draft(route);
                    drafts.add(d);
                    byRoute.put(route, d);
                }
            }
            bucket = found;
            parked = bucket == null ? null : new ArrayList<>(bucket.stops());
        }

        int accepting(PlanStop stop) {
            int n = 0;
            for (Draft d : drafts) {
                if (d.route.accepts(stop)) {
                    n++;
                }
            }
            return n;
        }

        /** Takes a stop out of whichever list holds it (its route's, or the bucket). */
        void remove(PlanStop stop) {
            PlanRoute route = stop.route();
            if (route == null) {
                return;
            }
            if (route.isBucket()) {
                parked.remove(stop);
            } else {
                byRoute.get(route).remove(stop);
            }
        }

        /** Inserts the stop where it adds the least travel (ties: earlier route, earlier position); false when it fits nowhere. */
        boolean insertCheapest(PlanStop stop) {
            Draft best = null;
            int bestAt = -1;
            long bestCost = Long.MAX_VALUE;
            for (Draft d : drafts) {
                if (!d.couldServe(stop)) {
                    continue;
                }
                for (int at = 0; at <= d.stops.size(); at++) {
                    long cost = d.addedTravel(stop, at);
                    if (cost < bestCost && d.fits(stop, at)) {
                        best = d;
                        bestAt = at;
                        bestCost = cost;
                    }
                }
            }
            if (best == null) {
                return false;
            }
            best.insert(stop, bestAt);
            return true;
        }

        /** A stop that fits nowhere: the bucket, or with no bucket the place that adds the least travel. */
        void park(PlanStop stop) {
            if (parked != null) {
                parked.add(stop);
                return;
            }
            Draft best = drafts.get(0);
            int bestAt = 0;
            long bestCost = Long.MAX_VALUE;
            for (Draft d : drafts) {
                for (int at = 0; at <= d.stops.size(); at++) {
                    long cost = d.addedTravel(stop, at);
                    if (cost < bestCost) {
                        best = d;
                        bestAt = at;
                        bestCost = cost;
                    }
                }
            }
            best.insert(stop, bestAt);
        }

        void unpark(PlanStop stop) {
            parked.remove(stop);
        }

        /** The routes whose list differs from the solution's, each with its new list (the bucket included). */
        Map<PlanRoute, List<PlanStop>> changed() {
            Map<PlanRoute, List<PlanStop>> changed = new LinkedHashMap<>();
            for (Draft d : drafts) {
                if (!d.stops.equals(d.route.stops())) {
                    changed.put(d.route, d.stops);
                }
            }
            if (bucket != null && !parked.equals(bucket.stops())) {
                changed.put(bucket, parked);
            }
            return changed;
        }

        /** Writes every list back and sets the shadow variables. */
        void write() {
            for (Draft d : drafts) {
                d.route.setStops(d.stops);
                DayPlanModel.initShadows(d.route);
            }
            if (bucket != null) {
                bucket.setStops(parked);
                DayPlanModel.initShadows(bucket);
            }
        }
    }

    /** One route's list under construction and, once asked for, the service start of each of its stops. */
    private static final class Draft {
        final PlanRoute route;
        final List<PlanStop> stops;
        private long[] start;
        private long load;

        Draft(PlanRoute route) {
            this.route = route;
            this.stops = new ArrayList<>(route.stops());
            for (PlanStop stop : stops) {
                load += stop.demand();
            }
        }

        /** Cheap tests first: the route has room, its day can reach the stop's window, and it accepts the stop. */
        boolean couldServe(PlanStop stop) {
            return stops.size() < route.maxStops() && load + stop.demand() <= route.capacity()
                    && route.startTime() <= stop.due() && stop.ready() <= route.shiftEnd() && route.accepts(stop);
        }

        long addedTravel(PlanStop stop, int at) {
            TravelMatrix m = route.matrix();
            int before = at == 0 ? route.startLocation() : stops.get(at - 1).location();
            int after = at == stops.size() ? route.endLocation() : stops.get(at).location();
            return m.travel(before, stop.location()) + m.travel(stop.location(), after) - m.travel(before, after);
        }

        /**
         * Whether the stop at {@code at} keeps every window and the shift end. The delay is carried forward
         * and the check stops as soon as a later stop's start is unchanged, since from there on nothing changes.
         */
        boolean fits(PlanStop stop, int at) {
            long[] starts = starts();
            int from;
            long departure;
            long previousStart;
            if (at == 0) {
                from = route.startLocation();
                departure = route.startTime();
                previousStart = Long.MIN_VALUE;
            } else {
                PlanStop before = stops.get(at - 1);
                from = before.location();
                previousStart = starts[at - 1];
                departure = previousStart + before.duration();
            }
            long own = route.startFrom(from, departure, previousStart, stop);
            if (own > stop.due()) {
                return false;
            }
            from = stop.location();
            departure = own + stop.duration();
            previousStart = own;
            for (int j = at; j < stops.size(); j++) {
                PlanStop next = stops.get(j);
                long moved = route.startFrom(from, departure, previousStart, next);
                if (moved == starts[j]) {
                    return true;
                }
                if (moved > next.due()) {
                    return false;
                }
                from = next.location();
                departure = moved + next.duration();
                previousStart = moved;
            }
            return route.backInTime(from, departure, previousStart);
        }

        void insert(PlanStop stop, int at) {
            stops.add(at, stop);
            load += stop.demand();
            start = null;
        }

        void remove(PlanStop stop) {
            if (stops.remove(stop)) {
                load -= stop.demand();
                start = null;
            }
        }

        private long[] starts() {
            if (start == null) {
                start = new long[stops.size()];
                int from = route.startLocation();
                long departure = route.startTime();
                long previousStart = Long.MIN_VALUE;
                for (int i = 0; i < stops.size(); i++) {
                    PlanStop stop = stops.get(i);
                    start[i] = route.startFrom(from, departure, previousStart, stop);
                    from = stop.location();
                    departure = start[i] + stop.duration();
                    previousStart = start[i];
                }
            }
            return start;
        }
    }
}
