package io.github.geodispatch.geofence.internal;
import io.github.geodispatch.geofence.Fence;
import io.github.geodispatch.geofence.FenceIndex;
import io.github.geodispatch.geofence.FenceKind;
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
 * A lingering technician's neighbourhood disc gives exactly the fences brute force finds at every point
 * inside it (circles, convex, concave and holed polygons and multipolygons reaching into it or covering it),
 * is given up as soon as fences change, and is built again after the change.
 */
class NeighbourhoodDiscProperties {
    private static final GeoPoint BASE = GeoPoint.of(12.97, 77.59);

    @Property(tries = 60)
    void pointsAnsweredByTheDiscGetExactlyTheFencesContainingThem(@ForAll long seed) {
        Random random = new Random(seed);
        H3CoverFenceIndex index = (H3CoverFenceIndex) FenceIndex.builder().build();
        List<Fence> live = new ArrayList<>();
        int fences = 1 + random.nextInt(CachingProbe.DISC_FENCES - 1); // few enough for a disc to hold them all
        for (int i = 0; i < fences; i++) {
            live.add(addRandomFence(index, "F" + i, random));
        }
        CachingProbe probe = new CachingProbe();
        for (int round = 0; round < 3; round++) {
            if (round > 0) { // fences change: the disc built before must not answer again
                if (random.nextBoolean() && live.size() > 1) {
                    assertThat(index.remove(live.remove(random.nextInt(live.size())).id())).isTrue();
                } else if (live.size() < CachingProbe.DISC_FENCES) {
                    live.add(addRandomFence(index, "G" + round, random));
                }
            }
            GeoPoint centre = offset(BASE, (random.nextDouble() * 2 - 1) * 40, (random.nextDouble() * 2 - 1) * 40);
            locate(index, probe, centre);
            locate(index, probe, centre); // the second ping in a remembered cell builds the disc (or waits)
            if (round == 0) {
                assertThat(probe.inDisc()).as("a new technician's disc after lingering").isTrue();
            }
            int answeredByDisc = 0;
            for (int k = 0; k < 300; k++) { // GPS jitter at the stop, now and then a point anywhere around it
                boolean far = random.nextInt(7) == 0;
                GeoPoint q = far ? offset(centre, (random.nextDouble() * 2 - 1) * 90, (random.nextDouble() * 2 - 1) * 90)
                        : offset(centre, random.nextGaussian() * 15, random.nextGaussian() * 15);
                locate(index, probe, q);
                answeredByDisc += probe.inDisc() ? 1 : 0;
                Set<String> expected = FenceIndexBruteForceProperties.expectedIds(live, q);
                if (expected != null) {
                    assertThat(FenceIndexBruteForceProperties.probeIds(probe)).as("round %d, point %d at %s (disc: %s)", round, k, q,
                            probe.inDisc()).isEqualTo(expected);
                }
            }
            assertThat(answeredByDisc).as("round %d: points the disc answered (rebuilt after a change)", round).isPositive();
        }
    }

    private static void locate(H3CoverFenceIndex index, CachingProbe probe, GeoPoint p) {
        probe.set(p.lat(), p.lng());
        index.locate(probe);
    }

    /** A circle or (half the time) a polygon of another kind, 20-200 m across, near the base point. */
    private static Fence addRandomFence(FenceIndex index, String id, Random random) {
        GeoPoint c = offset(BASE, (random.nextDouble() * 2 - 1) * 150, (random.nextDouble() * 2 - 1) * 150);
        int kind = random.nextBoolean() ? 0 : 1 + random.nextInt(4);
        Fence f = Fence.of(id, FenceKind.SITE,
                FenceIndexBruteForceProperties.shape(kind, c.lat(), c.lng(), 20 + random.nextDouble() * 180, random));
        index.add(f);
        return f;
    }
}
