package io.github.geodispatch.contract.internal;

import io.github.geodispatch.spi.CustomerSite;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.SiteId;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One customer's sites, arranged to find the site nearest a point within a radius without a walk over them all:
 * by latitude (a site farther than the radius in latitude alone is farther than the radius), then by exact point
 * (a housing society's flats often share one). Of sites equally near, the one added last wins, as in a walk over
 * the sites in the order added keeping the nearest so far ({@code <=}). Not thread-safe.
 */
final class NearestSites {
    private record Placed(GeoPoint location, long order) {
    }

    private final Map<SiteId, Placed> placed = new HashMap<>();
    /** By latitude, then by point: the sites there by the order they were added. */
    private final NavigableMap<Double, Map<GeoPoint, NavigableMap<Long, SiteId>>> byLatitude = new TreeMap<>();
    private long added;

    /** Adds a site, or moves a known one to its new location (it keeps its place in the order added). */
    void put(CustomerSite site) {
        Placed old = placed.get(site.id());
        long order = old == null ? added++ : old.order();
        if (old != null) {
            Map<GeoPoint, NavigableMap<Long, SiteId>> atLatitude = byLatitude.get(old.location().lat());
            NavigableMap<Long, SiteId> atPoint = atLatitude.get(old.location());
            atPoint.remove(order);
            if (atPoint.isEmpty() && atLatitude.remove(old.location()) != null && atLatitude.isEmpty()) {
                byLatitude.remove(old.location().lat());
            }
        }
        placed.put(site.id(), new Placed(site.location(), order));
        byLatitude.computeIfAbsent(site.location().lat(), lat -> new HashMap<>())
                .computeIfAbsent(site.location(), p -> new TreeMap<>()).put(order, site.id());
    }

    /** The site nearest {@code point} within {@code radiusMetres} (the last added of those equally near), if any. */
    Optional<SiteId> nearest(GeoPoint point, double radiusMetres) {
        double band = GeoPoint.latitudeBandDegrees(radiusMetres);
        SiteId nearest = null;
        double best = radiusMetres;
        long bestOrder = -1;
        for (Map<GeoPoint, NavigableMap<Long, SiteId>> atLatitude
                : byLatitude.subMap(point.lat() - band, true, point.lat() + band, true).values()) {
            for (Map.Entry<GeoPoint, NavigableMap<Long, SiteId>> atPoint : atLatitude.entrySet()) {
                double d = atPoint.getKey().distanceMetres(point);
                Map.Entry<Long, SiteId> last = atPoint.getValue().lastEntry();
                if (d < best || d == best && last.getKey() > bestOrder) {
                    best = d;
                    bestOrder = last.getKey();
                    nearest = last.getValue();
                }
            }
        }
        return Optional.ofNullable(nearest);
    }
}
