package io.github.geodispatch.examples.cli;

import io.github.geodispatch.examples.cityday.CityDayRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code geodispatch city-day}: simulate a service business's day in Bengaluru and write a dashboard. */
@Command(name = "city-day", mixinStandardHelpOptions = true,
        description = {"Simulate a service business's day in Bengaluru and write a dashboard.",
                "Prints its progress (a bar on a terminal, a line per phase elsewhere), then a terminal dashboard; writes DIR/report.html (self-contained) and "
                        + "DIR/journal.jsonl (the journal format, for `geodispatch audit`)."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.DONE_LINE, ExitCodes.BAD_INPUT_LINE + "; also a DIR holding other files",
                ExitCodes.CANNOT_WRITE_LINE, ExitCodes.INTERNAL_LINE},
        footerHeading = HelpFooter.HEADING,
        footer = {HelpFooter.RUN + "city-day \\",
                HelpFooter.MORE + "--seed 7 --out target/city-day"})
public final class CityDayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seed", description = "Seed of the simulated world (default: ${DEFAULT-VALUE}).", defaultValue = "42")
    long seed;

    @Option(names = "--technicians", description = "Number of technicians, 6-2000 (default: ${DEFAULT-VALUE}).", defaultValue = "60")
    int technicians;

    @Option(names = "--jobs", description = "Number of jobs besides the emergency, 10-20000 (default: ${DEFAULT-VALUE}).", defaultValue = "600")
    int jobs;

    @Option(names = "--plan-steps", paramLabel = "N", description = "Local-search steps of the morning plan per booked job, "
            + "0-10000; the plan ends on this count, so a seed plans the same morning on any machine; 0 = use the greedy "
            + "baseline office instead of the dispatch engines (default: ${DEFAULT-VALUE}).", defaultValue = "50")
    int planSteps;

    @Option(names = "--plan-guard-seconds", paramLabel = "S", description = "Optional outer wall-clock cap on the morning "
            + "plan, 1-600 s; a run it cuts short is no longer repeatable (default: none).")
    Integer planGuardSeconds;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/city-day", description = "Output directory, new "
            + "or holding only an earlier run's report.html and journal.jsonl, which are replaced (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--no-progress", description = "Print no progress: neither the bar (on a terminal) nor the "
            + "phase lines (elsewhere).")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        if (planSteps < 0 || planSteps > 10_000) {
            throw new IllegalArgumentException("--plan-steps must be 0-10000, was " + planSteps);
        }
        if (planGuardSeconds != null && (planGuardSeconds < 1 || planGuardSeconds > 600)) {
            throw new IllegalArgumentException("--plan-guard-seconds must be 1-600, was " + planGuardSeconds);
        }
        CityDayRun.run(new CityDayRun.Settings(seed, technicians, jobs, planSteps,
                planGuardSeconds == null ? null : Duration.ofSeconds(planGuardSeconds)), out, console,
                Progress.forConsole(console, !noProgress));
        return ExitCodes.DONE;
    }
}
