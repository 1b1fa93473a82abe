package io.github.geodispatch.dispatch.plan.internal;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A large-neighbourhood move for local search: ruin a cluster of nearby stops (or a run of one route),
 * then recreate by inserting them back one by one at the cheapest position that breaks no time, load,
 * skill or area rule (the bucket when none exists and the plan has one), with {@link CheapestInsertion}'s
 * incremental check. The resulting route rewrites
 * are one move, so the acceptor judges the whole change by the true score.
 */
final class RuinAndRecreate {
    private static final int MIN_RUIN = 4;
    private static final int MAX_RUIN = 30;

    private RuinAndRecreate() {}

    /** Rewrites whole routes: the lists given replace the routes' lists. */
    static final class RouteRewrite extends AbstractMove<PlanSolution> {
        private final List<PlanRoute> routes;
        private final List<List<PlanStop>> lists;

        RouteRewrite(List<PlanRoute> routes, List<List<PlanStop>> lists) {
            this.routes = routes;
            this.lists = lists;
        }

        @Override
        public boolean isMoveDoable(ScoreDirector<PlanSolution> director) {
            return !routes.isEmpty();
        }

        @Override
        protected RouteRewrite createUndoMove(ScoreDirector<PlanSolution> director) {
            List<List<PlanStop>> old = new ArrayList<>();
            for (PlanRoute route : routes) {
                old.add(new ArrayList<>(route.stops()));
            }
            return new RouteRewrite(routes, old);
        }

        @Override
        protected void doMoveOnGenuineVariables(ScoreDirector<PlanSolution> director) {
            for (PlanRoute route : routes) {
                director.beforeListVariableChanged(route, "stops", 0, route.stops().size());
            }
            for (int i = 0; i < routes.size(); i++) {
                List<PlanStop> stops = routes.get(i).stops();
                stops.clear();
                stops.addAll(lists.get(i));
            }
            for (PlanRoute route : routes) {
                director.afterListVariableChanged(route, "stops", 0, route.stops().size());
            }
        }

        @Override
        public Collection<?> getPlanningEntities() {
            return routes;
        }

        @Override
        public Collection<?> getPlanningValues() {
            List<PlanStop> values = new ArrayList<>();
            lists.forEach(values::addAll);
            return values;
        }

        @Override
        public String toString() {
            return "RuinAndRecreate" + routes.stream().map(PlanRoute::id).toList();
        }
    }

    /**
     * Makes ruin-and-recreate moves from the working solution. Public only because the solver
     * instantiates it reflectively. One instance per solver thread.
     */
    public static final class Factory implements MoveIteratorFactory<PlanSolution, RouteRewrite> {
        @Override
        public long getSize(ScoreDirector<PlanSolution> director) {
            return director.getWorkingSolution().stops().size();
        }

        @Override
        public Iterator<RouteRewrite> createOriginalMoveIterator(ScoreDirector<PlanSolution> director) {
            throw new UnsupportedOperationException("ruin and recreate is a random move only");
        }

        @Override
        public Iterator<RouteRewrite> createRandomMoveIterator(ScoreDirector<PlanSolution> director, Random random) {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return director.getWorkingSolution().stops().size() > 1;
                }

                @Override
                public RouteRewrite next() {
                    return build(director.getWorkingSolution(), random);
                }
            };
        }
    }

    static RouteRewrite build(PlanSolution solution, Random random) {
        List<PlanStop> all = solution.stops();
        CheapestInsertion.Drafts drafts = new CheapestInsertion.Drafts(solution.routes());
        PlanStop seed = all.get(random.nextInt(all.size()));
        int size = Math.min(all.size() - 1, MIN_RUIN + random.nextInt(MAX_RUIN - MIN_RUIN + 1));
        size = Math.max(1, Math.min(size, all.size() / 3 + 1));
        List<PlanStop> removed = random.nextBoolean() ? nearest(seed, all, size) : run(seed, size);
        removed.forEach(drafts::remove);
        switch (random.nextInt(3)) {
            case 0 -> removed.sort(Comparator.comparingLong(PlanStop::due));
            case 1 -> removed.sort(Comparator.comparingLong((PlanStop s) -> s.matrix().travel(0, s.location())).reversed());
            default -> java.util.Collections.shuffle(removed, random);
        }
        for (PlanStop stop : removed) {
            if (!drafts.insertCheapest(stop)) {
                drafts.park(stop);
            }
        }
        Map<PlanRoute, List<PlanStop>> changed = drafts.changed();
        return new RouteRewrite(new ArrayList<>(changed.keySet()), new ArrayList<>(changed.values()));
    }

    /** The seed and the stops nearest to it. */
    private static List<PlanStop> nearest(PlanStop seed, List<PlanStop> all, int size) {
        TravelMatrix matrix = seed.matrix();
        PlanStop[] sorted = all.toArray(new PlanStop[0]);
        long[] keys = new long[sorted.length];
        Integer[] order = new Integer[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            keys[i] = matrix.travel(seed.location(), sorted[i].location());
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> keys[i]));
        List<PlanStop> picked = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            picked.add(sorted[order[i]]);
        }
        return picked;
    }

    /** A run of consecutive stops of the seed's route around the seed (or just the seed if it is unassigned). */
    private static List<PlanStop> run(PlanStop seed, int size) {
        List<PlanStop> picked = new ArrayList<>();
        if (seed.route() == null) {
            picked.add(seed);
            return picked;
        }
        List<PlanStop> stops = seed.route().stops();
        int at = stops.indexOf(seed);
        int from = Math.max(0, at - size / 2);
        int to = Math.min(stops.size(), from + size);
        picked.addAll(stops.subList(from, to));
        return picked;
    }
}
