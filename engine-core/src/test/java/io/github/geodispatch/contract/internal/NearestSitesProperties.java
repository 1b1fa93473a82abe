package io.github.geodispatch.contract.internal;

import io.github.geodispatch.spi.CustomerSite;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.SiteId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nearest site within a radius, found by latitude band and exact point, against a walk over every site in the
 * order added keeping the nearest so far ({@code <=}, so the last added of equally near sites wins). Sites sit on a
 * small grid (so many share a point), some are added again at a new point (they keep their place in the order), and
 * the radius is often exactly a site's distance (the band must keep a site on its edge).
 */
class NearestSitesProperties {

    record Added(int id, int north, int east) {
        GeoPoint location() {
            return GeoPoint.of(12.9 + north * 1e-4, 77.6 + east * 1e-4);
        }
    }

    record Query(int north, int east, double radius, int radiusFromSite) {}

    @Provide
    Arbitrary<List<Added>> sites() {
        return Combinators.combine(Arbitraries.integers().between(0, 11), Arbitraries.integers().between(-4, 4),
                Arbitraries.integers().between(-4, 4)).as(Added::new).list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<List<Query>> queries() {
        return Combinators.combine(Arbitraries.integers().between(-6, 6), Arbitraries.integers().between(-6, 6),
                Arbitraries.of(0.0, 5.0, 11.1, 30.0, 80.0, 200.0, 5_000.0), Arbitraries.integers().between(-1, 11))
                .as(Query::new).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 1000)
    void findsTheSiteAWalkOverAllOfThemFinds(@ForAll("sites") List<Added> sites, @ForAll("queries") List<Query> queries) {
        NearestSites near = new NearestSites();
        Map<SiteId, GeoPoint> inOrderAdded = new LinkedHashMap<>(); // a known id keeps its place, as in a customer's state
        for (Added a : sites) {
            SiteId id = SiteId.of("S-" + a.id());
            near.put(new CustomerSite(id, a.location(), "", ""));
            inOrderAdded.put(id, a.location());
        }
        for (Query q : queries) {
            GeoPoint point = GeoPoint.of(12.9 + q.north() * 1e-4, 77.6 + q.east() * 1e-4);
            GeoPoint edge = inOrderAdded.get(SiteId.of("S-" + q.radiusFromSite()));
            double radius = edge == null ? q.radius() : edge.distanceMetres(point);
            assertThat(near.nearest(point, radius)).as("nearest to %s within %s m", point, radius)
                    .isEqualTo(walk(inOrderAdded, point, radius));
        }
    }

    private static Optional<SiteId> walk(Map<SiteId, GeoPoint> sites, GeoPoint point, double radius) {
        SiteId nearest = null;
        double best = radius;
        for (Map.Entry<SiteId, GeoPoint> s : sites.entrySet()) {
            double d = s.getValue().distanceMetres(point);
            if (d <= best) {
                best = d;
                nearest = s.getKey();
            }
        }
        return Optional.ofNullable(nearest);
    }
}
