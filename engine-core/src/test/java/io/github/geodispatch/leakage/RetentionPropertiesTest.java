package io.github.geodispatch.leakage;

import io.github.geodispatch.journal.JournalImporter;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.leakage.LeakagePropertiesTest.JobSpec;
import io.github.geodispatch.leakage.LeakagePropertiesTest.Leak;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention: a monitor that lets go of what nothing touched for a window gives the findings of one that keeps
 * everything, for histories whose related inputs (a job's records, its statement, a duplicate of its payment
 * reference, a stay at its site) all fall within the window.
 */
class RetentionPropertiesTest {
    /** A job every six hours; everything about a job happens within its first five and a half. */
    private static final long SPACING = 6 * 60;
    private static final Duration WINDOW = Duration.ofDays(1);

    @Provide
    Arbitrary<List<JobSpec>> longHistory() {
        return LeakagePropertiesTest.jobs(Arbitraries.of(Leak.class), 30);
    }

    private record Input(Instant at, int order, java.util.function.Consumer<LeakageMonitor> feed) {}

    @Property(tries = 120)
    void findingsWithRetentionEqualFindingsWithoutForHistoriesWithinTheWindow(@ForAll("longHistory") List<JobSpec> specs) {
        Scenario s = LeakagePropertiesTest.history(specs, SPACING);
        LeakageMonitor kept = LeakageMonitor.create();
        LeakageMonitor retained = LeakageMonitor.create();
        JournalImporter keptImporter = Scenario.importer(kept);
        JournalImporter retainedImporter = Scenario.importer(retained);

        List<Input> inputs = new ArrayList<>();
        for (JournalRecord r : s.records) {
            inputs.add(new Input(Scenario.timeOf(r), inputs.size(), m -> (m == kept ? keptImporter : retainedImporter)
                    .record(1, r)));
        }
        for (Scenario.Visit v : s.visits) {
            inputs.add(new Input(v.to(), inputs.size(), m -> m.visit(v.technician(), v.site(), v.from(), v.to())));
        }
        inputs.sort(Comparator.comparing(Input::at).thenComparing(Input::order));

        Instant nextRetirement = Scenario.instant(0);
        long letGo = 0;
        for (Input input : inputs) {
            input.feed().accept(kept);
            input.feed().accept(retained);
            if (!input.at().isBefore(nextRetirement)) {
                LeakageMonitor.Retired retired = retained.retire(input.at().minus(WINDOW));
                retired.jobs().forEach(retainedImporter::forget);
                letGo += retired.jobs().size();
                nextRetirement = input.at().plus(Duration.ofHours(6));
            }
        }
        Instant asOf = inputs.get(inputs.size() - 1).at().plus(Duration.ofDays(3));

        assertThat(retained.findings(asOf)).containsExactlyElementsOf(kept.findings(asOf));
        if (specs.size() >= 10) {
            assertThat(letGo).as("jobs let go").isPositive();
            assertThat(retained.jobsHeld()).isLessThan(kept.jobsHeld());
        }
    }
}
