package io.github.geodispatch.geofence;
import io.github.geodispatch.geofence.internal.FenceShapes;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.text.internal.Utf8Text;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads fences from a GeoJSON FeatureCollection (Jackson). Each feature needs {@code properties.id}
 * and {@code properties.kind} ({@code site}, {@code branch} or {@code area}); a {@code Point} with
 * {@code properties.radius_m} is a circle, {@code Polygon} and {@code MultiPolygon} are taken as they
 * are (coordinates {@code [lng, lat]}). The file is UTF-8 (a byte order mark is skipped); bytes that are not
 * UTF-8, a control character outside JSON's whitespace, a key given twice in one object or anything after the
 * collection fail the read naming the line. Any problem fails the whole read with a
 * {@link FenceImportException} naming the feature. Stateless and thread-safe.
 */
public final class GeoJsonFences {
    /** What to do with a polygon that is not topologically valid (or has an unclosed ring). */
    public enum InvalidPolygons {
        /** Fail the read with the shape's {@link InvalidFenceException}. */
        REJECT,
        /** Close unclosed rings and fix self-intersections with JTS's GeometryFixer. */
        REPAIR
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private GeoJsonFences() {}

    public static List<Fence> read(Path file, InvalidPolygons policy) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, policy);
        }
    }

    public static List<Fence> read(InputStream in, InvalidPolygons policy) throws IOException {
        JsonNode root;
        try (JsonParser parser = MAPPER.createParser(utf8(in.readAllBytes()))) {
            root = MAPPER.readTree(parser);
            if (parser.nextToken() != null) {
                throw new FenceImportException("line " + parser.currentLocation().getLineNr()
                        + ": not valid JSON: content after the end of the FeatureCollection", null);
            }
        } catch (JsonProcessingException e) {
            throw new FenceImportException(notValidJson(e), e);
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new FenceImportException("expected a GeoJSON FeatureCollection", null);
        }
        JsonNode features = root.path("features");
        if (!features.isArray()) {
            throw new FenceImportException("the FeatureCollection has no 'features' array", null);
        }
        List<Fence> out = new ArrayList<>();
        Set<FenceId> ids = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            String where = "feature " + (i + 1) + idSuffix(feature);
            try {
                Fence fence = fence(feature, policy);
                if (!ids.add(fence.id())) {
                    throw new IllegalArgumentException("duplicate fence id " + fence.id());
                }
                out.add(fence);
            } catch (IllegalArgumentException e) {
                throw new FenceImportException(where + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * {@code line N: not valid JSON: <what>}; without the line when Jackson knows none (its stream limits, a number
     * longer than 1,000 digits or nesting deeper than 1,000, report no location), and without the name of the
     * Jackson setting the limit comes from.
     */
    private static String notValidJson(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String what = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        what = what.replaceAll(", from `StreamReadConstraints\\.[A-Za-z]+\\(\\)`", "");
        return (at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr() + ": ") + "not valid JSON: " + what;
    }

    /** The text of {@code bytes}, without a byte order mark; bytes that are not UTF-8 fail naming their line. */
    private static String utf8(byte[] bytes) {
        String text = Utf8Text.decode(bytes, (line, badByte) -> new FenceImportException(
                String.format("line %d: not UTF-8: byte 0x%02X", line, badByte), null));
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String idSuffix(JsonNode feature) {
        JsonNode id = feature.path("properties").path("id");
        return id.isTextual() ? " (id " + id.asText() + ")" : "";
    }

    private static Fence fence(JsonNode feature, InvalidPolygons policy) {
        JsonNode props = feature.path("properties");
        JsonNode id = props.path("id");
        if (!id.isTextual()) {
            throw new IllegalArgumentException("properties.id must be a string");
        }
        JsonNode kind = props.path("kind");
        if (!kind.isTextual()) {
            throw new IllegalArgumentException("properties.kind must be one of site, branch, area");
        }
        JsonNode geometry = feature.path("geometry");
        String type = geometry.path("type").asText("");
        JsonNode coords = geometry.path("coordinates");
        FenceShape shape = switch (type) {
            case "Point" -> {
                JsonNode r = props.path("radius_m");
                if (!r.isNumber()) {
                    throw new IllegalArgumentException("a Point fence needs a numeric properties.radius_m");
                }
                yield new FenceShape.Circle(point(coords), r.asDouble());
            }
            case "Polygon" -> polygon(coords, policy);
            case "MultiPolygon" -> {
                if (!coords.isArray() || coords.isEmpty()) {
                    throw new InvalidFenceException(InvalidFenceException.Reason.TOO_FEW_POINTS, "MultiPolygon has no polygons");
                }
                List<FenceShape.Polygon> parts = new ArrayList<>();
                for (JsonNode p : coords) {
                    parts.add(polygon(p, policy));
                }
                yield new FenceShape.MultiPolygon(parts);
            }
            default -> throw new IllegalArgumentException("geometry type must be Point, Polygon or MultiPolygon, was '" + type + "'");
        };
        if (policy == InvalidPolygons.REPAIR) {
            shape = FenceShapes.repair(shape);
        }
        return new Fence(new FenceId(id.asText()), FenceKind.fromGeoJsonName(kind.asText()), shape);
    }

    private static FenceShape.Polygon polygon(JsonNode rings, InvalidPolygons policy) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new InvalidFenceException(InvalidFenceException.Reason.TOO_FEW_POINTS, "Polygon has no rings");
        }
        List<List<GeoPoint>> parsed = new ArrayList<>();
        for (JsonNode ring : rings) {
            if (!ring.isArray()) {
                throw new IllegalArgumentException("a polygon ring must be an array of positions");
            }
            List<GeoPoint> points = new ArrayList<>();
            for (JsonNode position : ring) {
                points.add(point(position));
            }
            if (policy == InvalidPolygons.REPAIR && points.size() >= 3 && !points.get(0).equals(points.get(points.size() - 1))) {
                points.add(points.get(0));
            }
            parsed.add(points);
        }
        return new FenceShape.Polygon(parsed.get(0), parsed.subList(1, parsed.size()));
    }

    private static GeoPoint point(JsonNode position) {
        if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
            throw new InvalidFenceException(InvalidFenceException.Reason.BAD_COORDINATE,
                    "a position must be [lng, lat] numbers, was " + position);
        }
        try {
            return new GeoPoint(position.get(1).asDouble(), position.get(0).asDouble());
        } catch (IllegalArgumentException e) {
            throw new InvalidFenceException(InvalidFenceException.Reason.BAD_COORDINATE, e.getMessage());
        }
    }

    /** A GeoJSON file that cannot be turned into fences; the message names the feature and the problem. */
    public static final class FenceImportException extends IllegalArgumentException {
        FenceImportException(String message, Throwable cause) {
            super(message, cause);
        }
    }

}
