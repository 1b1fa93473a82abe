package io.github.geodispatch.geofence.internal;
import io.github.geodispatch.geofence.Fence;
import io.github.geodispatch.geofence.FenceShape;
import io.github.geodispatch.spi.GeoPoint;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fence prepared for exact point tests: a circle as a unit-vector centre and the squared chord of its
 * angular radius (three differences and a sum of squares per test: unlike a dot product against the
 * cosine of the radius, whose rounding near 1 is millimetres at a 1 m radius, it is right to nanometres
 * at any radius); a polygon as a JTS {@link IndexedPointInAreaLocator}
 * behind an envelope check. Immutable after construction (the locator's index is built eagerly), but for a
 * volatile flag its index sets when removing it; thread-safe.
 */
abstract sealed class CompiledFence permits CompiledFence.CircleFence, CompiledFence.PolygonFence {
    private static final AtomicLong SERIALS = new AtomicLong();

    final Fence fence;
    /** Unique per compiled fence in this JVM (from 1), exact as a double: how cell data names its fence. */
    final long serial = SERIALS.incrementAndGet();
    /**
     * Set by the index's writer when this fence's removal starts, before its cells change and before the removal
     * is published (a fence added again is compiled anew): what {@link H3CoverFenceIndex#holds} reads.
     */
    private volatile boolean removed;

    CompiledFence(Fence fence) {
        this.fence = fence;
    }

    /** Marks this fence removed from its index (the index's writer, under its lock). */
    void markRemoved() {
        removed = true;
    }

    /** Whether this fence's removal from its index has started. */
    boolean removed() {
        return removed;
    }

    /** Exact containment of the probe's point; boundary points are inside. */
    abstract boolean contains(PointProbe p);

    /** The squared chord (straight-line distance between unit vectors) of an arc of {@code radians}. */
    static double chord2(double radians) {
        double half = Math.sin(radians / 2);
        return 4 * half * half;
    }

    static CompiledFence of(Fence fence) {
        if (fence.shape() instanceof FenceShape.Circle c) {
            return new CircleFence(fence, c);
        }
        return new PolygonFence(fence, FenceShapes.toGeometry(fence.shape()));
    }

    static final class CircleFence extends CompiledFence {
        final double cx, cy, cz, chord2, radiusRadians, lat, lng;

        CircleFence(Fence fence, FenceShape.Circle c) {
            super(fence);
            double[] u = H3Lattice.unit(c.centre().lat(), c.centre().lng());
            cx = u[0];
            cy = u[1];
            cz = u[2];
            lat = c.centre().lat();
            lng = c.centre().lng();
            radiusRadians = c.radiusMetres() / GeoPoint.EARTH_RADIUS_M;
            chord2 = chord2(radiusRadians);
        }

        @Override
        boolean contains(PointProbe p) {
            double dx = p.x - cx, dy = p.y - cy, dz = p.z - cz;
            return dx * dx + dy * dy + dz * dz <= chord2;
        }
    }

    static final class PolygonFence extends CompiledFence {
        final Geometry geometry;
        final IndexedPointInAreaLocator locator;
        /** Distance (degrees, in lng/lat space) to the boundary: how covers and technicians' neighbourhoods classify a disc. */
        final IndexedFacetDistance boundaryDistance;
        final double minX, minY, maxX, maxY;

        PolygonFence(Fence fence, Geometry geometry) {
            super(fence);
            this.geometry = geometry;
            this.locator = new IndexedPointInAreaLocator(geometry);
            this.boundaryDistance = new IndexedFacetDistance(geometry.getBoundary());
            Envelope e = geometry.getEnvelopeInternal();
            minX = e.getMinX();
            minY = e.getMinY();
            maxX = e.getMaxX();
            maxY = e.getMaxY();
            // build both indexes now, before publication: readers on other threads then only read them
            Coordinate corner = new Coordinate(minX, minY);
            locator.locate(corner);
            boundaryDistance.distance(FenceShapes.FACTORY.createPoint(corner));
        }

        @Override
        boolean contains(PointProbe p) {
            if (p.lng < minX || p.lng > maxX || p.lat < minY || p.lat > maxY) {
                return false;
            }
            p.coordinate.x = p.lng;
            p.coordinate.y = p.lat;
            return locator.locate(p.coordinate) != Location.EXTERIOR;
        }
    }
}
