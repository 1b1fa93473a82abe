package io.github.geodispatch.geofence.internal;
import io.github.geodispatch.geofence.Fence;
import io.github.geodispatch.geofence.FenceIndex;
import io.github.geodispatch.geofence.FenceKind;
import io.github.geodispatch.geofence.PingOutcome;
import io.github.geodispatch.geofence.TechnicianFeed;
import io.github.geodispatch.geofence.VisitTracker;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.TechnicianId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fences a technician's pings are tested against (its remembered cells, copied inline or shared
 * when crowded, and its neighbourhood disc, all forgotten when fences change) agree with brute force: a technician making stops among
 * densely overlapping circles and polygons, added and removed between stops, with a trip to an empty area
 * after each, gets one visit per stop for exactly the fences containing the stop.
 */
class TrackerFenceViewProperties {
    private static final GeoPoint BASE = GeoPoint.of(12.97, 77.59);
    private static final GeoPoint EMPTY = offset(BASE, 5_000, 5_000);

    @Property(tries = 30)
    void eachStopIsOneVisitToExactlyTheFencesContainingIt(@ForAll long seed) {
        Random random = new Random(seed);
        FenceIndex index = FenceIndex.builder().build();
        List<Fence> live = new ArrayList<>();
        int fenceCount = 6 + random.nextInt(10);
        for (int i = 0; i < fenceCount; i++) {
            live.add(addRandomFence(index, "F" + i, random));
        }
        VisitTracker tracker = VisitTracker.builder(index)
                .clock(InstantSource.fixed(Instant.parse("2030-01-01T00:00:00Z")))
                .reorderWindow(Duration.ZERO).build();
        TechnicianFeed feed = tracker.feed(TechnicianId.of("T-1"));
        Map<String, Integer> expected = new TreeMap<>();
        long at = Instant.parse("2026-11-03T04:00:00Z").toEpochMilli();
        int pingId = 0;
        for (int stop = 0; stop < 14; stop++) {
            if (random.nextInt(3) == 0 && live.size() > 1) {
                Fence gone = live.remove(random.nextInt(live.size()));
                assertThat(index.remove(gone.id())).isTrue();
            }
            if (random.nextInt(3) == 0) {
                live.add(addRandomFence(index, "G" + stop, random));
            }
            List<GeoPoint> points = stopPoints(live, random);
            if (points == null) {
                continue; // no stop found clear of every boundary: go on with the next
            }
            for (Fence f : live) {
                if (FenceIndexBruteForceProperties.oracle(f, points.get(0)) == FenceIndexBruteForceProperties.Oracle.INSIDE) {
                    expected.merge(f.id().value(), 1, Integer::sum);
                }
            }
            for (GeoPoint p : points) { // 7 min at the stop, every 15 s
                assertThat(feed.accept("p" + pingId++, at, p.lat(), p.lng(), 5, false)).isEqualTo(PingOutcome.ACCEPTED);
                at += 15_000;
            }
            for (int k = 0; k < 4; k++) { // 2 min where there are no fences: every stay ends
                at += 30_000;
                feed.accept("p" + pingId++, at, EMPTY.lat(), EMPTY.lng(), 5, false);
            }
        }
        tracker.flush();
        Map<String, Integer> actual = new TreeMap<>();
        tracker.visitLog().all().forEach(v -> actual.merge(v.fence().value(), 1, Integer::sum));
        assertThat(actual).isEqualTo(expected);
    }

    /** Circles and (less often) polygons, holed polygons and multipolygons, crowded around the base point. */
    private static Fence addRandomFence(FenceIndex index, String id, Random random) {
        GeoPoint c = offset(BASE, (random.nextDouble() * 2 - 1) * 200, (random.nextDouble() * 2 - 1) * 200);
        int kind = random.nextInt(4) == 0 ? 1 + random.nextInt(4) : 0;
        Fence f = Fence.of(id, FenceKind.SITE,
                FenceIndexBruteForceProperties.shape(kind, c.lat(), c.lng(), 30 + random.nextDouble() * 250, random));
        index.add(f);
        return f;
    }

    /**
     * 29 pings jittering up to 10 m around a random point, all on the same side of every live fence's
     * boundary (and clear of it by the oracle's tolerance); null when no such stop is found.
     */
    private static List<GeoPoint> stopPoints(List<Fence> live, Random random) {
        for (int attempt = 0; attempt < 200; attempt++) {
            GeoPoint centre = offset(BASE, (random.nextDouble() * 2 - 1) * 350, (random.nextDouble() * 2 - 1) * 350);
            List<GeoPoint> points = new ArrayList<>();
            for (int k = 0; k < 29; k++) {
                points.add(offset(centre, (random.nextDouble() * 2 - 1) * 10, (random.nextDouble() * 2 - 1) * 10));
            }
            if (sameSideOfEveryBoundary(live, points)) {
                return points;
            }
        }
        return null;
    }

    private static boolean sameSideOfEveryBoundary(List<Fence> live, List<GeoPoint> points) {
        Map<Fence, FenceIndexBruteForceProperties.Oracle> side = new HashMap<>();
        for (GeoPoint p : points) {
            for (Fence f : live) {
                FenceIndexBruteForceProperties.Oracle o = FenceIndexBruteForceProperties.oracle(f, p);
                if (o == FenceIndexBruteForceProperties.Oracle.NEAR_BOUNDARY || side.getOrDefault(f, o) != o) {
                    return false;
                }
                side.put(f, o);
            }
        }
        return true;
    }

    private static GeoPoint offset(GeoPoint c, double eastM, double northM) {
        return GeoPoint.of(c.lat() + northM / 111_195.0, c.lng() + eastM / (111_195.0 * Math.cos(Math.toRadians(c.lat()))));
    }
}
