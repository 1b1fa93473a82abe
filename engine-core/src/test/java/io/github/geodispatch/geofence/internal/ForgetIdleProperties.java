package io.github.geodispatch.geofence.internal;

import io.github.geodispatch.geofence.Fence;
import io.github.geodispatch.geofence.FenceIndex;
import io.github.geodispatch.geofence.FenceKind;
import io.github.geodispatch.geofence.FenceShape;
import io.github.geodispatch.geofence.PingOutcome;
import io.github.geodispatch.geofence.SiteVisit;
import io.github.geodispatch.geofence.VisitTracker;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.TechnicianId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link VisitTracker#forgetIdle} against an oracle: it lets go of exactly the technicians with no accepted ping at
 * or after the cut, loses no visit (their held pings and open stays end as at a flush), and a technician who pings
 * again a day later gets the visits a tracker that kept them would give.
 */
class ForgetIdleProperties {
    private static final Instant T0 = Instant.parse("2026-11-03T04:00:00Z");
    private static final GeoPoint SITE = GeoPoint.of(12.9716, 77.5946);
    private static final GeoPoint SECOND_SITE = GeoPoint.of(12.9730, 77.5990);
    /** Where pings fall: in the first site, at its edge, just outside it, in the second site, far from both. */
    private static final GeoPoint[] PLACES = {SITE, east(SITE, 70), east(SITE, 130), SECOND_SITE,
            GeoPoint.of(12.9816, 77.6046)};
    private static final int TECHNICIANS = 5;
    /** The log's retention: the day between the two rounds of pings lies within it, 36 days after the first not. */
    private static final Duration RETENTION = Duration.ofDays(35).minusHours(1);

    private record Sent(TechnicianId technician, String id, long atMillis, GeoPoint where, double accuracyM) {}

    @Property(tries = 150)
    void letsGoOfExactlyTheIdleTechniciansAndLosesNoVisit(@ForAll long seed,
                                                           @ForAll @IntRange(min = 1, max = 400) int count,
                                                           @ForAll @IntRange(min = 0, max = 399) int cutAt,
                                                           @ForAll boolean justAfter) {
        List<Sent> pings = pings(new Random(seed), count, 0, "a");
        // the cut at a ping's time (that ping is recent) or just after it
        long cut = pings.get(cutAt % pings.size()).atMillis() + (justAfter ? 1 : 0);
        HysteresisVisitTracker forgetting = tracker();
        HysteresisVisitTracker keeping = tracker();
        Set<TechnicianId> seen = new HashSet<>();
        Set<TechnicianId> recent = new HashSet<>();
        for (Sent p : pings) {
            PingOutcome outcome = send(forgetting, p);
            assertThat(send(keeping, p)).isEqualTo(outcome);
            seen.add(p.technician());
            if (outcome == PingOutcome.ACCEPTED && p.atMillis() >= cut) {
                recent.add(p.technician());
            }
        }

        assertThat(forgetting.forgetIdle(Instant.ofEpochMilli(cut))).isEqualTo(seen.size() - recent.size());
        assertThat(forgetting.techniciansHeld()).isEqualTo(recent.size());
        assertThat(forgetting.forgetIdle(Instant.ofEpochMilli(cut))).isZero();
        forgetting.flush();
        keeping.flush();
        assertThat(forgetting.visitLog().all()).isEqualTo(keeping.visitLog().all());

        // a day later everyone pings again: the spoof signals may differ (a run of repeated coordinates starts
        // afresh), the visits may not
        List<Sent> later = pings(new Random(~seed), count, 86_400, "b");
        for (Sent p : later) {
            assertThat(send(forgetting, p)).isEqualTo(send(keeping, p));
        }
        forgetting.flush();
        keeping.flush();
        assertThat(withoutSignals(forgetting.visitLog().all())).isEqualTo(withoutSignals(keeping.visitLog().all()));

        // weeks later, the log lets go of every visit that ended more than its retention before the time given
        Instant weeksLater = Instant.ofEpochMilli(T0.toEpochMilli()).plus(Duration.ofDays(36));
        Set<TechnicianId> withVisitsSince = new HashSet<>();
        Instant keepFrom = weeksLater.minus(RETENTION);
        for (SiteVisit v : keeping.visitLog().all()) {
            if (!v.exitedAt().isBefore(keepFrom)) {
                withVisitsSince.add(v.technician());
            }
        }
        forgetting.forgetIdle(weeksLater);
        assertThat(forgetting.techniciansHeld()).isZero();
        assertThat(forgetting.visitLog().all()).allSatisfy(v -> assertThat(v.exitedAt()).isAfterOrEqualTo(keepFrom))
                .containsExactlyInAnyOrderElementsOf(keeping.visitLog().all().stream()
                        .filter(v -> !v.exitedAt().isBefore(keepFrom)).toList());
        assertThat(forgetting.historiesHeld()).isEqualTo(withVisitsSince.size());
    }

    /**
     * {@code count} pings of up to five technicians from {@code startSeconds} after T0: each technician lingers at a
     * place or moves on, about every 15 s, sometimes a little out of order or with a poor fix, sometimes sent twice.
     */
    private static List<Sent> pings(Random r, int count, long startSeconds, String idPrefix) {
        long[] clock = new long[TECHNICIANS];
        int[] place = new int[TECHNICIANS];
        List<Sent> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int t = r.nextInt(TECHNICIANS);
            if (r.nextInt(5) == 0 && !out.isEmpty()) {
                Sent again = out.get(r.nextInt(out.size()));
                out.add(again);
                continue;
            }
            clock[t] += 5 + r.nextInt(40);
            if (r.nextInt(8) == 0) {
                place[t] = r.nextInt(PLACES.length);
            }
            long at = (startSeconds + clock[t] - (r.nextInt(10) == 0 ? r.nextInt(200) : 0)) * 1000L;
            out.add(new Sent(TechnicianId.of("T-" + t), idPrefix + i, T0.toEpochMilli() + at, PLACES[place[t]],
                    r.nextInt(12) == 0 ? 500 : 10));
        }
        return out;
    }

    private static PingOutcome send(HysteresisVisitTracker tracker, Sent p) {
        return tracker.accept(p.technician(), p.id(), p.atMillis(), p.where().lat(), p.where().lng(), p.accuracyM(),
                false);
    }

    private static HysteresisVisitTracker tracker() {
        FenceIndex index = FenceIndex.builder().build();
        index.add(Fence.of("S-1", FenceKind.SITE, new FenceShape.Circle(SITE, 100)));
        index.add(Fence.of("S-2", FenceKind.SITE, new FenceShape.Circle(SECOND_SITE, 60)));
        return (HysteresisVisitTracker) VisitTracker.builder(index).visitRetention(RETENTION)
                .clock(InstantSource.fixed(Instant.parse("2030-01-01T00:00:00Z"))).build();
    }

    private static List<String> withoutSignals(List<SiteVisit> visits) {
        return visits.stream().map(v -> v.technician() + " " + v.fence() + " " + v.enteredAt() + " " + v.exitedAt()
                + " " + v.confidence()).toList();
    }

    private static GeoPoint east(GeoPoint from, double metres) {
        return GeoPoint.of(from.lat(), from.lng() + metres / (111_195 * Math.cos(Math.toRadians(from.lat()))));
    }
}
