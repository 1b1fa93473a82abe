package io.github.geodispatch.geofence;

import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.TechnicianId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.github.geodispatch.geofence.TrackerFixture.FAR;
import static io.github.geodispatch.geofence.TrackerFixture.SITE;
import static io.github.geodispatch.geofence.TrackerFixture.T0;
import static io.github.geodispatch.geofence.TrackerFixture.TECH;
import static io.github.geodispatch.geofence.TrackerFixture.east;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VisitTrackerTest {

    private static List<Ping> concat(List<List<Ping>> parts) {
        List<Ping> out = new ArrayList<>();
        parts.forEach(out::addAll);
        return out;
    }

    @Test
    void aTenMinuteStayIsOneVisitFromFirstToLastInsideEvidence() {
        TrackerFixture f = new TrackerFixture();
        List<SiteVisit> visits = f.run(concat(List.of(f.every15s(0, 300, FAR), f.every15s(300, 900, east(20)),
                f.every15s(900, 1200, FAR))));
        assertThat(visits).singleElement().satisfies(v -> {
            assertThat(v.fence()).isEqualTo(FenceId.of("S-1"));
            assertThat(v.kind()).isEqualTo(FenceKind.SITE);
            assertThat(v.enteredAt()).isEqualTo(T0.plusSeconds(300));
            assertThat(v.exitedAt()).isEqualTo(T0.plusSeconds(885));
            assertThat(v.dwell()).isEqualTo(Duration.ofSeconds(585));
            assertThat(v.confidence()).isEqualTo(1.0);
        });
        assertThat(f.events).filteredOn(GeofenceEvent.VisitStarted.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((GeofenceEvent.VisitStarted) e).enteredAt()).isEqualTo(T0.plusSeconds(300)));
        assertThat(f.events).filteredOn(GeofenceEvent.VisitEnded.class::isInstance).hasSize(1);
    }

    @Test
    void aStopShorterThanTheDwellThresholdIsNotAVisit() {
        TrackerFixture f = new TrackerFixture();
        assertThat(f.run(concat(List.of(f.every15s(0, 300, FAR), f.every15s(300, 540, SITE), f.every15s(540, 900, FAR)))))
                .isEmpty();
    }

    @Test
    void aDriveThroughIsNotAVisit() {
        TrackerFixture f = new TrackerFixture();
        List<Ping> pings = new ArrayList<>();
        for (int i = 0; i < 40; i++) { // 36 km/h across the fence, one ping every 15 s = 150 m apart
            pings.add(f.ping(i * 15L, east(-3000 + i * 150)));
        }
        assertThat(f.run(pings)).isEmpty();
    }

    @Test
    void oneOutlyingPingNeitherEndsNorStartsAVisit() {
        TrackerFixture f = new TrackerFixture();
        List<Ping> pings = new ArrayList<>(f.every15s(0, 300, FAR));
        pings.add(f.ping(300, SITE)); // lone outlier inside while far away: no visit from it
        pings.addAll(f.every15s(315, 600, FAR));
        pings.addAll(f.every15s(600, 1200, SITE));
        pings.add(f.ping(1200, FAR)); // lone outlier outside during the stay: no split
        pings.addAll(f.every15s(1215, 1800, SITE));
        pings.addAll(f.every15s(1800, 2100, FAR));
        List<SiteVisit> visits = f.run(pings);
        assertThat(visits).singleElement().satisfies(v -> {
            assertThat(v.enteredAt()).isEqualTo(T0.plusSeconds(600));
            assertThat(v.exitedAt()).isEqualTo(T0.plusSeconds(1785));
            assertThat(v.confidence()).isLessThan(1.0).isGreaterThan(0.95);
        });
    }

    @Test
    void duplicatesChangeNothingAndAreReportedAsDuplicates() {
        TrackerFixture f = new TrackerFixture();
        Ping p = f.ping(0, SITE);
        assertThat(f.tracker.accept(p)).isEqualTo(PingOutcome.ACCEPTED);
        assertThat(f.tracker.accept(p)).isEqualTo(PingOutcome.DUPLICATE);
        assertThat(f.tracker.accept(new Ping(p.pingId(), TECH, p.at().plusSeconds(5), FAR, 5))).isEqualTo(PingOutcome.DUPLICATE);
    }

    @Test
    void inaccurateFutureAndTooLatePingsAreRejectedWithAReason() {
        TrackerFixture f = new TrackerFixture();
        assertThat(f.tracker.accept(new Ping("a", TECH, T0, SITE, 100.5))).isEqualTo(PingOutcome.REJECTED_ACCURACY);
        assertThat(f.tracker.accept(new Ping("b", TECH, Instant.parse("2031-01-01T00:00:00Z"), SITE, 5)))
                .isEqualTo(PingOutcome.REJECTED_CLOCK_SKEW);
        assertThat(f.tracker.accept(new Ping("c", TECH, T0.plusSeconds(600), SITE, 5))).isEqualTo(PingOutcome.ACCEPTED);
        // 10 min later than the newest ping: the reorder window (2 min) has already released older pings
        assertThat(f.tracker.accept(new Ping("d", TECH, T0.plusSeconds(1200), SITE, 5))).isEqualTo(PingOutcome.ACCEPTED);
        assertThat(f.tracker.accept(new Ping("e", TECH, T0.plusSeconds(300), SITE, 5))).isEqualTo(PingOutcome.REJECTED_TOO_LATE);
        assertThat(f.events).filteredOn(GeofenceEvent.PingRejected.class::isInstance)
                .extracting(e -> ((GeofenceEvent.PingRejected) e).outcome())
                .containsExactly(PingOutcome.REJECTED_ACCURACY, PingOutcome.REJECTED_CLOCK_SKEW, PingOutcome.REJECTED_TOO_LATE);
        assertThat(PingOutcome.REJECTED_ACCURACY.reason()).contains("accuracy");
    }

    @Test
    void latePingsWithinTheReorderWindowAreReplayedInTimeOrder() {
        TrackerFixture f = new TrackerFixture();
        List<Ping> pings = concat(List.of(f.every15s(0, 300, FAR), f.every15s(300, 900, SITE), f.every15s(900, 1200, FAR)));
        Ping firstInside = pings.get(20);
        pings.remove(20);
        pings.add(26, firstInside); // arrives 90 s late
        assertThat(f.run(pings)).singleElement()
                .satisfies(v -> assertThat(v.enteredAt()).isEqualTo(T0.plusSeconds(300)));
    }

    @Test
    void spoofSignalsAreRaised() {
        TrackerFixture f = new TrackerFixture();
        f.tracker.accept(f.ping(0, SITE));
        f.tracker.accept(f.ping(10, GeoPoint.of(13.5, 78.0))); // ~70 km in 10 s
        for (int i = 0; i < 5; i++) {
            f.tracker.accept(f.ping(200 + i * 15L, GeoPoint.of(13.0, 77.7)));
        }
        f.tracker.accept(new Ping("mock", TECH, T0.plusSeconds(400), SITE, 5, true));
        f.tracker.flush();
        assertThat(f.events).filteredOn(GeofenceEvent.SpoofSuspected.class::isInstance)
                .extracting(e -> ((GeofenceEvent.SpoofSuspected) e).signal())
                .contains(SpoofSignal.IMPOSSIBLE_SPEED, SpoofSignal.REPEATED_COORDINATES, SpoofSignal.MOCK_LOCATION);
    }

    @Test
    void visitLogAnswersPerTechnicianFenceAndWindow() {
        TrackerFixture f = new TrackerFixture();
        f.run(concat(List.of(f.every15s(0, 300, FAR), f.every15s(300, 900, SITE), f.every15s(900, 1200, FAR))));
        VisitLog log = f.tracker.visitLog();
        assertThat(log.visits(TECH, FenceId.of("S-1"), T0, T0.plusSeconds(400))).hasSize(1);
        assertThat(log.visits(TECH, FenceId.of("S-1"), T0.plusSeconds(1000), T0.plusSeconds(2000))).isEmpty();
        assertThat(log.visits(TECH, FenceId.of("S-2"), T0, T0.plusSeconds(2000))).isEmpty();
        assertThat(log.visits(io.github.geodispatch.spi.TechnicianId.of("T-9"), T0, T0.plusSeconds(2000))).isEmpty();
        assertThatThrownBy(() -> log.visits(TECH, T0.plusSeconds(10), T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theVisitLogForgetsATechniciansVisitsOlderThanTheRetentionBeforeTheirNewest() {
        TrackerFixture f = new TrackerFixture(); // default retention: 35 days
        long day = 86_400;
        List<Ping> pings = new ArrayList<>();
        for (long start : new long[] {0, 10 * day, 40 * day}) { // a 10-minute visit on days 0, 10 and 40
            pings.addAll(f.every15s(start, start + 600, SITE));
            pings.addAll(f.every15s(start + 600, start + 900, FAR));
        }
        List<SiteVisit> kept = f.run(pings);
        assertThat(kept).extracting(SiteVisit::enteredAt).containsExactly(T0.plusSeconds(10 * day), T0.plusSeconds(40 * day));
        assertThat(f.tracker.visitLog().visits(TECH, T0, T0.plusSeconds(day))).isEmpty();
        assertThat(f.events).filteredOn(GeofenceEvent.VisitEnded.class::isInstance).hasSize(3); // listeners hear of all

        VisitTracker shortMemory = VisitTracker.builder(f.index).clock(TrackerFixture.CLOCK)
                .visitRetention(Duration.ofDays(5)).build();
        pings.forEach(shortMemory::accept);
        shortMemory.flush();
        assertThat(shortMemory.visitLog().all()).extracting(SiteVisit::enteredAt).containsExactly(T0.plusSeconds(40 * day));
        // another technician's history is their own
        shortMemory.accept(TechnicianId.of("T-2"), "other", T0.plusSeconds(40 * day).toEpochMilli(), SITE.lat(), SITE.lng(), 10, false);
        assertThat(shortMemory.visitLog().visits(TECH, T0, T0.plusSeconds(41 * day))).hasSize(1);
    }

    @Test
    void builderRejectsBadAndRepeatedSettings() {
        VisitTracker.Builder b = VisitTracker.builder(FenceIndex.builder().build());
        assertThatThrownBy(() -> b.maxAccuracyMetres(-1)).hasMessageContaining("max accuracy");
        b.dwellThreshold(Duration.ofMinutes(5));
        assertThatThrownBy(() -> b.dwellThreshold(Duration.ofMinutes(6))).hasMessageContaining("already set");
        assertThatThrownBy(() -> b.exitPings(0)).hasMessageContaining("exit pings");
        assertThatThrownBy(() -> b.maxClockSkew(Duration.ZERO)).hasMessageContaining("positive");
        assertThatThrownBy(() -> b.visitRetention(Duration.ofDays(-1))).hasMessageContaining("visit retention must be positive");
        b.visitRetention(Duration.ofDays(90));
        assertThatThrownBy(() -> b.visitRetention(Duration.ofDays(30))).hasMessageContaining("already set");
    }

    @Test
    void badRawPingsAreRejectedWithATypedError() {
        TrackerFixture f = new TrackerFixture();
        assertThatThrownBy(() -> f.tracker.accept(TECH, "x", 0, Double.NaN, 77, 5, false)).hasMessageContaining("position");
        assertThatThrownBy(() -> f.tracker.accept(TECH, "x", 0, 12, 77, -1, false)).hasMessageContaining("accuracy");
        assertThatThrownBy(() -> new Ping(" ", TECH, T0, SITE, 5)).hasMessageContaining("ping id");
    }

    @Test
    void fencesCanBeAddedAndRemovedWhilePingsFlow() {
        TrackerFixture f = new TrackerFixture(Duration.ZERO); // no reorder hold: each ping is evidence at once
        List<Ping> pings = f.every15s(0, 600, east(500));
        for (int i = 0; i < 10; i++) {
            f.tracker.accept(pings.get(i));
        }
        f.index.add(Fence.of("S-2", FenceKind.SITE, new FenceShape.Circle(east(500), 50)));
        for (int i = 10; i < pings.size(); i++) {
            f.tracker.accept(pings.get(i));
        }
        f.index.remove(FenceId.of("S-2"));
        f.tracker.accept(f.ping(600, east(500)));
        f.tracker.accept(f.ping(615, east(500)));
        f.tracker.accept(f.ping(630, east(500)));
        f.tracker.accept(f.ping(900, east(500)));
        f.tracker.flush();
        assertThat(f.tracker.visitLog().all()).singleElement().satisfies(v -> {
            assertThat(v.fence()).isEqualTo(FenceId.of("S-2"));
            assertThat(v.enteredAt()).isEqualTo(T0.plusSeconds(150));
            assertThat(v.exitedAt()).isEqualTo(T0.plusSeconds(585));
        });
    }

    @Test
    void aTechniciansFeedIsOneHandleWithTheSameRulesAsAccept() {
        TrackerFixture f = new TrackerFixture();
        TechnicianFeed feed = f.tracker.feed(TECH);
        assertThat(f.tracker.feed(TECH)).isSameAs(feed);
        assertThat(feed.technician()).isEqualTo(TECH);
        for (Ping p : f.every15s(0, 600, east(20))) {
            assertThat(feed.accept(p.pingId(), p.at().toEpochMilli(), p.point().lat(), p.point().lng(), 10, false))
                    .isEqualTo(PingOutcome.ACCEPTED);
        }
        Instant last = T0.plusSeconds(585); // ping p39
        assertThat(f.tracker.accept(new Ping("p39", TECH, last, east(20), 10))).isEqualTo(PingOutcome.DUPLICATE);
        assertThat(feed.accept("p39", last.toEpochMilli(), SITE.lat(), SITE.lng(), 10, false)).isEqualTo(PingOutcome.DUPLICATE);
        assertThat(feed.accept("p0", T0.toEpochMilli(), SITE.lat(), SITE.lng(), 10, false))
                .as("a replay older than the reorder window").isEqualTo(PingOutcome.REJECTED_TOO_LATE);
        assertThat(feed.accept("bad", last.toEpochMilli() + 15_000, SITE.lat(), SITE.lng(), 500, false))
                .isEqualTo(PingOutcome.REJECTED_ACCURACY);
        assertThatThrownBy(() -> feed.accept(null, 0, 12, 77, 5, false)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> feed.accept("x", 0, 91, 77, 5, false)).hasMessageContaining("position");
        assertThatThrownBy(() -> f.tracker.feed(null)).isInstanceOf(NullPointerException.class);
        f.tracker.flush();
        assertThat(f.tracker.visitLog().all()).singleElement()
                .satisfies(v -> assertThat(v.dwell()).isEqualTo(Duration.ofSeconds(585)));
    }

    @Test
    void theClockSkewCheckFollowsAMovingClock() {
        long[] now = {T0.toEpochMilli()};
        java.time.InstantSource clock = () -> Instant.ofEpochMilli(now[0]);
        VisitTracker tracker = VisitTracker.builder(FenceIndex.builder().build()).clock(clock).build();
        TechnicianFeed feed = tracker.feed(TECH);
        assertThat(feed.accept("a", now[0], 12.97, 77.59, 5, false)).isEqualTo(PingOutcome.ACCEPTED);
        long ahead = now[0] + 180_000; // 3 min ahead of the clock; the default skew allows 2
        assertThat(feed.accept("b", ahead, 12.97, 77.59, 5, false)).isEqualTo(PingOutcome.REJECTED_CLOCK_SKEW);
        now[0] += 120_000;
        assertThat(feed.accept("c", ahead, 12.97, 77.59, 5, false)).isEqualTo(PingOutcome.ACCEPTED);
        assertThat(feed.accept("d", now[0] + 121_000, 12.97, 77.59, 5, false)).isEqualTo(PingOutcome.REJECTED_CLOCK_SKEW);
    }

    @Test
    void aTechnicianIdleSinceTheCutIsLetGoWithTheirOpenStayEndedAsAtAFlush() {
        TrackerFixture f = new TrackerFixture();
        TechnicianId busy = TechnicianId.of("T-2");
        f.every15s(0, 600, east(20)).forEach(f.tracker::accept); // T-1 stays ten minutes, then its phone goes quiet
        for (long s = 0; s < 3600; s += 15) {
            f.tracker.accept(new Ping("busy-" + s, busy, T0.plusSeconds(s), SITE, 10));
        }

        assertThat(f.tracker.forgetIdle(T0.plusSeconds(1800))).isEqualTo(1);
        assertThat(f.tracker.visitLog().all()).singleElement().satisfies(v -> {
            assertThat(v.technician()).isEqualTo(TECH);
            assertThat(v.enteredAt()).isEqualTo(T0);
            assertThat(v.exitedAt()).isEqualTo(T0.plusSeconds(585));
        });
        assertThat(f.tracker.forgetIdle(T0.plusSeconds(1800))).isZero();
        // the busy technician's stay is still open, and their newest ping is still remembered
        assertThat(f.tracker.accept(new Ping("busy-3585", busy, T0.plusSeconds(3585), SITE, 10)))
                .isEqualTo(PingOutcome.DUPLICATE);
        f.tracker.flush();
        assertThat(f.tracker.visitLog().all()).extracting(SiteVisit::technician).containsExactly(TECH, busy);
    }

    @Test
    void aTechnicianWithAPingAtTheCutIsKept() {
        TrackerFixture f = new TrackerFixture();
        f.tracker.accept(f.ping(60, FAR));
        assertThat(f.tracker.forgetIdle(T0.plusSeconds(60))).isZero();
        assertThat(f.tracker.forgetIdle(T0.plusSeconds(60).plusMillis(1))).isEqualTo(1);
    }

    @Test
    void aFeedKeptAcrossForgettingHandsItsPingsToTheTechniciansNewFeed() {
        TrackerFixture f = new TrackerFixture();
        TechnicianFeed kept = f.tracker.feed(TECH);
        kept.accept("first", T0.toEpochMilli(), FAR.lat(), FAR.lng(), 10, false);
        assertThat(f.tracker.forgetIdle(T0.plusSeconds(3600))).isEqualTo(1);
        assertThat(f.tracker.feed(TECH)).isNotSameAs(kept);

        // the old handle and the tracker take turns: one technician, one stay
        List<Ping> stay = f.every15s(7200, 7800, east(20));
        for (int i = 0; i < stay.size(); i++) {
            Ping p = stay.get(i);
            if (i % 2 == 0) {
                kept.accept(p.pingId(), p.at().toEpochMilli(), p.point().lat(), p.point().lng(), 10, false);
            } else {
                f.tracker.accept(p);
            }
        }
        f.tracker.flush();
        assertThat(f.tracker.visitLog().all()).singleElement().satisfies(v -> {
            assertThat(v.enteredAt()).isEqualTo(T0.plusSeconds(7200));
            assertThat(v.exitedAt()).isEqualTo(T0.plusSeconds(7785));
            assertThat(v.confidence()).isEqualTo(1.0);
        });
    }

    @Test
    void aTechnicianLetGoStartsAfreshAsDocumented() {
        TrackerFixture f = new TrackerFixture();
        Ping last = f.ping(1000, FAR);
        f.tracker.accept(last);
        f.tracker.accept(f.ping(1200, FAR)); // replays the first from the reorder buffer
        Ping older = f.ping(500, FAR);
        assertThat(f.tracker.accept(older)).isEqualTo(PingOutcome.REJECTED_TOO_LATE);
        assertThat(f.tracker.accept(last)).isEqualTo(PingOutcome.DUPLICATE);

        f.tracker.forgetIdle(T0.plusSeconds(2000));
        assertThat(f.tracker.accept(last)).isEqualTo(PingOutcome.ACCEPTED);
        assertThat(f.tracker.accept(older)).isEqualTo(PingOutcome.ACCEPTED);
        assertThatThrownBy(() -> f.tracker.forgetIdle(null)).isInstanceOf(NullPointerException.class);
        assertThat(f.tracker.forgetIdle(Instant.MAX)).isEqualTo(1);
        assertThat(f.tracker.forgetIdle(Instant.MIN)).isZero();
    }
}
