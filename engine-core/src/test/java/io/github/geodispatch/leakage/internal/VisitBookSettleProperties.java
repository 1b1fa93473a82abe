package io.github.geodispatch.leakage.internal;

import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.leakage.LeakagePolicy;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.TechnicianId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settling long stays against the rule by brute force over every long stay kept: at each cut, a stay that ended
 * before it settles unless a kept stay of the same technician (one that had not ended before the cut) starts within a
 * second of its end. Stays on a coarse grid, so that starts coincide, stays abut and overlap, and some are short;
 * some start a second late and some cuts fall half a second after the grid, so that a kept stay may start right after
 * the cut, within a second of the end of a stay that ended before it.
 */
class VisitBookSettleProperties {
    private static final Instant T0 = Instant.parse("2026-11-02T03:30:00Z");
    private static final List<SiteId> SITES = List.of(SiteId.of("S-1"), SiteId.of("S-2"), SiteId.of("S-3"));

    /**
     * A stay of technician 0-2 at site 0-2, from {@code start} (minutes after T0, 5-minute grid) plus {@code late}
     * seconds (0 or 1), for {@code minutes}.
     */
    record StayInput(int technician, int site, int start, int late, int minutes) {
        TechnicianId who() {
            return TechnicianId.of("T-" + technician);
        }

        Instant from() {
            return T0.plusSeconds(60L * start + late);
        }

        Instant to() {
            return from().plusSeconds(60L * minutes);
        }

        String evidence() {
            return "visit:" + SITES.get(site) + "@" + from() + "/" + to();
        }
    }

    @Provide
    Arbitrary<List<StayInput>> stays() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 120).map(i -> 5 * i), Arbitraries.of(0, 0, 1),
                        Arbitraries.integers().between(1, 24).map(i -> 5 * i))
                .as(StayInput::new).list().ofMaxSize(40);
    }

    @Property(tries = 400)
    void settlesExactlyWhatTheRuleOverEveryKeptStaySettles(@ForAll("stays") List<StayInput> stays,
            @ForAll("cuts") List<Integer> cutHalfSeconds, @ForAll("cuts") List<Integer> stayEndCuts) {
        LeakagePolicy policy = LeakagePolicy.defaults();
        VisitBook book = new VisitBook(policy);
        for (int i = 0; i < SITES.size(); i++) {
            // a job at each site, assigned to nobody: every long stay there is off the book
            book.site(JobId.of("J-" + i), new Site(SITES.get(i), GeoPoint.of(12.9 + i, 77.6), 50, ""), Currency.INR);
        }
        Set<StayInput> kept = new LinkedHashSet<>();
        for (StayInput s : stays) {
            book.visit(s.who(), SITES.get(s.site()), s.from(), s.to(), Set.of(), false);
            if (Duration.ofMinutes(s.minutes()).compareTo(policy.offBookMinimumStay()) >= 0) {
                kept.add(s);
            }
        }
        TreeSet<Instant> cuts = new TreeSet<>();
        cutHalfSeconds.forEach(h -> cuts.add(T0.plusMillis(500L * h)));
        // and half a second after the end of some stays: a stay starting a second late may follow right after
        stayEndCuts.stream().filter(i -> !stays.isEmpty())
                .forEach(i -> cuts.add(stays.get(i % stays.size()).to().plusMillis(500)));
        for (Instant before : cuts) {
            Map<Integer, Instant> firstKept = new HashMap<>();
            for (StayInput s : kept) {
                if (!s.to().isBefore(before)) {
                    firstKept.merge(s.technician(), s.from(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
            Set<String> expected = new java.util.HashSet<>();
            for (StayInput s : new ArrayList<>(kept)) {
                Instant first = firstKept.get(s.technician());
                if (s.to().isBefore(before) && (first == null || s.to().plusSeconds(1).isBefore(first))) {
                    expected.add(s.evidence());
                    kept.remove(s);
                }
            }

            List<Finding> settled = book.settleStays(before, t -> BranchId.of("BLR-1"));

            Set<String> evidence = new java.util.HashSet<>();
            settled.forEach(f -> evidence.addAll(f.evidence()));
            assertThat(evidence).as("settled at %s", before).isEqualTo(expected);
        }
    }

    /** Up to six cuts (in half-seconds after T0), on the 5-minute grid or half a second after it. */
    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Combinators.combine(Arbitraries.integers().between(0, 160), Arbitraries.of(0, 1))
                .as((grid, half) -> grid * 600 + half).list().ofMaxSize(6);
    }
}
