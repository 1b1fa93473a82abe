package io.github.geodispatch.examples.cityday;

import io.github.geodispatch.examples.OutputFiles;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code city-day} command's work, callable from the CLI and from tests: run the day with a progress
 * bar, print the dashboard, write {@code report.html} and {@code journal.jsonl} into the output directory
 * (both into a temporary directory that then takes its place; a directory holding anything else is refused).
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

    public static Written run(Settings settings, Path out, PrintWriter console, boolean progressBar) throws IOException {
        long started = System.nanoTime();
        // the dashboard is the output: keep the solver's progress lines off the console (before its loggers exist)
        System.setProperty("org.slf4j.simpleLogger.log.org.optaplanner", "warn");
        int[] lastPercent = {-1};
        CitySimulation.Progress progress = progressBar ? (time, fraction, completed, total) -> {
            int percent = (int) Math.round(fraction * 100);
            if (percent < lastPercent[0] + 2 && percent < 100) {
                return;
            }
            lastPercent[0] = percent;
            int width = 40;
            int filled = (int) Math.round(fraction * width);
            console.printf("\r [%s%s] %3d%%  %s IST  completed %d/%d ", "█".repeat(filled), "░".repeat(width - filled),
                    Math.round(fraction * 100), CitySimulation.hhmm(time), completed, total);
            console.flush();
        } : (time, fraction, completed, total) -> { };
        CityDay day = CityDay.run(new CityDay.Options(settings.seed(), settings.technicians(), settings.jobs(),
                settings.planSteps(), settings.planGuard()), progress);
        if (progressBar) {
            console.println();
        }
        int[] lines = new int[1];
        try (OutputFiles.Directory dir = OutputFiles.directory(out, name -> name.equals(REPORT) || name.equals(JOURNAL), true)) {
            dir.write(REPORT, file -> HtmlReport.write(day, file));
            dir.write(JOURNAL, file -> lines[0] = JournalExport.write(day, file));
            dir.commit();
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
