package io.github.geodispatch.geofence;

import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.TechnicianId;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/** A site fence, a technician and helpers to script pings. */
final class TrackerFixture {
    static final GeoPoint SITE = GeoPoint.of(12.9716, 77.5946);
    static final GeoPoint FAR = GeoPoint.of(12.9816, 77.6046); // ~1.5 km away
    static final TechnicianId TECH = TechnicianId.of("T-1");
    static final Instant T0 = Instant.parse("2026-11-03T04:00:00Z");
    static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2030-01-01T00:00:00Z"));

    final FenceIndex index = FenceIndex.builder().build();
    final List<GeofenceEvent> events = new ArrayList<>();
    final VisitTracker tracker;
    private int next;

    TrackerFixture() {
        this(java.time.Duration.ofMinutes(2));
    }

    TrackerFixture(java.time.Duration reorderWindow) {
        index.add(Fence.of("S-1", FenceKind.SITE, new FenceShape.Circle(SITE, 100)));
        tracker = VisitTracker.builder(index).clock(CLOCK).reorderWindow(reorderWindow).listener(events::add).build();
    }

    /** A point {@code metres} east of the site centre. */
    static GeoPoint east(double metres) {
        return GeoPoint.of(SITE.lat(), SITE.lng() + metres / (111_195 * Math.cos(Math.toRadians(SITE.lat()))));
    }

    Ping ping(long secondsFromStart, GeoPoint where) {
        return new Ping("p" + (next++), TECH, T0.plusSeconds(secondsFromStart), where, 10);
    }

    /** Pings every 15 s from {@code fromS} (inclusive) to {@code toS} (exclusive) at {@code where}. */
    List<Ping> every15s(long fromS, long toS, GeoPoint where) {
        List<Ping> out = new ArrayList<>();
        for (long s = fromS; s < toS; s += 15) {
            out.add(ping(s, where));
        }
        return out;
    }

    List<SiteVisit> run(List<Ping> pings) {
        pings.forEach(tracker::accept);
        tracker.flush();
        return tracker.visitLog().all();
    }
}
