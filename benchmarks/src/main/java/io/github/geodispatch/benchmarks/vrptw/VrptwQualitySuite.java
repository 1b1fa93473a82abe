package io.github.geodispatch.benchmarks.vrptw;
import io.github.geodispatch.dispatch.plan.PlanTermination;
import io.github.geodispatch.dispatch.plan.internal.VrptwInstance;
import io.github.geodispatch.dispatch.plan.internal.VrptwPlanner;
import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.algorithm.termination.TimeTermination;
import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.job.Service;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleType;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;
import com.graphhopper.jsprit.core.util.Solutions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The VRPTW quality suite: solves Solomon or Gehring & Homberger instances (the fleet from the file) with
 * the day-plan engine and with jsprit, each for the same wall-clock time on one thread, one after the other,
 * and prints per instance both distances and vehicle counts, the gap to the best-known distance, and whether
 * each solution is feasible (checked here with exact double arithmetic). Ends with the mean gaps. The
 * Gehring & Homberger references minimise vehicles first: read the vehicle counts beside the gaps.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.geodispatch.benchmarks.vrptw.VrptwQualitySuite \
 *     --data examples/data/solomon --seconds 60 [INSTANCE ...]   (default: every row of best-known.csv)
 * java -cp benchmarks/target/benchmarks.jar io.github.geodispatch.benchmarks.vrptw.VrptwQualitySuite \
 *     --data examples/data/homberger --seconds 60 RC1_2_6 R1_4_3 R1_6_1
 * </pre>
 */
public final class VrptwQualitySuite {

    private VrptwQualitySuite() {}

    record Outcome(int vehicles, double distance, boolean feasible) {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of("examples/data/solomon");
        long seconds = 60;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--seconds" -> seconds = Long.parseLong(args[++i]);
                default -> names.add(args[i]);
            }
        }
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        Map<String, double[]> best = bestKnown(data.resolve("best-known.csv"));
        if (names.isEmpty()) {
            names.addAll(best.keySet());
        }
        System.out.printf("VRPTW quality suite: %d s per instance per solver, 1 thread each, %d cores, load %s%n",
                seconds, Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.println("| instance | best-known veh / dist | ours veh / dist | ours gap | jsprit veh / dist | jsprit gap |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        double oursGaps = 0;
        double jspritGaps = 0;
        for (String name : names) {
            double[] known = best.get(name);
            if (known == null) {
                throw new IllegalArgumentException("no best-known row for " + name);
            }
            VrptwInstance instance = VrptwInstance.read(data.resolve(name + ".txt"));
            Outcome ours = ours(instance, seconds);
            Outcome jsprit = jsprit(instance, seconds);
            double oursGap = gap(ours, known[1]);
            double jspritGap = gap(jsprit, known[1]);
            oursGaps += oursGap;
            jspritGaps += jspritGap;
            System.out.printf("| %s | %d / %.2f | %s | %+.2f%% | %s | %+.2f%% |%n", name, (int) known[0], known[1],
                    describe(ours), oursGap, describe(jsprit), jspritGap);
        }
        System.out.printf("| mean gap | | | %+.2f%% | | %+.2f%% |%n", oursGaps / names.size(), jspritGaps / names.size());
    }

    private static String describe(Outcome o) {
        return String.format("%d / %.2f%s", o.vehicles, o.distance, o.feasible ? "" : " INFEASIBLE");
    }

    private static double gap(Outcome o, double best) {
        return o.feasible ? 100.0 * (o.distance - best) / best : Double.NaN;
    }

    static Outcome ours(VrptwInstance instance, long seconds) {
        var solution = VrptwPlanner.solve(instance, PlanTermination.after(Duration.ofSeconds(seconds)), p -> { });
        return check(instance, solution.routes());
    }

    static Outcome jsprit(VrptwInstance instance, long seconds) {
        VrptwInstance.Customer depot = instance.depot();
        VehicleRoutingProblem.Builder builder = VehicleRoutingProblem.Builder.newInstance()
                .setFleetSize(VehicleRoutingProblem.FleetSize.FINITE);
        VehicleType type = VehicleTypeImpl.Builder.newInstance("solomon")
                .addCapacityDimension(0, (int) instance.capacity()).setCostPerDistance(1.0).build();
        for (int v = 0; v < instance.maxVehicles(); v++) {
            builder.addVehicle(VehicleImpl.Builder.newInstance("v" + v)
                    .setStartLocation(Location.newInstance(depot.x(), depot.y()))
                    .setEarliestStart(depot.ready()).setLatestArrival(depot.due()).setType(type).build());
        }
        for (VrptwInstance.Customer c : instance.customers().subList(1, instance.customers().size())) {
            builder.addJob(Service.Builder.newInstance(Integer.toString(c.number()))
                    .addSizeDimension(0, (int) c.demand())
                    .setLocation(Location.newInstance(c.x(), c.y()))
                    .setServiceTime(c.service())
                    .setTimeWindow(com.graphhopper.jsprit.core.problem.solution.route.activity.TimeWindow.newInstance(c.ready(), c.due()))
                    .build());
        }
        VehicleRoutingProblem problem = builder.build();
        VehicleRoutingAlgorithm algorithm = Jsprit.Builder.newInstance(problem)
                .setProperty(Jsprit.Parameter.THREADS, "1").buildAlgorithm();
        algorithm.setMaxIterations(Integer.MAX_VALUE);
        TimeTermination time = new TimeTermination(seconds * 1000);
        algorithm.addTerminationCriterion(time);
        algorithm.addListener(time);
        Collection<VehicleRoutingProblemSolution> solutions = algorithm.searchSolutions();
        VehicleRoutingProblemSolution best = Solutions.bestOf(solutions);
        List<List<Integer>> routes = new ArrayList<>();
        for (VehicleRoute route : best.getRoutes()) {
            List<Integer> customers = new ArrayList<>();
            for (TourActivity activity : route.getActivities()) {
                customers.add(Integer.parseInt(((TourActivity.JobActivity) activity).getJob().getId()));
            }
            routes.add(customers);
        }
        Outcome outcome = check(instance, routes);
        return best.getUnassignedJobs().isEmpty() ? outcome : new Outcome(outcome.vehicles, outcome.distance, false);
    }

    /** Feasibility and unrounded distance with exact doubles (the Solomon convention). */
    static Outcome check(VrptwInstance instance, List<List<Integer>> routes) {
        Map<Integer, VrptwInstance.Customer> byNumber = new LinkedHashMap<>();
        instance.customers().forEach(c -> byNumber.put(c.number(), c));
        VrptwInstance.Customer depot = instance.depot();
        boolean feasible = true;
        int served = 0;
        int used = 0;
        double total = 0;
        for (List<Integer> route : routes) {
            if (route.isEmpty()) {
                continue;
            }
            used++;
            double time = depot.ready();
            double load = 0;
            VrptwInstance.Customer at = depot;
            for (int number : route) {
                VrptwInstance.Customer c = byNumber.get(number);
                double leg = Math.hypot(c.x() - at.x(), c.y() - at.y());
                total += leg;
                time = Math.max(time + leg, c.ready());
                feasible &= time <= c.due() + 1e-9;
                time += c.service();
                load += c.demand();
                at = c;
                served++;
            }
            double back = Math.hypot(depot.x() - at.x(), depot.y() - at.y());
            total += back;
            feasible &= time + back <= depot.due() + 1e-9 && load <= instance.capacity();
        }
        feasible &= served == instance.customers().size() - 1;
        return new Outcome(used, total, feasible);
    }

    private static Map<String, double[]> bestKnown(Path csv) throws IOException {
        Map<String, double[]> best = new LinkedHashMap<>();
        for (String line : Files.readAllLines(csv)) {
            String[] f = line.split(",");
            if (f.length >= 3 && !f[0].equals("instance")) {
                best.put(f[0], new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
            }
        }
        return best;
    }

    private static String loadAverage() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format("%.2f", load);
    }
}
