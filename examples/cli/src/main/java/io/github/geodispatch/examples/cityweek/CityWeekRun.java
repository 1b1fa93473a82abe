package io.github.geodispatch.examples.cityweek;

import io.github.geodispatch.examples.OutputFiles;
import io.github.geodispatch.examples.Progress;
import io.github.geodispatch.examples.report.OwnerReport;
import io.github.geodispatch.examples.report.ReportPage;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;

/**
 * The {@code city-week} command's work, callable from the CLI and from tests: play the week, then write
 * {@code report.html}, {@code journal.jsonl} and {@code days.csv} into a temporary directory that takes the output
 * directory's place (a directory holding anything else is refused), and print the week's lines. Stateless.
 */
public final class CityWeekRun {
    static final String REPORT = "report.html";
    static final String JOURNAL = "journal.jsonl";
    static final String DAYS = "days.csv";
    private static final Set<String> OUTPUTS = Set.of(REPORT, JOURNAL, DAYS);

    private CityWeekRun() {}

    /** What a run wrote, and the week it played (for tests). */
    public record Written(Path report, Path journal, Path days, int journalLines, CityWeek.Week week) {}

    /** Plays the week reporting to {@code progress}, writes the outputs, prints the week's lines on {@code console}. */
    public static Written run(CityWeek.Settings settings, String command, Path out, PrintWriter console, Progress progress)
            throws IOException {
        // the week's lines are the output: keep the solver's progress lines off the console (before its loggers exist)
        System.setProperty("org.slf4j.simpleLogger.log.org.optaplanner", "warn");
        CityWeek.Week week;
        OwnerReport report;
        int[] lines = new int[1];
        try {
            week = CityWeek.run(settings, progress);
            report = WeekReport.of(week, command);
            progress.phase("writing the report, the journal and the days", 3);
            try (OutputFiles.Directory dir = OutputFiles.directory(out, OUTPUTS::contains, true)) {
                dir.write(REPORT, file -> ReportPage.write(report, file));
                progress.advance(1);
                dir.write(JOURNAL, file -> lines[0] = week.business().writeJournal(file));
                progress.advance(1);
                dir.write(DAYS, DaysCsv.render(week));
                dir.commit();
                progress.advance(1);
            }
        } finally {
            progress.done(); // on a failure too, so its message starts on a line of its own
        }
        WeekSummary.print(week, report, console);
        console.printf(" Wrote %s, %s (%s lines) and %s%n", out.resolve(REPORT), out.resolve(JOURNAL),
                new io.github.geodispatch.examples.report.Figures(report.currency(), report.zone()).count(lines[0]),
                out.resolve(DAYS));
        console.flush();
        return new Written(out.resolve(REPORT), out.resolve(JOURNAL), out.resolve(DAYS), lines[0], week);
    }
}
