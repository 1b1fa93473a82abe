package io.github.geodispatch.examples.cityday;

import io.github.geodispatch.examples.Progress;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A day with more work than its technicians: a mistake planted on a job the day did not do is not made, so it is
 * neither expected of the leakage rules nor reported as not found; the dashboard says how many there were.
 */
class MistakesNotMadeTest {

    @Test
    void mistakesPlantedOnJobsNotDoneAreNotCountedAsMissed() {
        CityDay day = CityDay.run(new CityDay.Options(21, 12, 300, 5, null), Progress.none());

        assertThat(day.mistakesNotMade()).isEqualTo(3);
        assertThat(day.mistakes()).hasSize(2).allSatisfy(m -> assertThat(day.leakage.finding(m)).isPresent());
        StringWriter dashboard = new StringWriter();
        Dashboard.print(day, new PrintWriter(dashboard));
        assertThat(dashboard.toString())
                .contains(" Planted mistakes: 2 of 2 found by the leakage rules (3 more planted on jobs not done, so not"
                        + " made)")
                .doesNotContain("NOT FOUND");
    }
}
