package io.github.geodispatch.geofence.internal;
import io.github.geodispatch.geofence.FenceShape;
import io.github.geodispatch.geofence.InvalidFenceException;
import io.github.geodispatch.spi.GeoPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import java.util.ArrayList;
import java.util.List;

/**
 * Validation and repair of fence shapes (JTS inside). Stateless and thread-safe.
 */
public final class FenceShapes {
    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private FenceShapes() {}

    /** Throws {@link InvalidFenceException} if a polygon shape is not topologically valid. Circles are always valid. */
    public static void validate(FenceShape shape) {
        if (shape instanceof FenceShape.Circle) {
            return;
        }
        Geometry g = toGeometry(shape);
        TopologyValidationError error = new IsValidOp(g).getValidationError();
        if (error != null) {
            throw new InvalidFenceException(InvalidFenceException.Reason.SELF_INTERSECTION,
                    error.getMessage() + " at (lat " + error.getCoordinate().y + ", lng " + error.getCoordinate().x + ")");
        }
    }

    /**
     * Returns a valid shape covering what the caller most likely meant: JTS's {@code GeometryFixer}
     * (a bow-tie becomes two triangles, a hole outside the shell is dropped...). Circles and valid
     * polygons come back unchanged. Throws {@link InvalidFenceException} with {@code EMPTY_AFTER_REPAIR}
     * if nothing with area remains.
     */
    public static FenceShape repair(FenceShape shape) {
        if (shape instanceof FenceShape.Circle) {
            return shape;
        }
        Geometry g = toGeometry(shape);
        if (g.isValid()) {
            return shape;
        }
        Geometry fixed = GeometryFixer.fix(g);
        List<FenceShape.Polygon> parts = new ArrayList<>();
        for (int i = 0; i < fixed.getNumGeometries(); i++) {
            Geometry part = fixed.getGeometryN(i);
            if (part instanceof org.locationtech.jts.geom.Polygon p && !p.isEmpty() && p.getArea() > 0) {
                parts.add(fromPolygon(p));
            }
        }
        if (parts.isEmpty()) {
            throw new InvalidFenceException(InvalidFenceException.Reason.EMPTY_AFTER_REPAIR,
                    "the shape has no area left after repair");
        }
        return parts.size() == 1 ? parts.get(0) : new FenceShape.MultiPolygon(parts);
    }

    /** The JTS geometry of a polygon shape (x = longitude, y = latitude). */
    static Geometry toGeometry(FenceShape shape) {
        if (shape instanceof FenceShape.Polygon p) {
            return toPolygon(p);
        }
        if (shape instanceof FenceShape.MultiPolygon m) {
            org.locationtech.jts.geom.Polygon[] polygons = new org.locationtech.jts.geom.Polygon[m.parts().size()];
            for (int i = 0; i < polygons.length; i++) {
                polygons[i] = toPolygon(m.parts().get(i));
            }
            return FACTORY.createMultiPolygon(polygons);
        }
        throw new IllegalArgumentException("a circle has no polygon geometry");
    }

    private static org.locationtech.jts.geom.Polygon toPolygon(FenceShape.Polygon p) {
        LinearRing[] holes = new LinearRing[p.holes().size()];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = ring(p.holes().get(i));
        }
        return FACTORY.createPolygon(ring(p.shell()), holes);
    }

    private static LinearRing ring(List<GeoPoint> points) {
        Coordinate[] c = new Coordinate[points.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = new Coordinate(points.get(i).lng(), points.get(i).lat());
        }
        return FACTORY.createLinearRing(c);
    }

    private static FenceShape.Polygon fromPolygon(org.locationtech.jts.geom.Polygon p) {
        List<List<GeoPoint>> holes = new ArrayList<>();
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            holes.add(points(p.getInteriorRingN(i).getCoordinates()));
        }
        return new FenceShape.Polygon(points(p.getExteriorRing().getCoordinates()), holes);
    }

    private static List<GeoPoint> points(Coordinate[] coordinates) {
        List<GeoPoint> out = new ArrayList<>(coordinates.length);
        for (Coordinate c : coordinates) {
            out.add(new GeoPoint(c.y, c.x));
        }
        return out;
    }
}
