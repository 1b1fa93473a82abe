package io.github.geodispatch.examples.cli;

import io.github.geodispatch.examples.Progress;
import io.github.geodispatch.examples.cityday.CityDayRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
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

    @Mixin
    PlanOptions plan;


    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/city-day", description = "Output directory, new "
            + "or holding only an earlier run's report.html and journal.jsonl, which are replaced (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--no-progress", description = "Print no progress: neither the bar (on a terminal) nor the "
            + "phase lines (elsewhere).")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        CityDayRun.run(new CityDayRun.Settings(seed, technicians, jobs, plan.steps(),
                plan.guard()), out, console,
                Progress.forConsole(console, !noProgress));
        return ExitCodes.DONE;
    }
}
