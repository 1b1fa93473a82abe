package io.github.geodispatch.leakage.internal;

import io.github.geodispatch.spi.JobId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The touch order against a brute-force one: after any sequence of touches (with a clock that never goes back) and
 * removals, walking it gives the held jobs by their last touch, oldest first, and {@code lastTouched} never
 * decreases along it, so a walk that stops at the first job touched since a cut finds every job untouched since then.
 */
class TouchOrderProperties {
    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

    /** One step: touch job {@code job} (0-9) after {@code minutes} more, or remove it when held. */
    record Step(int job, boolean remove, int minutes) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 4).map(i -> i == 0), Arbitraries.integers().between(0, 3)).as(Step::new);
        return step.list().ofMaxSize(80);
    }

    @Property(tries = 500)
    void walkingTheOrderGivesTheHeldJobsOldestTouchFirst(@ForAll("steps") List<Step> steps) {
        TouchOrder order = new TouchOrder();
        Map<Integer, JobFacts> held = new HashMap<>();
        List<Integer> oracle = new ArrayList<>();
        Instant clock = Instant.parse("2026-11-02T00:00:00Z");
        for (Step s : steps) {
            clock = clock.plusSeconds(60L * s.minutes());
            JobFacts facts = held.get(s.job());
            if (s.remove()) {
                if (facts != null) {
                    order.remove(facts);
                    held.remove(s.job());
                    oracle.remove(Integer.valueOf(s.job()));
                }
                continue;
            }
            if (facts == null) {
                facts = new JobFacts(JobId.of("J-" + s.job()), ZONE);
                held.put(s.job(), facts);
            }
            order.touched(facts, clock);
            oracle.remove(Integer.valueOf(s.job()));
            oracle.add(s.job());
        }

        List<Integer> walked = new ArrayList<>();
        Instant previous = Instant.MIN;
        for (JobFacts f = order.first(); f != null; f = order.next(f)) {
            walked.add(Integer.parseInt(f.job.value().substring(2)));
            assertThat(f.lastTouched).isAfterOrEqualTo(previous);
            previous = f.lastTouched;
        }
        assertThat(walked).containsExactlyElementsOf(oracle);
    }
}
