package io.github.geodispatch.geofence;

import io.github.geodispatch.testdata.SampleData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pings CSV against the hostile inputs of issue 17 (kept in {@code examples/data/hostile/}). */
class PingCsvTest {

    private static PingCsv.Result read(InputStream in, List<Ping> pings) throws IOException {
        return PingCsv.read(in, pings::add);
    }

    @Test
    void aByteOrderMarkIsSkippedAndEachBadRowIsRejectedAloneWithItsNumber() throws IOException {
        List<Ping> pings = new ArrayList<>();
        PingCsv.Result result;
        try (InputStream in = Files.newInputStream(SampleData.path("hostile/pings-bom-and-bad-rows.csv"))) {
            result = read(in, pings);
        }

        assertThat(result.rows()).isEqualTo(5);
        assertThat(pings).extracting(Ping::pingId).containsExactly("T-016-1", "T-016-2", "T-016-3", "T-012-1", "T-016-4");
        assertThat(result.rejected()).isEqualTo(6);
        assertThat(result.problems()).extracting(PingCsv.Problem::line).containsExactly(4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(result.problems()).extracting(PingCsv.Problem::message).satisfiesExactly(
                m -> assertThat(m).isEqualTo("lat is not a decimal number: '0x1p3'"),
                m -> assertThat(m).isEqualTo("lat is not a decimal number: 'NaN'"),
                m -> assertThat(m).isEqualTo("lng is not a decimal number: '77.6002493d'"),
                m -> assertThat(m).isEqualTo("not UTF-8: byte 0xC3 at byte 12 of the line"),
                m -> assertThat(m).startsWith("control character U+0000 at byte 1"),
                m -> assertThat(m).isEqualTo("lat is not a decimal number: 'Infinity'"));
    }

    @Test
    void decimalsWithSignsFractionsAndExponentsAreNumbers() throws IOException {
        String csv = "ping_id,technician_id,timestamp,lat,lng,accuracy_m\r"
                + "a,T-1,2026-11-03T08:31:25+05:30,+12.5,-.5e1,1E0\r"
                + "b,T-1,2026-11-03T08:31:55+05:30,12.,77,0.0\r";
        List<Ping> pings = new ArrayList<>();

        PingCsv.Result result = read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), pings);

        assertThat(result.problems()).isEmpty();
        assertThat(pings).extracting(p -> p.point().lat()).containsExactly(12.5, 12.0);
        assertThat(pings.get(0).point().lng()).isEqualTo(-5.0);
    }

    /**
     * A timestamp outside years 0001-9999 is a rejected row naming it (the visit tracker's millisecond arithmetic
     * overflowed on the JDK's extremes); the first and last moments of 0001 and 9999 still read.
     */
    @Test
    void aTimestampOutsideYears0001To9999IsARejectedRow() throws IOException {
        String csv = "ping_id,technician_id,timestamp,lat,lng,accuracy_m\n"
                + "a,T-1,2026-11-03T08:31:25+05:30,12.5,77.5,10\n"
                + "b,T-1,+999999999-12-31T23:59:59-18:00,12.5,77.5,10\n"
                + "c,T-1,-999999999-01-01T00:00:00+18:00,12.5,77.5,10\n"
                + "d,T-1,0000-12-31T23:59:59Z,12.5,77.5,10\n"
                + "e,T-1,0001-01-01T00:00:00+05:30,12.5,77.5,10\n"
                + "f,T-1,9999-12-31T23:59:59-18:00,12.5,77.5,10\n";
        List<Ping> pings = new ArrayList<>();

        PingCsv.Result result = read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), pings);

        assertThat(pings).extracting(Ping::pingId).containsExactly("a", "e", "f");
        assertThat(result.rejected()).isEqualTo(3);
        assertThat(result.problems()).extracting(PingCsv.Problem::line).containsExactly(3L, 4L, 5L);
        assertThat(result.problems()).extracting(PingCsv.Problem::message).containsExactly(
                "timestamp +999999999-12-31T23:59:59-18:00 is outside the years 0001-9999",
                "timestamp -999999999-01-01T00:00+18:00 is outside the years 0001-9999",
                "timestamp 0000-12-31T23:59:59Z is outside the years 0001-9999");
    }

    @Test
    void aHeaderWithoutARequiredColumnOrAnEmptyFileIsUnusable() {
        assertThatThrownBy(() -> read(new ByteArrayInputStream("ping_id,lat\n".getBytes(StandardCharsets.UTF_8)),
                new ArrayList<>())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lacks column");
        assertThatThrownBy(() -> read(new ByteArrayInputStream(new byte[0]), new ArrayList<>()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    @Test
    void countsAreExactWhileOnlyTheFirstProblemsAreKept() throws IOException {
        String csv = "ping_id,technician_id,timestamp,lat,lng,accuracy_m\n" + "x\n".repeat(PingCsv.MAX_KEPT_PROBLEMS + 10);

        PingCsv.Result result = read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), new ArrayList<>());

        assertThat(result.rejected()).isEqualTo(PingCsv.MAX_KEPT_PROBLEMS + 10);
        assertThat(result.problems()).hasSize(PingCsv.MAX_KEPT_PROBLEMS);
    }
}
