package io.github.geodispatch.spi;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

import static org.assertj.core.api.Assertions.assertThat;

/** The latitude band of a radius holds every point within that radius, the one at exactly the radius too. */
class GeoPointProperties {

    /** Offsets in degrees from a few centimetres to a few degrees, and none, drawn often: due north or south is the tight case. */
    @Provide
    Arbitrary<Double> offsets() {
        return Arbitraries.oneOf(Arbitraries.just(0.0), Arbitraries.doubles().between(-1e-6, 1e-6).ofScale(12),
                Arbitraries.doubles().between(-0.01, 0.01).ofScale(12), Arbitraries.doubles().between(-3, 3).ofScale(12));
    }

    @Property(tries = 3_000)
    void aPointAtTheRadiusIsInsideTheBand(@ForAll @DoubleRange(min = -80, max = 80) @Scale(9) double lat,
            @ForAll @DoubleRange(min = -170, max = 170) @Scale(9) double lng, @ForAll("offsets") double dLat,
            @ForAll("offsets") double dLng) {
        GeoPoint p = GeoPoint.of(lat, lng);
        GeoPoint q = GeoPoint.of(lat + dLat, lng + dLng);
        double radius = p.distanceMetres(q);

        assertThat(Math.abs(q.lat() - p.lat())).isLessThanOrEqualTo(GeoPoint.latitudeBandDegrees(radius));
    }

    @Property(tries = 500)
    void theBandIsNoWiderThanTheRadiusNeeds(@ForAll @DoubleRange(min = 0, max = 100_000) double radius) {
        double exact = Math.toDegrees(radius / GeoPoint.EARTH_RADIUS_M);

        assertThat(GeoPoint.latitudeBandDegrees(radius)).isBetween(exact, exact * (1 + 1e-8) + 1e-11);
    }
}
