package io.github.geodispatch.geofence.internal;
import com.uber.h3core.util.LatLng;
import io.github.geodispatch.spi.GeoPoint;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pure-Java cell locator names the same H3 cell as H3's own {@code latLngToCell}, or declines; except
 * for points within a millimetre of a cell edge near an icosahedron face centre, where H3's own projection
 * rounds and the locator names the cell whose centre is nearer the point (the geometrically right one).
 */
class H3LatticeProperties {
    private static final H3Lattice[] LATTICES = new H3Lattice[16];

    private static synchronized H3Lattice lattice(int res) {
        if (LATTICES[res] == null) {
            LATTICES[res] = new H3Lattice(H3Runtime.h3(), res);
        }
        return LATTICES[res];
    }

    @Property(tries = 3000)
    void fastPathEqualsH3Everywhere(@ForAll @DoubleRange(min = -1, max = 1) double sinLat,
                                    @ForAll @DoubleRange(min = -180, max = 180) double lng,
                                    @ForAll @IntRange(min = 5, max = 13) int res) {
        double lat = Math.toDegrees(Math.asin(sinLat));
        H3Lattice l = lattice(res);
        long truth = H3Runtime.h3().latLngToCell(lat, lng, res);
        double[] u = H3Lattice.unit(lat, lng);
        long fast = l.fastKey(u[0], u[1], u[2]);
        if (fast != H3Lattice.NO_KEY) {
            assertThat(l.cellOf(fast)).isEqualTo(truth);
            assertThat(l.keyOfCell(truth)).isEqualTo(fast);
        }
        for (int hint = 0; hint < 20; hint++) { // a hinted face never changes the answer, only the search
            long hinted = l.fastKey(u[0], u[1], u[2], hint);
            if (hinted != H3Lattice.NO_KEY) {
                assertThat(l.cellOf(hinted)).isEqualTo(truth);
            }
        }
        assertThat(l.key(lat, lng)).isEqualTo(l.keyOfCell(truth));
    }

    /**
     * Within about 100 m of a face centre, H3 and the lattice may name different cells for a point within a
     * millimetre of their shared edge (measured: up to 0.07 mm at resolution 11, 0.57 mm at 13, none at 9).
     * Then the lattice's cell is the one whose centre is nearer the point.
     */
    @Property(tries = 3000)
    void nearFaceCentresTheLatticeDiffersFromH3OnlyWithinAMillimetreOfAnEdgeAndIsTheNearerCentre(
            @ForAll @IntRange(min = 0, max = 19) int face, @ForAll @DoubleRange(min = 0, max = 100) double metres,
            @ForAll @DoubleRange(min = 0, max = 6.3) double bearing, @ForAll @DoubleRange(min = 0.1, max = 0.9) double t,
            @ForAll @DoubleRange(min = -2, max = 2) double millimetres, @ForAll @IntRange(min = 11, max = 13) int res) {
        H3Lattice l = lattice(res);
        double[] centre = l.faceCentre(face);
        GeoPoint near = CirclePrecisionProperties.destination(GeoPoint.of(centre[0], centre[1]), metres, bearing);
        long cell = H3Runtime.h3().latLngToCell(near.lat(), near.lng(), res);
        List<LatLng> boundary = H3Runtime.h3().cellToBoundary(cell);
        LatLng a = boundary.get(0), b = boundary.get(1), c = H3Runtime.h3().cellToLatLng(cell);
        double eLat = a.lat + (b.lat - a.lat) * t, eLng = a.lng + (b.lng - a.lng) * t;
        double toCentreMm = GeoPoint.haversineMetres(eLat, eLng, c.lat, c.lng) * 1000;
        double lat = eLat + (c.lat - eLat) * millimetres / toCentreMm, lng = eLng + (c.lng - eLng) * millimetres / toCentreMm;
        double[] u = H3Lattice.unit(lat, lng);
        long fast = l.fastKey(u[0], u[1], u[2]);
        long truth = H3Runtime.h3().latLngToCell(lat, lng, res);
        if (fast == H3Lattice.NO_KEY || l.cellOf(fast) == truth) {
            return;
        }
        double ours = chord(u, l.centre(fast)), theirs = chord(u, l.centre(l.keyOfCell(truth)));
        assertThat(ours).as("the lattice's centre is the nearer one").isLessThanOrEqualTo(theirs);
        assertThat((theirs - ours) / 2 * GeoPoint.EARTH_RADIUS_M).as("metres from the edge").isLessThan(0.001);
    }

    private static double chord(double[] u, double[] latLng) {
        double[] v = H3Lattice.unit(latLng[0], latLng[1]);
        return Math.sqrt((u[0] - v[0]) * (u[0] - v[0]) + (u[1] - v[1]) * (u[1] - v[1]) + (u[2] - v[2]) * (u[2] - v[2]));
    }

    @Property(tries = 2000)
    void pointsOnCellEdgesAreEitherRightOrDeclined(@ForAll @DoubleRange(min = 12.8, max = 13.2) double lat,
                                                   @ForAll @DoubleRange(min = 77.4, max = 77.8) double lng,
                                                   @ForAll @DoubleRange(min = 0, max = 1) double t,
                                                   @ForAll @IntRange(min = 8, max = 12) int res) {
        H3Lattice l = lattice(res);
        List<LatLng> boundary = H3Runtime.h3().cellToBoundary(H3Runtime.h3().latLngToCell(lat, lng, res));
        LatLng a = boundary.get(0), b = boundary.get(1);
        double eLat = a.lat + (b.lat - a.lat) * t, eLng = a.lng + (b.lng - a.lng) * t;
        double[] u = H3Lattice.unit(eLat, eLng);
        long fast = l.fastKey(u[0], u[1], u[2]);
        if (fast != H3Lattice.NO_KEY) {
            assertThat(l.cellOf(fast)).isEqualTo(H3Runtime.h3().latLngToCell(eLat, eLng, res));
        }
    }
}
