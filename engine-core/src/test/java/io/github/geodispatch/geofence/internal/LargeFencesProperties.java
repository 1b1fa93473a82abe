package io.github.geodispatch.geofence.internal;
import io.github.geodispatch.geofence.Fence;
import io.github.geodispatch.geofence.FenceId;
import io.github.geodispatch.geofence.FenceIndex;
import io.github.geodispatch.geofence.FenceKind;
import io.github.geodispatch.geofence.FenceShape;
import io.github.geodispatch.spi.GeoPoint;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fences too large for cell covers (circles up to 50 km, polygons up to 1°×1° and beyond) answer like brute
 * force on every path, anywhere on the globe (across the antimeridian and near the poles too), for a
 * technician moving in steps from metres to tens of kilometres (so reused answers are checked where they
 * should and should not hold), while large and small fences are added and removed.
 */
class LargeFencesProperties {

    @Property(tries = 40)
    void aMovingTechnicianGetsExactlyTheFencesBruteForceFinds(
            @ForAll @DoubleRange(min = -84, max = 84) double lat, @ForAll @DoubleRange(min = -180, max = 180) double lng,
            @ForAll long seed) {
        Random random = new Random(seed);
        GeoPoint base = GeoPoint.of(lat, lng);
        H3CoverFenceIndex index = (H3CoverFenceIndex) FenceIndex.builder().build();
        List<Fence> live = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
            live.add(addLarge(index, "L" + i, base, random));
        }
        live.add(addSmall(index, "S0", base, random));
        CachingProbe probe = new CachingProbe();
        GeoPoint at = base;
        for (int step = 0; step < 300; step++) {
            if (step % 60 == 59) { // the layer changes: answers computed before must not be reused
                if (random.nextBoolean() && live.size() > 1) {
                    assertThat(index.remove(live.remove(random.nextInt(live.size())).id())).isTrue();
                } else {
                    live.add(random.nextBoolean() ? addLarge(index, "L" + step, at, random) : addSmall(index, "S" + step, at, random));
                }
            }
            double metres = Math.exp(random.nextDouble() * Math.log(40_000)); // 1 m to 40 km
            at = CirclePrecisionProperties.destination(at, metres, random.nextDouble() * 2 * Math.PI);
            if (Math.abs(at.lat()) > 88) {
                at = base;
            }
            Set<String> expected = FenceIndexBruteForceProperties.expectedIds(live, at);
            probe.set(at.lat(), at.lng());
            index.locate(probe);
            if (expected == null) {
                continue;
            }
            assertThat(FenceIndexBruteForceProperties.probeIds(probe)).as("step %d at %s", step, at).isEqualTo(expected);
            Set<String> queried = index.fencesAt(at).stream().map(f -> f.id().value()).collect(Collectors.toCollection(TreeSet::new));
            assertThat(queried).as("fencesAt, step %d at %s", step, at).isEqualTo(expected);
        }
    }

    @Test
    void largeFencesHaveNoCellsAndAnswerAcrossTheAntimeridianAndAtThePole() {
        H3CoverFenceIndex index = (H3CoverFenceIndex) FenceIndex.builder().build();
        index.add(Fence.of("FIJI", FenceKind.SERVICE_AREA, new FenceShape.Circle(GeoPoint.of(-17, 180), 50_000)));
        index.add(Fence.of("POLE", FenceKind.SERVICE_AREA, new FenceShape.Circle(GeoPoint.of(89.9, 10), 40_000)));
        index.add(Fence.of("SQUARE", FenceKind.SERVICE_AREA, new FenceShape.Polygon(List.of(GeoPoint.of(12.5, 77.0),
                GeoPoint.of(12.5, 78.0), GeoPoint.of(13.5, 78.0), GeoPoint.of(13.5, 77.0), GeoPoint.of(12.5, 77.0)))));
        assertThat(index.cover(FenceId.of("FIJI")).orElseThrow().interiorCells()).isEmpty();
        assertThat(ids(index, GeoPoint.of(-17.2, -179.8))).containsExactly("FIJI");
        assertThat(ids(index, GeoPoint.of(-16.8, 179.7))).containsExactly("FIJI");
        assertThat(ids(index, GeoPoint.of(-17, 179.4))).isEmpty();
        assertThat(ids(index, GeoPoint.of(90, -120))).containsExactly("POLE");
        assertThat(ids(index, GeoPoint.of(89.8, 170))).containsExactly("POLE");
        assertThat(ids(index, GeoPoint.of(12.97, 77.59))).containsExactly("SQUARE");
        assertThat(ids(index, GeoPoint.of(13.6, 77.59))).isEmpty();
        assertThat(index.remove(FenceId.of("SQUARE"))).isTrue();
        assertThat(ids(index, GeoPoint.of(12.97, 77.59))).isEmpty();
    }

    private static List<String> ids(FenceIndex index, GeoPoint p) {
        return index.fencesAt(p).stream().map(f -> f.id().value()).toList();
    }

    /** A circle of 2-50 km, or a polygon (convex, star, holed or multi) 0.05-1.2° across, near {@code around}. */
    private static Fence addLarge(FenceIndex index, String id, GeoPoint around, Random random) {
        GeoPoint c = CirclePrecisionProperties.destination(around, random.nextDouble() * 60_000, random.nextDouble() * 2 * Math.PI);
        FenceShape shape;
        if (random.nextBoolean()) {
            shape = new FenceShape.Circle(c, 2_000 + random.nextDouble() * 48_000);
        } else {
            double halfDegrees = 0.025 + random.nextDouble() * 0.6;
            double lngScale = Math.cos(Math.toRadians(c.lat()));
            shape = FenceIndexBruteForceProperties.shape(1 + random.nextInt(4), c.lat(), wrapAway(c.lng(), halfDegrees / lngScale * 1.6),
                    halfDegrees * 111_195, random);
        }
        Fence f = Fence.of(id, FenceKind.SERVICE_AREA, shape);
        index.add(f);
        return f;
    }

    /** A site fence 20-200 m across near {@code around}. */
    private static Fence addSmall(FenceIndex index, String id, GeoPoint around, Random random) {
        GeoPoint c = CirclePrecisionProperties.destination(around, random.nextDouble() * 300, random.nextDouble() * 2 * Math.PI);
        Fence f = Fence.of(id, FenceKind.SITE, FenceIndexBruteForceProperties.shape(random.nextInt(5), c.lat(), wrapAway(c.lng(), 0.05),
                20 + random.nextDouble() * 180, random));
        index.add(f);
        return f;
    }

    /** A longitude moved so that a polygon {@code half} degrees wide around it stays off the antimeridian. */
    private static double wrapAway(double lng, double half) {
        return Math.max(-180 + half, Math.min(180 - half, lng));
    }
}
