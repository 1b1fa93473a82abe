package io.github.geodispatch.geofence;

import io.github.geodispatch.spi.GeoPoint;

import java.util.List;
import java.util.Objects;

/**
 * The area of a fence. A {@link Circle} is a great-circle distance from a centre; a {@link Polygon}
 * (with holes) and a {@link MultiPolygon} are rings of points whose edges are straight lines in
 * longitude/latitude (the GeoJSON and JTS convention). The records check structure (closed rings of at
 * least 3 distinct points, no edge across the antimeridian); topology (self-intersection) is checked by {@link Fence} or repaired by
 * {@link FenceShapes#repair}. All variants are immutable and thread-safe.
 */
public sealed interface FenceShape permits FenceShape.Circle, FenceShape.Polygon, FenceShape.MultiPolygon {

    /** Largest accepted circle radius, in metres. */
    double MAX_RADIUS_METRES = 50_000;

    /** Points within {@code radiusMetres} (great-circle) of {@code centre}. */
    record Circle(GeoPoint centre, double radiusMetres) implements FenceShape {
        public Circle {
            Objects.requireNonNull(centre, "circle centre");
            if (!Double.isFinite(radiusMetres) || radiusMetres <= 0 || radiusMetres > MAX_RADIUS_METRES) {
                throw new InvalidFenceException(InvalidFenceException.Reason.BAD_RADIUS,
                        "circle radius must be in (0, " + MAX_RADIUS_METRES + "] metres, was " + radiusMetres);
            }
        }
    }

    /** An outer ring and zero or more holes; every ring closed (first point equals last). */
    record Polygon(List<GeoPoint> shell, List<List<GeoPoint>> holes) implements FenceShape {
        public Polygon {
            shell = checkRing("shell", shell);
            Objects.requireNonNull(holes, "holes");
            List<List<GeoPoint>> copied = new java.util.ArrayList<>(holes.size());
            for (int i = 0; i < holes.size(); i++) {
                copied.add(checkRing("hole " + (i + 1), holes.get(i)));
            }
            holes = List.copyOf(copied);
        }

        /** A polygon without holes. */
        public Polygon(List<GeoPoint> shell) {
            this(shell, List.of());
        }
    }

    /** Several polygons treated as one fence. */
    record MultiPolygon(List<Polygon> parts) implements FenceShape {
        public MultiPolygon {
            Objects.requireNonNull(parts, "parts");
            if (parts.isEmpty()) {
                throw new InvalidFenceException(InvalidFenceException.Reason.TOO_FEW_POINTS, "a multipolygon needs at least one part");
            }
            parts = List.copyOf(parts);
        }
    }

    private static List<GeoPoint> checkRing(String name, List<GeoPoint> ring) {
        Objects.requireNonNull(ring, name);
        for (GeoPoint p : ring) {
            Objects.requireNonNull(p, name + " point");
        }
        if (ring.size() < 4 || ring.stream().distinct().count() < 3) {
            throw new InvalidFenceException(InvalidFenceException.Reason.TOO_FEW_POINTS,
                    name + " needs at least 3 distinct points plus the closing point, has " + ring.size() + " points");
        }
        if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
            throw new InvalidFenceException(InvalidFenceException.Reason.UNCLOSED_RING,
                    name + " is not closed: first point " + ring.get(0) + " differs from last " + ring.get(ring.size() - 1));
        }
        for (int i = 1; i < ring.size(); i++) {
            // edges are straight in longitude/latitude: one spanning over 180 degrees was meant across the antimeridian
            if (Math.abs(ring.get(i).lng() - ring.get(i - 1).lng()) > 180) {
                throw new InvalidFenceException(InvalidFenceException.Reason.CROSSES_ANTIMERIDIAN, name + " edge " + i
                        + " from " + ring.get(i - 1) + " to " + ring.get(i) + " crosses the antimeridian (±180° longitude);"
                        + " split the shape at 180°");
            }
        }
        return List.copyOf(ring);
    }
}
