package io.github.geodispatch.examples.cli;

import io.github.geodispatch.examples.Progress;
import io.github.geodispatch.examples.cityweek.CityWeek;
import io.github.geodispatch.examples.cityweek.CityWeekRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code geodispatch city-week}: simulate a service business's week in Bengaluru and write the owner's report. */
@Command(name = "city-week", mixinStandardHelpOptions = true,
        description = {"Simulate a Bengaluru service business's week (AMC contracts, vans, payments, planted mistakes) "
                + "and write the owner's report.",
                "Prints its progress, then a line per day; writes DIR/report.html (self-contained), DIR/journal.jsonl "
                        + "(the journal format, for `geodispatch audit`, `invoice`, `contracts`, `stock`) and DIR/days.csv."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.DONE_LINE, ExitCodes.BAD_INPUT_LINE + "; also a DIR holding other files",
                ExitCodes.CANNOT_WRITE_LINE, ExitCodes.INTERNAL_LINE},
        footerHeading = HelpFooter.HEADING,
        footer = {HelpFooter.RUN + "city-week \\",
                HelpFooter.MORE + "--seed 7 --days 3 --out target/week-7"})
public final class CityWeekCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the simulated week (default: ${DEFAULT-VALUE}).",
            defaultValue = "42")
    long seed;

    @Option(names = "--technicians", paramLabel = "N", description = "Number of technicians, 6-2000 (default: "
            + "${DEFAULT-VALUE}).", defaultValue = "60")
    int technicians;

    @Option(names = "--jobs-per-day", paramLabel = "N", description = "Customers' requests a working day, besides the "
            + "emergency and the contracts' visits, 10-20000 (default: ${DEFAULT-VALUE}).", defaultValue = "500")
    int jobsPerDay;

    @Option(names = "--days", paramLabel = "N", description = "Days to simulate from Monday 16 November 2026, 1-14 "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "7")
    int days;

    @Mixin
    PlanOptions plan;


    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/city-week", description = "Output directory, "
            + "new or holding only an earlier run's report.html, journal.jsonl and days.csv, which are replaced "
            + "(default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--no-progress", description = "Print no progress: neither the bar (on a terminal) nor the phase "
            + "lines (elsewhere).")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        CityWeek.Settings settings = new CityWeek.Settings(seed, technicians, jobsPerDay, days, plan.steps(),
                plan.guard());
        String command = "geodispatch city-week --seed " + seed + " --technicians " + technicians + " --jobs-per-day "
                + jobsPerDay + " --days " + days;
        CityWeekRun.run(settings, command, out, console, Progress.forConsole(console, !noProgress));
        return ExitCodes.DONE;
    }
}
