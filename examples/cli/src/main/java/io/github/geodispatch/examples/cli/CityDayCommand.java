package io.github.geodispatch.examples.cli;

import io.github.geodispatch.examples.cityday.CityDayRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code geodispatch city-day}: simulate a service business's day in Bengaluru and write a dashboard. */
@Command(name = "city-day", mixinStandardHelpOptions = true,
        description = {"Simulate a service business's day in Bengaluru and write a dashboard.",
                "Prints a progress bar, then a terminal dashboard; writes DIR/report.html (self-contained) and "
                        + "DIR/journal.jsonl (the journal format, for `geodispatch audit`)."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.DONE_LINE, ExitCodes.BAD_INPUT_LINE + "; also a DIR holding other files",
                ExitCodes.CANNOT_WRITE_LINE, ExitCodes.INTERNAL_LINE})
public final class CityDayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seed", description = "Seed of the simulated world (default: ${DEFAULT-VALUE}).", defaultValue = "42")
    long seed;

    @Option(names = "--technicians", description = "Number of technicians, 6-2000 (default: ${DEFAULT-VALUE}).", defaultValue = "60")
    int technicians;

    @Option(names = "--jobs", description = "Number of jobs besides the emergency, 10-20000 (default: ${DEFAULT-VALUE}).", defaultValue = "600")
    int jobs;

    @Option(names = "--plan-seconds", description = "Time box of the OptaPlanner morning plan, 1-120 s; 0 = use the "
            + "greedy baseline office instead of the dispatch engines (default: ${DEFAULT-VALUE}).", defaultValue = "10")
    int planSeconds;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/city-day", description = "Output directory, new "
            + "or holding only an earlier run's report.html and journal.jsonl, which are replaced (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--no-progress", description = "Do not draw the progress bar.")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        if (planSeconds < 0 || planSeconds > 120) {
            throw new IllegalArgumentException("--plan-seconds must be 0-120, was " + planSeconds);
        }
        CityDayRun.run(seed, technicians, jobs, planSeconds, out, console, !noProgress);
        return ExitCodes.DONE;
    }
}
