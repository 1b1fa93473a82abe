package io.github.geodispatch.geofence;

import io.github.geodispatch.spi.GeoPoint;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.github.geodispatch.geofence.TrackerFixture.FAR;
import static io.github.geodispatch.geofence.TrackerFixture.T0;
import static io.github.geodispatch.geofence.TrackerFixture.east;
import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the visit state machine. */
class VisitTrackerProperties {

    /** A stay of {@code stayPings} pings with jitter inside the fence, framed by pings far away. */
    private static List<Ping> day(TrackerFixture f, int stayPings, long seed) {
        Random r = new Random(seed);
        List<Ping> pings = new ArrayList<>(f.every15s(0, 600, FAR));
        for (int i = 0; i < stayPings; i++) {
            pings.add(f.ping(600 + i * 15L, east(r.nextDouble() * 120 - 60)));
        }
        pings.addAll(f.every15s(600 + stayPings * 15L, 600 + stayPings * 15L + 600, FAR));
        return pings;
    }

    @Property(tries = 60)
    void aSingleOutlierNeverSplitsOrShiftsAVisit(@ForAll @IntRange(min = 25, max = 200) int stayPings,
                                                 @ForAll @IntRange(min = 1, max = 198) int outlierAt, @ForAll long seed) {
        TrackerFixture plain = new TrackerFixture();
        List<SiteVisit> expected = plain.run(day(plain, stayPings, seed));
        assertThat(expected).hasSize(1);

        TrackerFixture noisy = new TrackerFixture();
        List<Ping> pings = day(noisy, stayPings, seed);
        int i = 40 + Math.min(outlierAt, stayPings - 2); // strictly inside the stay: first and last evidence stay
        Ping p = pings.get(i);
        pings.set(i, new Ping(p.pingId(), p.technician(), p.at(), GeoPoint.of(13.05, 77.70), p.accuracyM()));
        List<SiteVisit> actual = noisy.run(pings);
        assertThat(actual).singleElement().satisfies(v -> {
            assertThat(v.enteredAt()).isEqualTo(expected.get(0).enteredAt());
            assertThat(v.exitedAt()).isEqualTo(expected.get(0).exitedAt());
        });
    }

    @Property(tries = 60)
    void latePingsWithinTheWindowAndDuplicatesGiveTheSameVisits(@ForAll @IntRange(min = 5, max = 120) int stayPings,
                                                                 @ForAll long seed) {
        TrackerFixture ordered = new TrackerFixture();
        List<SiteVisit> expected = ordered.run(day(ordered, stayPings, seed));

        TrackerFixture shuffled = new TrackerFixture();
        List<Ping> pings = day(shuffled, stayPings, seed);
        Random r = new Random(seed ^ 0x5DEECE66DL);
        // each ping arrives up to 90 s after its time (< the 2 min reorder window); some are replayed later on
        List<long[]> keyed = new ArrayList<>(); // {arrival millis, index}
        for (int i = 0; i < pings.size(); i++) {
            long arrives = pings.get(i).at().toEpochMilli() + (r.nextInt(4) == 0 ? r.nextInt(90_001) : 0);
            keyed.add(new long[] {arrives, i});
            if (r.nextInt(10) == 0) {
                keyed.add(new long[] {arrives + 1 + r.nextInt(1_800_000), i});
            }
        }
        keyed.sort((a, b) -> Long.compare(a[0], b[0]));
        List<Ping> arrival = new ArrayList<>();
        for (long[] k : keyed) {
            arrival.add(pings.get((int) k[1]));
        }
        List<SiteVisit> actual = shuffled.run(arrival);
        assertThat(actual).isEqualTo(expected);
    }

    @Property(tries = 40)
    void visitsSpanOnlyInsideEvidenceAndRespectTheDwellThreshold(@ForAll @IntRange(min = 1, max = 80) int stayPings,
                                                                 @ForAll long seed) {
        TrackerFixture f = new TrackerFixture();
        List<SiteVisit> visits = f.run(day(f, stayPings, seed));
        long spanSeconds = (stayPings - 1) * 15L;
        if (spanSeconds >= 300) {
            assertThat(visits).singleElement().satisfies(v -> {
                assertThat(v.enteredAt()).isEqualTo(T0.plusSeconds(600));
                assertThat(v.exitedAt()).isEqualTo(T0.plusSeconds(600 + spanSeconds));
            });
        } else {
            assertThat(visits).isEmpty();
        }
    }
}
