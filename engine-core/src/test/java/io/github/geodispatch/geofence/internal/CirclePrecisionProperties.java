package io.github.geodispatch.geofence.internal;
import io.github.geodispatch.geofence.Fence;
import io.github.geodispatch.geofence.FenceIndex;
import io.github.geodispatch.geofence.FenceKind;
import io.github.geodispatch.geofence.FenceShape;
import io.github.geodispatch.spi.GeoPoint;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import java.util.Random;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Circle fences are right to 1 mm for any radius from 1 m to the 50 km limit, anywhere on the globe: every
 * point more than 1 mm inside the circle is in the fence and every point more than 1 mm outside is not, on
 * each path a point can take (the allocating {@code fencesAt}, a technician's remembered cells, the
 * neighbourhood disc; and for circles too large for cell covers, the large-fence answer). The oracle is the haversine distance in doubles, whose error at these distances is
 * at the nanometre scale (a thousandth of the tolerance).
 */
class CirclePrecisionProperties {
    private static final double TOLERANCE_M = 0.001;

    @Property(tries = 150)
    void pointsFartherThanAMillimetreFromTheEdgeAreClassifiedRightOnEveryPath(
            @ForAll @DoubleRange(min = -80, max = 80) double lat, @ForAll @DoubleRange(min = -180, max = 180) double lng,
            @ForAll @DoubleRange(min = 0, max = 1) double radiusFraction, @ForAll long seed) {
        Random random = new Random(seed);
        // radii log-uniform from 1 m to 50 km: small site fences are where a cosine test loses millimetres
        double radius = Math.min(FenceShape.MAX_RADIUS_METRES, Math.exp(Math.log(FenceShape.MAX_RADIUS_METRES) * radiusFraction));
        GeoPoint centre = GeoPoint.of(lat, lng);
        H3CoverFenceIndex index = (H3CoverFenceIndex) FenceIndex.builder().build();
        index.add(Fence.of("C", FenceKind.SITE, new FenceShape.Circle(centre, radius)));
        CachingProbe cells = new CachingProbe();
        CachingProbe disc = new CachingProbe();
        for (int k = 0; k < 40; k++) {
            double offset = (1.05 + random.nextDouble() * 4) * TOLERANCE_M * (random.nextBoolean() ? 1 : -1);
            GeoPoint q = destination(centre, radius + offset, random.nextDouble() * 2 * Math.PI);
            double d = centre.distanceMetres(q);
            if (Math.abs(d - radius) <= TOLERANCE_M) {
                continue; // the destination formula's own rounding put it within the tolerance
            }
            boolean inside = d < radius;
            assertThat(index.fencesAt(q)).as("fencesAt %s, %.6f m from the centre of a %.4f m circle", q, d, radius)
                    .hasSize(inside ? 1 : 0);
            assertThat(contains(index, cells, q)).as("remembered cells at %s, %.6f m of %.4f m", q, d, radius).isEqualTo(inside);
            locate(index, disc, q); // twice in the same cell: a lingering technician, whose disc answers
            assertThat(contains(index, disc, q)).as("disc at %s, %.6f m of %.4f m", q, d, radius).isEqualTo(inside);
        }
    }

    private static boolean contains(H3CoverFenceIndex index, CachingProbe probe, GeoPoint q) {
        locate(index, probe, q);
        for (int c = 0; c < probe.candidates(); c++) {
            if (probe.candidateContains(c)) {
                return true;
            }
        }
        return false;
    }

    private static void locate(H3CoverFenceIndex index, CachingProbe probe, GeoPoint p) {
        probe.set(p.lat(), p.lng());
        index.locate(probe);
    }

    /** The point {@code metres} from {@code start} along the initial bearing {@code bearing} (radians), on the sphere. */
    static GeoPoint destination(GeoPoint start, double metres, double bearing) {
        double d = metres / GeoPoint.EARTH_RADIUS_M, la = Math.toRadians(start.lat()), lo = Math.toRadians(start.lng());
        double lat2 = Math.asin(Math.sin(la) * Math.cos(d) + Math.cos(la) * Math.sin(d) * Math.cos(bearing));
        double lng2 = lo + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(la), Math.cos(d) - Math.sin(la) * Math.sin(lat2));
        double lngDeg = Math.toDegrees(lng2);
        return GeoPoint.of(Math.toDegrees(lat2), lngDeg > 180 ? lngDeg - 360 : lngDeg < -180 ? lngDeg + 360 : lngDeg);
    }
}
