package io.github.geodispatch.geofence.internal;
import io.github.geodispatch.geofence.Fence;
import io.github.geodispatch.geofence.FenceIndex;
import io.github.geodispatch.geofence.FenceKind;
import io.github.geodispatch.geofence.FenceShape;
import io.github.geodispatch.spi.GeoPoint;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import static io.github.geodispatch.geofence.internal.FenceIndexBruteForceProperties.offset;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fences added and removed while technicians linger: every answer stays exactly brute force's, and a change
 * touches only the technicians it reaches: a disc far from every change since it was built is kept as it is
 * (not rebuilt), and one that a change reaches into is repaired in place (same centre) when the log holds the
 * change.
 */
class FenceChurnProperties {
    private static final GeoPoint BASE = GeoPoint.of(12.97, 77.59);

    @Property(tries = 30)
    void answersStayExactAndFarChangesLeaveDiscsAsTheyAre(@ForAll long seed) {
        Random random = new Random(seed);
        H3CoverFenceIndex index = (H3CoverFenceIndex) FenceIndex.builder().build();
        List<Fence> live = new ArrayList<>();
        int serial = 0;
        for (int i = 0; i < 40; i++) {
            live.add(add(index, "F" + serial++, offset(BASE, spread(random, 3_000), spread(random, 3_000)), random));
        }
        int technicians = 6;
        GeoPoint[] spots = new GeoPoint[technicians];
        CachingProbe[] probes = new CachingProbe[technicians];
        for (int t = 0; t < technicians; t++) {
            spots[t] = offset(BASE, spread(random, 3_000), spread(random, 3_000));
            probes[t] = new CachingProbe();
        }
        for (int i = 0; i < CachingProbe.DISC_FENCES + 4; i++) { // technician 0 works where a disc is crowded: cells answer
            live.add(add(index, "F" + serial++, offset(spots[0], spread(random, 60), spread(random, 60)), random));
        }
        int keptFar = 0;
        for (int round = 0; round < 40; round++) {
            // one change: near a technician (within 120 m), most often the one answered by cells, or anywhere in the area
            GeoPoint where = random.nextInt(3) == 0 ? offset(spots[random.nextBoolean() ? 0 : random.nextInt(technicians)], spread(random, 120), spread(random, 120))
                    : offset(BASE, spread(random, 3_000), spread(random, 3_000));
            double[] discXBefore = new double[technicians];
            long[] discVersionBefore = new long[technicians];
            for (int t = 0; t < technicians; t++) {
                discXBefore[t] = probes[t].discX;
                discVersionBefore[t] = probes[t].discVersion;
            }
            if (random.nextBoolean() && live.size() > 1) { // a fence near the change's place, or any
                Fence gone = random.nextBoolean() ? nearest(live, where) : live.get(random.nextInt(live.size()));
                live.remove(gone);
                assertThat(index.remove(gone.id())).isTrue();
            } else {
                live.add(add(index, "F" + serial++, where, random));
            }
            for (int t = 0; t < technicians; t++) {
                for (int k = 0; k < 6; k++) { // lingering: GPS jitter around the spot
                    GeoPoint q = offset(spots[t], random.nextGaussian() * 12, random.nextGaussian() * 12);
                    CachingProbe p = probes[t];
                    p.set(q.lat(), q.lng());
                    index.locate(p);
                    if (k == 0 && discVersionBefore[t] != CachingProbe.NO_VERSION && p.inDisc()) {
                        if (farFromEveryChange(spots[t], where)) {
                            assertThat(p.discX).as("round %d: a disc 1 km from the change is kept", round).isEqualTo(discXBefore[t]);
                            keptFar++;
                        }
                    }
                    assertExact(p, live, q);
                }
            }
        }
        assertThat(keptFar).as("discs seen kept across far changes").isPositive();
    }

    private static Fence nearest(List<Fence> live, GeoPoint p) {
        Fence best = live.get(0);
        for (Fence f : live) {
            if (centre(f).distanceMetres(p) < centre(best).distanceMetres(p)) {
                best = f;
            }
        }
        return best;
    }

    private static GeoPoint centre(Fence f) {
        if (f.shape() instanceof FenceShape.Circle c) {
            return c.centre();
        }
        var e = FenceShapes.toGeometry(f.shape()).getEnvelopeInternal();
        return GeoPoint.of((e.getMinY() + e.getMaxY()) / 2, (e.getMinX() + e.getMaxX()) / 2);
    }

    private static boolean farFromEveryChange(GeoPoint spot, GeoPoint change) {
        return spot.distanceMetres(change) > 1_000;
    }

    private static void assertExact(CachingProbe p, List<Fence> live, GeoPoint q) {
        Set<String> expected = FenceIndexBruteForceProperties.expectedIds(live, q);
        if (expected != null) {
            assertThat(FenceIndexBruteForceProperties.probeIds(p)).as("at %s (disc: %s)", q, p.inDisc()).isEqualTo(expected);
        }
    }

    /** A circle or another shape, 20-150 m across, at {@code c}. */
    private static Fence add(FenceIndex index, String id, GeoPoint c, Random random) {
        int kind = random.nextInt(3) == 0 ? 1 + random.nextInt(4) : 0;
        Fence f = Fence.of(id, FenceKind.SITE, FenceIndexBruteForceProperties.shape(kind, c.lat(), c.lng(), 20 + random.nextDouble() * 130, random));
        index.add(f);
        return f;
    }

    private static double spread(Random random, double metres) {
        return (random.nextDouble() * 2 - 1) * metres;
    }
}
