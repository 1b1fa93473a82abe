package io.github.geodispatch.geofence.internal;

import io.github.geodispatch.geofence.Fence;
import io.github.geodispatch.geofence.FenceIndex;
import io.github.geodispatch.geofence.FenceKind;
import io.github.geodispatch.geofence.FenceShape;
import io.github.geodispatch.geofence.SiteVisit;
import io.github.geodispatch.geofence.VisitTracker;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.TechnicianId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A technician among up to 120 overlapping fences (a campus, where every job's site fence overlaps the others), with
 * fences added and removed as jobs come and go, so that dozens of stays are open at once and open and close in any
 * order: the visits are exactly those of one tracker per fence, each knowing only its own fence. Stays at different
 * fences do not interact, so that is an oracle for however the tracker finds a ping's stays among many.
 */
class ManyOpenStaysProperties {
    private static final GeoPoint CAMPUS = GeoPoint.of(12.9716, 77.5946);
    private static final TechnicianId TECH = TechnicianId.of("T-1");
    private static final long T0 = Instant.parse("2026-11-03T04:00:00Z").toEpochMilli();

    private record Change(int atPing, Fence fence, boolean add) {}

    @Property(tries = 60)
    void visitsAreThoseOfOneTrackerPerFence(@ForAll long seed, @ForAll @IntRange(min = 1, max = 120) int fenceCount) {
        Random r = new Random(seed);
        int pingCount = 600;
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < fenceCount; i++) {
            Fence fence = Fence.of("F-" + i, FenceKind.SITE,
                    new FenceShape.Circle(near(CAMPUS, 60, r), 30 + r.nextInt(130)));
            int from = r.nextInt(3) == 0 ? r.nextInt(pingCount) : 0;
            changes.add(new Change(from, fence, true));
            if (r.nextInt(4) == 0) {
                changes.add(new Change(from + 1 + r.nextInt(pingCount), fence, false));
            }
        }
        changes.sort(Comparator.comparingInt(Change::atPing));
        // lingering at a spot on the campus for a while, then the next spot, now and then off the campus
        List<GeoPoint> pings = new ArrayList<>();
        GeoPoint spot = CAMPUS;
        for (int i = 0; i < pingCount; i++) {
            if (r.nextInt(25) == 0) {
                spot = r.nextInt(4) == 0 ? near(CAMPUS, 3_000, r) : near(CAMPUS, 150, r);
            }
            pings.add(near(spot, 15, r));
        }

        List<SiteVisit> all = run(pings, changes, null);
        List<SiteVisit> oneByOne = new ArrayList<>();
        for (int i = 0; i < fenceCount; i++) {
            oneByOne.addAll(run(pings, changes, "F-" + i));
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(oneByOne);
    }

    /** The visits of a tracker that sees the changes of the fence {@code only} (all fences when null). */
    private static List<SiteVisit> run(List<GeoPoint> pings, List<Change> changes, String only) {
        FenceIndex index = FenceIndex.builder().build();
        VisitTracker tracker = VisitTracker.builder(index)
                .clock(InstantSource.fixed(Instant.parse("2030-01-01T00:00:00Z"))).build();
        int next = 0;
        for (int i = 0; i < pings.size(); i++) {
            for (; next < changes.size() && changes.get(next).atPing() <= i; next++) {
                Change c = changes.get(next);
                if (only == null || c.fence().id().value().equals(only)) {
                    if (c.add()) {
                        index.add(c.fence());
                    } else {
                        index.remove(c.fence().id());
                    }
                }
            }
            GeoPoint p = pings.get(i);
            tracker.accept(TECH, "p" + i, T0 + i * 15_000L, p.lat(), p.lng(), 10, false);
        }
        tracker.flush();
        return tracker.visitLog().all();
    }

    private static GeoPoint near(GeoPoint centre, double metres, Random r) {
        double north = (r.nextDouble() * 2 - 1) * metres;
        double east = (r.nextDouble() * 2 - 1) * metres;
        return GeoPoint.of(centre.lat() + north / 111_195,
                centre.lng() + east / (111_195 * Math.cos(Math.toRadians(centre.lat()))));
    }
}
