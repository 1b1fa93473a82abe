package io.github.geodispatch.examples.cityweek;

import io.github.geodispatch.examples.Progress;
import io.github.geodispatch.examples.cityday.CityBusiness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mistake planted on a job is made when the job is done: on the day a carried-over job is done, or never when the
 * week does not do it. Six technicians and 100 requests a day leave work undone every day.
 */
class MistakesMadeOnTheDayTest {
    private static final DateTimeFormatter TAG = DateTimeFormatter.ofPattern("MMdd");

    @TempDir
    Path dir;

    @Test
    void aMistakeOnAJobNeverDoneIsNotMadeAndNotMissed() throws Exception {
        CityWeek.Week week = run(1);

        assertThat(week.business().plantedNotMade()).isEqualTo(1);
        assertThat(week.planted()).hasSize(4);
        assertThat(WeekSummary.missed(week)).isEmpty();
    }

    @Test
    void aMistakeOnACarriedOverJobIsMadeAndFoundOnTheDayTheJobIsDone() throws Exception {
        CityWeek.Week week = run(3);

        assertThat(week.business().plantedNotMade()).isZero();
        assertThat(week.planted()).as("a job booked on an earlier day than its mistake's")
                .anyMatch(m -> m.job() != null && !m.job().value().contains("-" + m.day().format(TAG) + "-"));
        assertThat(WeekSummary.missed(week)).isEmpty();
    }

    private CityWeek.Week run(int days) throws Exception {
        CityWeek.Settings settings = new CityWeek.Settings(28, 6, 100, days, 10, null);
        return CityWeekRun.run(settings, "city-week", dir.resolve("week-" + days), new PrintWriter(new StringWriter()),
                Progress.none()).week();
    }
}
