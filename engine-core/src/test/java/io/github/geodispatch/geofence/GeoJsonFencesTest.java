package io.github.geodispatch.geofence;

import io.github.geodispatch.testdata.SampleData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading robustness of the fences file: bytes, duplicate keys, trailing content. */
class GeoJsonFencesTest {
    private static final String ONE = "{\"type\":\"FeatureCollection\",\"features\":[\n"
            + "{\"type\":\"Feature\",\"properties\":{\"id\":\"S-1\",\"kind\":\"site\",\"radius_m\":50},"
            + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[77.6,12.9]}}]}";

    private static List<Fence> read(byte[] bytes) throws Exception {
        return GeoJsonFences.read(new ByteArrayInputStream(bytes), GeoJsonFences.InvalidPolygons.REJECT);
    }

    @Test
    void aByteOrderMarkIsSkipped() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes(ONE.getBytes(StandardCharsets.UTF_8));

        assertThat(read(bytes.toByteArray())).extracting(f -> f.id().value()).containsExactly("S-1");
    }

    @Test
    void bytesThatAreNotUtf8OrNulBytesFailNamingTheLine() {
        byte[] latin1 = ONE.replace("S-1", "S-\u00e91").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> read(latin1)).isInstanceOf(GeoJsonFences.FenceImportException.class)
                .hasMessage("line 2: not UTF-8: byte 0xE9");

        byte[] nul = ("\n" + ONE.replace("[77.6,12.9]", "[77.6,\u0000 12.9]")).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(nul)).isInstanceOf(GeoJsonFences.FenceImportException.class)
                .hasMessageStartingWith("line 3: not valid JSON");
    }

    @Test
    void aKeyGivenTwiceOrContentAfterTheCollectionIsNotValidJson() {
        assertThatThrownBy(() -> read(ONE.replace("\"kind\":\"site\"", "\"kind\":\"site\",\"kind\":\"branch\"")
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("Duplicate field 'kind'");
        assertThatThrownBy(() -> read((ONE + "\n\n {}").getBytes(StandardCharsets.UTF_8)))
                .hasMessage("line " + (ONE.split("\n", -1).length + 2)
                        + ": not valid JSON: content after the end of the FeatureCollection");
    }

    @Test
    void theSampleFencesStillRead() throws Exception {
        assertThat(read(Files.readAllBytes(SampleData.path("attendance/fences.geojson")))).hasSizeGreaterThan(100);
    }

    /** Jackson's stream limits (a number too long, nesting too deep) come without a location: no line, no crash. */
    @Test
    void aNumberTooLongOrNestingTooDeepIsNotValidJsonWithoutALine() {
        String longNumber = ONE.replace("[77.6,12.9]", "[77.6,1" + "0".repeat(2_000) + "]");
        assertThatThrownBy(() -> read(longNumber.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(GeoJsonFences.FenceImportException.class)
                .hasMessageStartingWith("not valid JSON: ")
                .hasMessageContaining("Number value length (2001) exceeds the maximum allowed (1000")
                .hasMessageNotContaining("StreamReadConstraints").hasMessageNotContaining("line");

        String deep = "{\"type\":\"FeatureCollection\",\"features\":" + "[".repeat(1_200) + "]".repeat(1_200) + "}";
        assertThatThrownBy(() -> read(deep.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(GeoJsonFences.FenceImportException.class)
                .hasMessageStartingWith("not valid JSON: ")
                .hasMessageContaining("nesting depth (1001) exceeds the maximum allowed (1000")
                .hasMessageNotContaining("StreamReadConstraints");
    }
}
