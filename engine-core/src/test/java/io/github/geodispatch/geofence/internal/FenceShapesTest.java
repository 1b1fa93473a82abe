package io.github.geodispatch.geofence.internal;
import io.github.geodispatch.geofence.Fence;
import io.github.geodispatch.geofence.FenceId;
import io.github.geodispatch.geofence.FenceIndex;
import io.github.geodispatch.geofence.FenceKind;
import io.github.geodispatch.geofence.FenceShape;
import io.github.geodispatch.geofence.GeoJsonFences;
import io.github.geodispatch.geofence.InvalidFenceException;
import io.github.geodispatch.spi.GeoPoint;
import org.junit.jupiter.api.Test;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FenceShapesTest {
    private static final GeoPoint A = GeoPoint.of(12.0, 77.0), B = GeoPoint.of(12.0, 77.01),
            C = GeoPoint.of(12.01, 77.01), D = GeoPoint.of(12.01, 77.0);

    @Test
    void structurallyBadRingsAreRejectedWithTheirReason() {
        assertThatThrownBy(() -> new FenceShape.Polygon(List.of(A, B, C, D)))
                .isInstanceOfSatisfying(InvalidFenceException.class, e -> assertThat(e.reason()).isEqualTo(InvalidFenceException.Reason.UNCLOSED_RING));
        assertThatThrownBy(() -> new FenceShape.Polygon(List.of(A, B, A)))
                .isInstanceOfSatisfying(InvalidFenceException.class, e -> assertThat(e.reason()).isEqualTo(InvalidFenceException.Reason.TOO_FEW_POINTS));
        assertThatThrownBy(() -> new FenceShape.Polygon(List.of(A, B, B, A)))
                .isInstanceOfSatisfying(InvalidFenceException.class, e -> assertThat(e.reason()).isEqualTo(InvalidFenceException.Reason.TOO_FEW_POINTS));
        assertThatThrownBy(() -> new FenceShape.Circle(A, Double.NaN))
                .isInstanceOfSatisfying(InvalidFenceException.class, e -> assertThat(e.reason()).isEqualTo(InvalidFenceException.Reason.BAD_RADIUS));
        assertThatThrownBy(() -> GeoPoint.of(Double.NaN, 77)).hasMessageContaining("latitude");
    }

    @Test
    void aBowTieIsRejectedOrRepairedIntoTwoTriangles() {
        FenceShape bowTie = new FenceShape.Polygon(List.of(A, C, B, D, A));
        assertThatThrownBy(() -> Fence.of("X", FenceKind.SITE, bowTie))
                .isInstanceOfSatisfying(InvalidFenceException.class, e -> {
                    assertThat(e.reason()).isEqualTo(InvalidFenceException.Reason.SELF_INTERSECTION);
                    assertThat(e.getMessage()).contains("Self-intersection");
                });
        FenceShape repaired = FenceShapes.repair(bowTie);
        assertThat(repaired).isInstanceOfSatisfying(FenceShape.MultiPolygon.class, m -> assertThat(m.parts()).hasSize(2));
        Fence fence = Fence.of("X", FenceKind.SITE, repaired);
        FenceIndex index = FenceIndex.builder().build();
        index.add(fence);
        assertThat(index.fencesAt(GeoPoint.of(12.005, 77.002))).containsExactly(fence);
        assertThat(index.fencesAt(GeoPoint.of(12.0005, 77.005))).isEmpty();
        assertThat(FenceShapes.repair(new FenceShape.Circle(A, 10))).isEqualTo(new FenceShape.Circle(A, 10));
    }

    @Test
    void coversHaveInteriorCellsForLargeFences() {
        H3CoverFenceIndex index = new H3CoverFenceIndex(11);
        index.add(Fence.of("big", FenceKind.SERVICE_AREA, new FenceShape.Circle(A, 500)));
        FenceCover cover = index.cover(FenceId.of("big")).orElseThrow();
        assertThat(cover.interiorCells()).hasSizeGreaterThan(100);
        assertThat(cover.boundaryCells()).isNotEmpty();
        assertThat(H3Runtime.h3().isValidCell(cover.interiorCells()[0])).isTrue();
        assertThatThrownBy(() -> index.add(Fence.of("big", FenceKind.SITE, new FenceShape.Circle(A, 5))))
                .hasMessageContaining("already");
        assertThat(index.remove(FenceId.of("nope"))).isFalse();
    }

    @Test
    void geoJsonImportReadsCirclesPolygonsAndKinds() throws Exception {
        String json = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"id":"S-1","kind":"site","radius_m":80},"geometry":{"type":"Point","coordinates":[77.0,12.0]}},
                 {"type":"Feature","properties":{"id":"BR-1","kind":"branch"},"geometry":{"type":"Polygon","coordinates":[[[77.0,12.0],[77.01,12.0],[77.01,12.01],[77.0,12.01],[77.0,12.0]]]}},
                 {"type":"Feature","properties":{"id":"Z-1","kind":"area"},"geometry":{"type":"MultiPolygon","coordinates":[[[[77.0,12.0],[77.01,12.0],[77.01,12.01],[77.0,12.0]]]]}}
                ]}""";
        List<Fence> fences = read(json, GeoJsonFences.InvalidPolygons.REJECT);
        assertThat(fences).extracting(Fence::kind).containsExactly(FenceKind.SITE, FenceKind.BRANCH, FenceKind.SERVICE_AREA);
        assertThat(fences.get(0).shape()).isEqualTo(new FenceShape.Circle(GeoPoint.of(12.0, 77.0), 80));
    }

    @Test
    void geoJsonProblemsNameTheFeature() throws Exception {
        String unclosed = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"id":"S-1","kind":"site"},"geometry":{"type":"Polygon","coordinates":[[[77.0,12.0],[77.01,12.0],[77.01,12.01],[77.0,12.01]]]}}]}""";
        assertThatThrownBy(() -> read(unclosed, GeoJsonFences.InvalidPolygons.REJECT))
                .hasMessageContaining("feature 1 (id S-1)").hasMessageContaining("UNCLOSED_RING");
        assertThat(read(unclosed, GeoJsonFences.InvalidPolygons.REPAIR)).hasSize(1);
        assertThatThrownBy(() -> read("""
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"S-1","kind":"shop","radius_m":5},"geometry":{"type":"Point","coordinates":[77.0,12.0]}}]}""",
                GeoJsonFences.InvalidPolygons.REJECT)).hasMessageContaining("site, branch, area");
        assertThatThrownBy(() -> read("""
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"S-1","kind":"site"},"geometry":{"type":"Point","coordinates":[77.0,12.0]}}]}""",
                GeoJsonFences.InvalidPolygons.REJECT)).hasMessageContaining("radius_m");
        assertThatThrownBy(() -> read("""
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"S-1","kind":"site","radius_m":5},"geometry":{"type":"Point","coordinates":[277.0,12.0]}}]}""",
                GeoJsonFences.InvalidPolygons.REJECT)).hasMessageContaining("BAD_COORDINATE");
        assertThatThrownBy(() -> read("{\"type\":\"Feature\"}", GeoJsonFences.InvalidPolygons.REJECT))
                .hasMessageContaining("FeatureCollection");
        assertThatThrownBy(() -> read("{not json", GeoJsonFences.InvalidPolygons.REJECT)).hasMessageContaining("not valid JSON");
    }

    @Test
    void ringsAcrossTheAntimeridianAreAClearErrorNamingTheFeature() throws Exception {
        String fiji = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"id":"S-1","kind":"site","radius_m":80},"geometry":{"type":"Point","coordinates":[179.99,-17.0]}},
                 {"type":"Feature","properties":{"id":"TAVEUNI","kind":"area"},"geometry":{"type":"Polygon","coordinates":[[[179.5,-17.0],[-179.5,-17.0],[-179.5,-16.0],[179.5,-16.0],[179.5,-17.0]]]}}]}""";
        for (GeoJsonFences.InvalidPolygons policy : GeoJsonFences.InvalidPolygons.values()) {
            assertThatThrownBy(() -> read(fiji, policy)).hasMessageContaining("feature 2 (id TAVEUNI)")
                    .hasMessageContaining("CROSSES_ANTIMERIDIAN").hasMessageContaining("shell edge 1")
                    .cause().isInstanceOfSatisfying(InvalidFenceException.class,
                            e -> assertThat(e.reason()).isEqualTo(InvalidFenceException.Reason.CROSSES_ANTIMERIDIAN));
        }
        GeoPoint e = GeoPoint.of(-17, 179.5), w = GeoPoint.of(-17, -179.5), n = GeoPoint.of(-16, -179.5);
        assertThatThrownBy(() -> new FenceShape.Polygon(List.of(A, B, C, D, A), List.of(List.of(e, w, n, e))))
                .hasMessageContaining("hole 1 edge 1");
        // up to the antimeridian from either side is fine, and a circle there works on the globe
        FenceShape east = new FenceShape.Polygon(List.of(GeoPoint.of(-17, 179.5), GeoPoint.of(-17, 180), GeoPoint.of(-16, 180),
                GeoPoint.of(-17, 179.5)));
        FenceIndex index = FenceIndex.builder().build();
        index.add(Fence.of("E", FenceKind.SERVICE_AREA, east));
        index.add(Fence.of("C", FenceKind.SITE, new FenceShape.Circle(GeoPoint.of(-16.5, 180), 2_000)));
        assertThat(index.fencesAt(GeoPoint.of(-16.5, -179.99))).extracting(f -> f.id().value()).containsExactly("C");
        assertThat(index.fencesAt(GeoPoint.of(-16.9, 179.9))).extracting(f -> f.id().value()).containsExactly("E");
        assertThat(index.fencesAt(GeoPoint.of(-16.9, 0))).isEmpty();
    }

    private static List<Fence> read(String json, GeoJsonFences.InvalidPolygons policy) throws Exception {
        return GeoJsonFences.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), policy);
    }
}
