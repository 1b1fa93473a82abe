package io.github.geodispatch.examples.cli;
import io.github.geodispatch.dispatch.plan.PlanTermination;
import io.github.geodispatch.dispatch.plan.internal.VrptwInstance;
import io.github.geodispatch.dispatch.plan.internal.VrptwPlanner;
import io.github.geodispatch.dispatch.plan.internal.VrptwSolution;
import io.github.geodispatch.examples.OutputFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code vrptw}: solves a Solomon or Gehring & Homberger instance (the fleet from the file) with the day-plan engine and writes
 * {@code {"instance","feasible","violations","interrupted","vehicles","distance","routes"}} as JSON (atomically).
 * Feasibility is checked on the routes with exact arithmetic: every customer served, every service started by
 * its due date, every vehicle within capacity and back at the depot in time; each broken rule is a line of
 * {@code violations}. Ctrl-C (SIGINT) ends the solve early and the best plan so far is written before the
 * process exits (code 130). Exit code 0 when the plan is feasible, 1 when it is not, 2 for bad input.
 */
@Command(name = "vrptw", mixinStandardHelpOptions = true,
        description = "Solve a Solomon or Gehring & Homberger VRPTW instance with the day-plan engine.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:done: the plan is feasible",
                "1:done, but the plan is infeasible (the search ended first; the JSON lists why)",
                ExitCodes.BAD_INPUT_LINE, ExitCodes.CANNOT_WRITE_LINE, ExitCodes.INTERNAL_LINE,
                "130:interrupted by Ctrl-C: the best plan so far was written"},
        footerHeading = HelpFooter.HEADING,
        footer = {HelpFooter.RUN + "vrptw \\",
                HelpFooter.MORE + "--instance examples/data/solomon/R101.txt \\",
                HelpFooter.MORE + "--seconds 60 --steps 20000 --out r101.json"})
public final class VrptwCommand implements Callable<Integer> {

    private static final String SOLVER_LOG_LEVEL = "org.slf4j.simpleLogger.log.org.optaplanner";
    /** The longest solve allowed: one day. */
    static final long MAX_SECONDS = 86_400;
    /** The most customers an instance may have: the planner keeps a travel matrix of customers² longs. */
    static final int MAX_CUSTOMERS = 5_000;
    /** How long a Ctrl-C waits for the best plan to be written before the process exits anyway. */
    private static final long WRITE_GRACE_SECONDS = 30;
    /** How many violations the JSON lists one by one (all are counted). */
    private static final int LISTED_VIOLATIONS = 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--instance", required = true, paramLabel = "FILE",
            description = "Solomon or Gehring & Homberger instance (text format); the fleet is the file's.")
    Path instance;

    @Option(names = "--seconds", required = true, paramLabel = "N", description = "Solving time in seconds, 1-86400.")
    long seconds;

    @Option(names = "--steps", paramLabel = "N", description = "End the search after N local-search steps, the same "
            + "plan on any machine; --seconds then only caps it (default: time only).")
    Integer steps;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the solution JSON.")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--quiet", description = "Do not print progress.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("--seconds must be 1-" + MAX_SECONDS + ", was " + seconds);
        }
        OutputFiles.requireNotAnInput("--out", out, "the instance", instance);
        if (System.getProperty(SOLVER_LOG_LEVEL) == null) {
            System.setProperty(SOLVER_LOG_LEVEL, "warn"); // progress lines below replace the solver's own log
        }
        VrptwInstance problem = VrptwInstance.read(instance);
        if (problem.customers().size() - 1 > MAX_CUSTOMERS) {
            throw new IllegalArgumentException(instance + ": " + (problem.customers().size() - 1)
                    + " customers; at most " + MAX_CUSTOMERS + " (the planner's travel matrix grows with their square)");
        }
        VrptwPlanner.EarlyStop stop = new VrptwPlanner.EarlyStop();
        CountDownLatch written = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            stop.request();
            try {
                written.await(WRITE_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "vrptw-sigint");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            if (!quiet) {
                spec.commandLine().getErr().printf("%s: solving for %d s (Ctrl-C stops and writes the best plan so far)%n",
                        problem.name(), seconds);
            }
            PlanTermination termination = steps == null ? PlanTermination.after(Duration.ofSeconds(seconds))
                    : PlanTermination.afterSteps(steps).orAfter(Duration.ofSeconds(seconds));
            VrptwSolution solution = VrptwPlanner.solve(problem, termination,
                    progress -> {
                        if (!quiet) {
                            spec.commandLine().getErr().printf("%6.1f s  best %s%n",
                                    progress.elapsed().toMillis() / 1000.0, progress.bestScore());
                        }
                    }, seed, stop);
            List<String> violations = violations(problem, solution.routes());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("instance", solution.instance());
            json.put("feasible", violations.isEmpty());
            json.put("violations", violations);
            json.put("interrupted", stop.requested());
            json.put("vehicles", solution.vehicles());
            json.put("distance", solution.distance());
            json.put("routes", solution.routes());
            ObjectMapper mapper = new ObjectMapper();
            OutputFiles.write(out, w -> w.write(mapper.writeValueAsString(json)));
            spec.commandLine().getOut().printf("%s: %s%d vehicles, distance %.2f, %s -> %s%n", solution.instance(),
                    stop.requested() ? "interrupted: " : "", solution.vehicles(), solution.distance(),
                    violations.isEmpty() ? "feasible" : "INFEASIBLE (" + violations.get(0) + ")", out);
            spec.commandLine().getOut().flush();
            if (stop.requested()) {
                return ExitCodes.INTERRUPTED;
            }
            return violations.isEmpty() ? ExitCodes.DONE : ExitCodes.DONE_WITH_FINDINGS;
        } finally {
            written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it has just been released
            }
        }
    }

    /**
     * What makes {@code routes} infeasible for {@code problem}, checked with exact arithmetic (travel time is the
     * unrounded Euclidean distance): customers not served or served twice, services starting after their due date,
     * vehicles over capacity or back after the depot closes, more routes than vehicles. Empty when feasible; the
     * first {@value #LISTED_VIOLATIONS} are listed one by one.
     */
    static List<String> violations(VrptwInstance problem, List<List<Integer>> routes) {
        Map<Integer, VrptwInstance.Customer> byNumber = new LinkedHashMap<>();
        for (VrptwInstance.Customer c : problem.customers().subList(1, problem.customers().size())) {
            byNumber.put(c.number(), c);
        }
        VrptwInstance.Customer depot = problem.depot();
        List<String> found = new ArrayList<>();
        Set<Integer> served = new HashSet<>();
        if (routes.size() > problem.maxVehicles()) {
            found.add(routes.size() + " routes, more than the " + problem.maxVehicles() + " vehicles");
        }
        for (int r = 0; r < routes.size(); r++) {
            double time = depot.ready();
            double load = 0;
            VrptwInstance.Customer at = depot;
            for (int number : routes.get(r)) {
                VrptwInstance.Customer c = byNumber.get(number);
                if (c == null || !served.add(number)) {
                    found.add("route " + (r + 1) + ": customer " + number + (c == null ? " is not in the instance" : " is served twice"));
                    continue;
                }
                double start = Math.max(time + Math.hypot(c.x() - at.x(), c.y() - at.y()), c.ready());
                if (start > c.due()) {
                    found.add(String.format("route %d: customer %d served at %.2f, after its due date %.2f", r + 1, number,
                            start, c.due()));
                }
                load += c.demand();
                time = start + c.service();
                at = c;
            }
            double back = time + Math.hypot(depot.x() - at.x(), depot.y() - at.y());
            if (back > depot.due()) {
                found.add(String.format("route %d: back at the depot at %.2f, after it closes at %.2f", r + 1, back, depot.due()));
            }
            if (load > problem.capacity()) {
                found.add(String.format("route %d: carries %s, more than the capacity %s", r + 1, plain(load),
                        plain(problem.capacity())));
            }
        }
        List<Integer> unserved = byNumber.keySet().stream().filter(n -> !served.contains(n)).toList();
        if (!unserved.isEmpty()) {
            found.add(0, unserved.size() + " customers not served (" + unserved.stream().limit(10).map(String::valueOf)
                    .reduce((a, b) -> a + ", " + b).orElse("") + (unserved.size() > 10 ? ", ..." : "") + ")");
        }
        if (found.size() > LISTED_VIOLATIONS) {
            int more = found.size() - LISTED_VIOLATIONS;
            found = new ArrayList<>(found.subList(0, LISTED_VIOLATIONS));
            found.add("and " + more + " more");
        }
        return found;
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
