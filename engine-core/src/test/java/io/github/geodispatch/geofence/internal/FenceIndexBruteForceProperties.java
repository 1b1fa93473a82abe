package io.github.geodispatch.geofence.internal;
import io.github.geodispatch.geofence.Fence;
import io.github.geodispatch.geofence.FenceId;
import io.github.geodispatch.geofence.FenceIndex;
import io.github.geodispatch.geofence.FenceKind;
import io.github.geodispatch.geofence.FenceShape;
import io.github.geodispatch.spi.GeoPoint;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.distance.DistanceOp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The index agrees with brute force (great-circle distance for circles, JTS covers for polygons) on
 * every point farther than 1 mm from a fence boundary; points within 1 mm may go either way.
 */
class FenceIndexBruteForceProperties {
    private static final double TOLERANCE_M = 0.001;
    private static final double TOLERANCE_DEG = TOLERANCE_M / 111_000.0;

    @Property(tries = 40)
    void indexAgreesWithBruteForce(@ForAll("fenceSets") List<Fence> fences, @ForAll long seed) {
        FenceIndex index = FenceIndex.builder().resolution(11).build();
        fences.forEach(index::add);
        assertAgrees(index, fences, fences, new Random(seed), 400);
    }

    @Property(tries = 25)
    void addAndRemoveKeepAgreeing(@ForAll("fenceSets") List<Fence> fences, @ForAll long seed) {
        Random random = new Random(seed);
        FenceIndex index = FenceIndex.builder().resolution(10).build();
        List<Fence> live = new ArrayList<>();
        for (Fence f : fences) {
            index.add(f);
            live.add(f);
            if (random.nextInt(3) == 0) {
                Fence gone = live.remove(random.nextInt(live.size()));
                assertThat(index.remove(gone.id())).isTrue();
            }
        }
        assertThat(index.size()).isEqualTo(live.size());
        assertAgrees(index, fences, live, random, 300);
        for (Fence f : fences) {
            assertThat(index.fence(f.id()).isPresent()).isEqualTo(live.contains(f));
        }
    }

    @Property(tries = 25)
    void aBulkAddAnswersLikeAddsOneByOneAndAddsNothingOnADuplicate(@ForAll("fenceSets") List<Fence> fences, @ForAll long seed) {
        FenceIndex index = FenceIndex.builder().resolution(11).build();
        Fence first = fences.get(0);
        index.add(first);
        List<Fence> rest = fences.subList(1, fences.size());
        List<Fence> withDuplicate = new ArrayList<>(rest);
        withDuplicate.add(first);
        assertThatThrownBy(() -> index.addAll(withDuplicate)).hasMessageContaining(first.id().value());
        assertThat(index.size()).as("all or none").isEqualTo(1);
        index.addAll(rest);
        assertThat(index.size()).isEqualTo(fences.size());
        assertAgrees(index, fences, fences, new Random(seed), 300);
    }

    @Property(tries = 10)
    void fencesAcrossIcosahedronEdgesAgree(@ForAll("edgeFences") @Size(min = 1, max = 6) List<Fence> fences, @ForAll long seed) {
        FenceIndex index = FenceIndex.builder().resolution(9).build();
        fences.forEach(index::add);
        assertAgrees(index, fences, fences, new Random(seed), 300);
    }

    /** Points are drawn around {@code around}; the index must answer exactly {@code live}. */
    private static void assertAgrees(FenceIndex index, List<Fence> around, List<Fence> live, Random random, int points) {
        for (int i = 0; i < points; i++) {
            Fence near = around.get(random.nextInt(around.size()));
            double[] c = centre(near);
            double spread = reachDegrees(near) * 1.5 + 0.0005;
            double lat = clampLat(c[0] + (random.nextDouble() * 2 - 1) * spread);
            double lng = c[1] + (random.nextDouble() * 2 - 1) * spread / Math.cos(Math.toRadians(c[0]));
            GeoPoint p = GeoPoint.of(lat, wrap(lng));
            Set<FenceId> expected = new HashSet<>();
            Set<FenceId> ambiguous = new HashSet<>();
            for (Fence f : live) {
                Oracle o = oracle(f, p);
                if (o == Oracle.INSIDE) {
                    expected.add(f.id());
                } else if (o == Oracle.NEAR_BOUNDARY) {
                    ambiguous.add(f.id());
                }
            }
            Set<FenceId> actual = index.fencesAt(p).stream().map(Fence::id).collect(Collectors.toSet());
            Set<FenceId> actualDecided = new HashSet<>(actual);
            actualDecided.removeAll(ambiguous);
            assertThat(actualDecided).as("fences at %s", p).isEqualTo(expected);
        }
    }

    enum Oracle { INSIDE, OUTSIDE, NEAR_BOUNDARY }

    static Oracle oracle(Fence f, GeoPoint p) {
        if (f.shape() instanceof FenceShape.Circle c) {
            double d = c.centre().distanceMetres(p);
            if (Math.abs(d - c.radiusMetres()) <= TOLERANCE_M) {
                return Oracle.NEAR_BOUNDARY;
            }
            return d < c.radiusMetres() ? Oracle.INSIDE : Oracle.OUTSIDE;
        }
        Geometry g = FenceShapes.toGeometry(f.shape());
        Geometry point = FenceShapes.FACTORY.createPoint(new Coordinate(p.lng(), p.lat()));
        if (DistanceOp.isWithinDistance(g.getBoundary(), point, TOLERANCE_DEG)) {
            return Oracle.NEAR_BOUNDARY;
        }
        return g.covers(point) ? Oracle.INSIDE : Oracle.OUTSIDE;
    }

    /** The ids of the {@code live} fences containing {@code q} by brute force, or null if {@code q} is within 1 mm of a boundary. */
    static Set<String> expectedIds(List<Fence> live, GeoPoint q) {
        Set<String> expected = new java.util.TreeSet<>();
        for (Fence f : live) {
            Oracle o = oracle(f, q);
            if (o == Oracle.NEAR_BOUNDARY) {
                return null;
            }
            if (o == Oracle.INSIDE) {
                expected.add(f.id().value());
            }
        }
        return expected;
    }

    /** The ids of the probe's candidate fences containing its point (after {@code locate}). */
    static Set<String> probeIds(CachingProbe p) {
        Set<String> actual = new java.util.TreeSet<>();
        for (int c = 0; c < p.candidates(); c++) {
            if (p.candidateContains(c)) {
                actual.add(p.candidate(c).fence.id().value());
            }
        }
        return actual;
    }

    private static double[] centre(Fence f) {
        if (f.shape() instanceof FenceShape.Circle c) {
            return new double[] {c.centre().lat(), c.centre().lng()};
        }
        var e = FenceShapes.toGeometry(f.shape()).getEnvelopeInternal();
        return new double[] {(e.getMinY() + e.getMaxY()) / 2, (e.getMinX() + e.getMaxX()) / 2};
    }

    private static double reachDegrees(Fence f) {
        if (f.shape() instanceof FenceShape.Circle c) {
            return c.radiusMetres() / 111_000.0;
        }
        var e = FenceShapes.toGeometry(f.shape()).getEnvelopeInternal();
        return Math.max(e.getWidth(), e.getHeight()) / 2;
    }

    private static double clampLat(double lat) {
        return Math.max(-89.0, Math.min(89.0, lat));
    }

    private static double wrap(double lng) {
        return lng > 180 ? lng - 360 : lng < -180 ? lng + 360 : lng;
    }

    @Provide
    Arbitrary<List<Fence>> fenceSets() {
        return fence(Arbitraries.doubles().between(12.85, 13.10), Arbitraries.doubles().between(77.45, 77.75))
                .list().ofMinSize(1).ofMaxSize(12).uniqueElements(Fence::id);
    }

    /** Fences near icosahedron face edges (e.g. around 20N 80E and 30N 100E) and at other latitudes. */
    @Provide
    Arbitrary<List<Fence>> edgeFences() {
        Arbitrary<double[]> centres = Arbitraries.of(new double[] {29.97, 74.13}, new double[] {7.4, 86.7},
                new double[] {-23.3, 121.1}, new double[] {61.1, -44.8}, new double[] {48.85, 2.35}, new double[] {-33.9, 18.4});
        return centres.flatMap(c -> fence(Arbitraries.doubles().between(c[0] - 0.5, c[0] + 0.5),
                Arbitraries.doubles().between(c[1] - 0.5, c[1] + 0.5))).list().ofMinSize(1).ofMaxSize(6).uniqueElements(Fence::id);
    }

    private static Arbitrary<Fence> fence(Arbitrary<Double> lats, Arbitrary<Double> lngs) {
        Arbitrary<String> ids = Arbitraries.strings().withCharRange('a', 'z').ofLength(8);
        Arbitrary<Double> radii = Arbitraries.doubles().between(5, 3_000);
        Arbitrary<Integer> kinds = Arbitraries.integers().between(0, 4);
        Arbitrary<Long> seeds = Arbitraries.longs();
        return Combinators.combine(ids, lats, lngs, radii, kinds, seeds)
                .as((id, lat, lng, r, kind, seed) -> Fence.of(id, FenceKind.SITE, shape(kind, lat, lng, r, new Random(seed))));
    }

    /** 0 circle, 1 convex polygon, 2 concave star, 3 polygon with a hole, 4 multipolygon. */
    static FenceShape shape(int kind, double lat, double lng, double radiusM, Random random) {
        GeoPoint c = GeoPoint.of(lat, lng);
        return switch (kind) {
            case 0 -> new FenceShape.Circle(c, radiusM);
            case 1 -> new FenceShape.Polygon(ring(c, radiusM, 3 + random.nextInt(8), 0, random));
            case 2 -> new FenceShape.Polygon(ring(c, radiusM, 5 + random.nextInt(6), 0.6, random));
            case 3 -> new FenceShape.Polygon(ring(c, radiusM, 6 + random.nextInt(6), 0, random),
                    List.of(ring(c, radiusM * 0.4, 4 + random.nextInt(4), 0, random)));
            default -> new FenceShape.MultiPolygon(List.of(
                    new FenceShape.Polygon(ring(offset(c, radiusM, 0), radiusM * 0.5, 5, 0, random)),
                    new FenceShape.Polygon(ring(offset(c, -radiusM, 0), radiusM * 0.5, 7, 0.5, random))));
        };
    }

    static GeoPoint offset(GeoPoint c, double eastM, double northM) {
        return GeoPoint.of(c.lat() + northM / 111_195.0, c.lng() + eastM / (111_195.0 * Math.cos(Math.toRadians(c.lat()))));
    }

    /** A counter-clockwise ring of n points; {@code dent} > 0 pulls every other vertex inwards (a star). */
    private static List<GeoPoint> ring(GeoPoint c, double radiusM, int n, double dent, Random random) {
        List<GeoPoint> points = new ArrayList<>();
        double start = random.nextDouble() * Math.PI * 2;
        for (int i = 0; i < n; i++) {
            double a = start + i * 2 * Math.PI / n;
            double r = radiusM * (dent > 0 && i % 2 == 1 ? 1 - dent : 0.8 + 0.2 * random.nextDouble());
            points.add(offset(c, r * Math.cos(a), r * Math.sin(a)));
        }
        points.add(points.get(0));
        return points;
    }
}
