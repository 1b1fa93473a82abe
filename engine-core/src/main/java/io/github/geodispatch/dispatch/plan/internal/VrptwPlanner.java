package io.github.geodispatch.dispatch.plan.internal;
import io.github.geodispatch.dispatch.plan.PlanProgress;
import io.github.geodispatch.dispatch.plan.PlanScore;
import io.github.geodispatch.dispatch.plan.PlanTermination;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.Solver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Solves Solomon and Gehring & Homberger VRPTW instances with the day-plan engine: each vehicle of the
 * file's fleet is a route starting and ending at the depot, each customer a stop with its window, service
 * time and demand; the only soft cost is distance. The customers are first placed by cheapest insertion
 * (in order of their due time), then local search runs to the termination. Times and distances are scaled to integer micro-units, rounded so that a plan feasible in
 * the model is feasible with exact arithmetic. Stateless and thread-safe; each call solves on the
 * calling thread.
 */
public final class VrptwPlanner {
    /** Ticks per distance or time unit. */
    static final double SCALE = 1_000_000.0;
    /** Demand is counted in thousandths. */
    static final double DEMAND_SCALE = 1_000.0;

    private VrptwPlanner() {}

    /**
     * Solves {@code instance} until {@code termination}, reporting each new best score to {@code progress}
     * (on the solving thread), with a fixed random seed so runs are repeatable.
     */
    public static VrptwSolution solve(VrptwInstance instance, PlanTermination termination, Consumer<PlanProgress> progress) {
        return solve(instance, termination, progress, 0L);
    }

    /** As {@link #solve(VrptwInstance, PlanTermination, Consumer)} with the given random seed. */
    public static VrptwSolution solve(VrptwInstance instance, PlanTermination termination,
            Consumer<PlanProgress> progress, long seed) {
        return solve(instance, termination, progress, seed, new EarlyStop());
    }

    /**
     * As {@link #solve(VrptwInstance, PlanTermination, Consumer, long)}, ending early (with the best plan found
     * so far) once another thread calls {@link EarlyStop#request()} on {@code stop}.
     */
    public static VrptwSolution solve(VrptwInstance instance, PlanTermination termination,
            Consumer<PlanProgress> progress, long seed, EarlyStop stop) {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(termination, "termination");
        Objects.requireNonNull(progress, "progress");
        PlanSolution problem = model(instance);
        CheapestInsertion.construct(problem);
        Solver<PlanSolution> solver = SolverSetup.solver(SolverSetup.Budget.of(termination, problem.stops().size()), false, seed);
        long started = System.nanoTime();
        stop.solver = solver;
        solver.addEventListener(event -> {
            if (stop.requested) {
                solver.terminateEarly(); // a request made before the solve began (which resets it) lands here
            }
            HardMediumSoftLongScore score = event.getNewBestSolution().score();
            if (score.isSolutionInitialized()) {
                progress.accept(new PlanProgress(java.time.Duration.ofNanos(System.nanoTime() - started),
                        SolverSetup.score(score), 0));
            }
        });
        PlanSolution best = solver.solve(problem);
        return answer(instance, best);
    }

    /** Ends a running solve early from another thread: the solve returns the best plan found so far. Thread-safe. */
    public static final class EarlyStop {
        private volatile boolean requested;
        private volatile Solver<?> solver;

        /** Asks the solve to end now (or as soon as it starts); it then returns its best plan. */
        public void request() {
            requested = true;
            Solver<?> running = solver;
            if (running != null) {
                running.terminateEarly();
            }
        }

        /** Whether {@link #request()} was called. */
        public boolean requested() {
            return requested;
        }
    }

    static PlanSolution model(VrptwInstance instance) {
        List<VrptwInstance.Customer> customers = instance.customers();
        int n = customers.size();
        long[][] ticks = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                ticks[i][j] = up(customers.get(i).distanceTo(customers.get(j)) * SCALE);
            }
        }
        TravelMatrix matrix = new TravelMatrix(ticks);
        VrptwInstance.Customer depot = instance.depot();
        long depart = up(depot.ready() * SCALE);
        long back = down(depot.due() * SCALE);
        long capacity = down(instance.capacity() * DEMAND_SCALE);
        List<PlanRoute> routes = new ArrayList<>();
        for (int v = 0; v < instance.maxVehicles(); v++) {
            routes.add(new PlanRoute("vehicle-" + (v + 1), 0, 0, depart, back, back, 0, 0, capacity,
                    Integer.MAX_VALUE, Map.of(), Set.of(), matrix));
        }
        List<PlanStop> stops = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            VrptwInstance.Customer c = customers.get(i);
            stops.add(new PlanStop(Integer.toString(c.number()), i, up(c.demand() * DEMAND_SCALE),
                    up(c.ready() * SCALE), down(c.due() * SCALE), up(c.service() * SCALE),
                    Map.of(), 1, Set.of(), null, matrix));
        }
        return new PlanSolution(PlanWeights.travelOnly(), routes, stops);
    }

    static VrptwSolution answer(VrptwInstance instance, PlanSolution best) {
        List<VrptwInstance.Customer> customers = instance.customers();
        List<List<Integer>> routes = new ArrayList<>();
        double distance = 0;
        for (PlanRoute route : best.routes()) {
            if (route.stops().isEmpty()) {
                continue;
            }
            List<Integer> numbers = new ArrayList<>();
            VrptwInstance.Customer previous = instance.depot();
            for (PlanStop stop : route.stops()) {
                VrptwInstance.Customer customer = customers.get(stop.location());
                distance += previous.distanceTo(customer);
                numbers.add(customer.number());
                previous = customer;
            }
            distance += previous.distanceTo(instance.depot());
            routes.add(numbers);
        }
        PlanScore score = SolverSetup.score(best.score());
        boolean allPlaced = best.routes().stream().mapToInt(r -> r.stops().size()).sum() == customers.size() - 1;
        return new VrptwSolution(instance.name(), routes.size(), distance, routes, score.feasible() && allPlaced, score);
    }

    /** Rounds up, ignoring floating-point noise just above an integer. */
    private static long up(double value) {
        double nearest = Math.rint(value);
        return Math.abs(value - nearest) < 1e-6 ? (long) nearest : (long) Math.ceil(value);
    }

    /** Rounds down, ignoring floating-point noise just below an integer. */
    private static long down(double value) {
        double nearest = Math.rint(value);
        return Math.abs(value - nearest) < 1e-6 ? (long) nearest : (long) Math.floor(value);
    }
}
