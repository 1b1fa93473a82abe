package io.github.geodispatch.examples.cli;
import io.github.geodispatch.dispatch.plan.PlanTermination;
import io.github.geodispatch.dispatch.plan.internal.VrptwInstance;
import io.github.geodispatch.dispatch.plan.internal.VrptwPlanner;
import io.github.geodispatch.dispatch.plan.internal.VrptwSolution;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code vrptw}: solves a Solomon or Gehring & Homberger instance (the fleet from the file) with the day-plan
 * engine and writes {@code {"instance","vehicles","distance","routes"}} as JSON. Exit code 0 when every customer
 * is served feasibly, 1 when the search ended before a feasible plan was found, 2 for bad input.
 */
@Command(name = "vrptw", mixinStandardHelpOptions = true,
        description = "Solve a Solomon or Gehring & Homberger VRPTW instance with the day-plan engine.")
public final class VrptwCommand implements Callable<Integer> {

    private static final String SOLVER_LOG_LEVEL = "org.slf4j.simpleLogger.log.org.optaplanner";

    @Spec
    CommandSpec spec;

    @Option(names = "--instance", required = true, paramLabel = "FILE",
            description = "Solomon or Gehring & Homberger instance (text format); the fleet is the file's.")
    Path instance;

    @Option(names = "--seconds", required = true, paramLabel = "N", description = "Solving time in seconds.")
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
        if (seconds < 1) {
            throw new IllegalArgumentException("--seconds must be >= 1, was " + seconds);
        }
        if (System.getProperty(SOLVER_LOG_LEVEL) == null) {
            System.setProperty(SOLVER_LOG_LEVEL, "warn"); // progress lines below replace the solver's own log
        }
        VrptwInstance problem = VrptwInstance.read(instance);
        PlanTermination termination = steps == null ? PlanTermination.after(Duration.ofSeconds(seconds))
                : PlanTermination.afterSteps(steps).orAfter(Duration.ofSeconds(seconds));
        VrptwSolution solution = VrptwPlanner.solve(problem, termination,
                progress -> {
                    if (!quiet) {
                        spec.commandLine().getErr().printf("%6.1f s  best %s%n",
                                progress.elapsed().toMillis() / 1000.0, progress.bestScore());
                    }
                }, seed);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("instance", solution.instance());
        json.put("vehicles", solution.vehicles());
        json.put("distance", solution.distance());
        json.put("routes", solution.routes());
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), json);
        spec.commandLine().getOut().printf("%s: %d vehicles, distance %.2f, %s -> %s%n", solution.instance(),
                solution.vehicles(), solution.distance(), solution.feasible() ? "feasible" : "INFEASIBLE", out);
        return solution.feasible() ? 0 : 1;
    }
}
