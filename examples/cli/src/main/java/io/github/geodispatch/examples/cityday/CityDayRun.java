package io.github.geodispatch.examples.cityday;

import io.github.geodispatch.examples.OutputFiles;
import io.github.geodispatch.examples.Progress;
import io.github.geodispatch.examples.report.ReportPage;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code city-day} command's work, callable from the CLI and from tests: run the day reporting its phases to
 * a {@link Progress}, print the dashboard, write {@code report.html} and {@code journal.jsonl} into the output
 * directory (both into a temporary directory that then takes its place; a directory holding anything else is
 * refused).
 */
public final class CityDayRun {
    private static final String REPORT = "report.html";
    private static final String JOURNAL = "journal.jsonl";

    private CityDayRun() {}

    /** What a run wrote, for the caller to print or check. */
    public record Written(Path report, Path journal, int journalLines, long millis) {}

    /**
     * The day to simulate: the world's seed and size, the morning plan's local-search steps per booked job (0 = the
     * greedy baseline office) and its optional wall-clock guard ({@code null} = none).
     */
    public record Settings(long seed, int technicians, int jobs, int planSteps, Duration planGuard) {}

    /** The command line that repeats the run, for the report's footer. */
    static String command(Settings s) {
        return "geodispatch city-day --seed " + s.seed() + " --technicians " + s.technicians() + " --jobs " + s.jobs()
                + " --plan-steps " + s.planSteps() + (s.planGuard() == null ? "" : " --plan-guard-seconds " + s.planGuard().toSeconds());
    }

    /** Runs the day, reporting its phases to {@code progress} (ended before the dashboard is printed). */
    public static Written run(Settings settings, Path out, PrintWriter console, Progress progress) throws IOException {
        long started = System.nanoTime();
        // the dashboard is the output: keep the solver's progress lines off the console (before its loggers exist)
        System.setProperty("org.slf4j.simpleLogger.log.org.optaplanner", "warn");
        CityDay day;
        int[] lines = new int[1];
        try {
            day = CityDay.run(new CityDay.Options(settings.seed(), settings.technicians(), settings.jobs(),
                    settings.planSteps(), settings.planGuard()), progress);
            progress.phase("writing the report", 2);
            try (OutputFiles.Directory dir = OutputFiles.directory(out, name -> name.equals(REPORT) || name.equals(JOURNAL), true)) {
                dir.write(REPORT, file -> ReportPage.write(DayReport.of(day, command(settings)), file));
                progress.advance(1);
                dir.write(JOURNAL, file -> lines[0] = JournalExport.write(day, file));
                dir.commit();
                progress.advance(1);
            }
        } finally {
            progress.done(); // on a failure too, so its message starts on a line of its own
        }
        Path report = out.resolve(REPORT);
        Path journal = out.resolve(JOURNAL);
        Dashboard.print(day, console);
        long millis = (System.nanoTime() - started) / 1_000_000;
        console.printf(" Wrote %s and %s (%,d lines) in %.1f s%n", report, journal, lines[0], millis / 1000.0);
        console.flush();
        return new Written(report, journal, lines[0], millis);
    }
}
