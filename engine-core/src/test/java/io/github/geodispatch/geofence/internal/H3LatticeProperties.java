package io.github.geodispatch.geofence.internal;
import com.uber.h3core.util.LatLng;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;

/** The pure-Java cell locator names the same H3 cell as H3's own {@code latLngToCell}, or declines. */
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
