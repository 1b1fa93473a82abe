package io.github.geodispatch.journal.internal;

import io.github.geodispatch.journal.JournalProblem;
import io.github.geodispatch.journal.JournalReader;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.journal.JournalSummary;
import io.github.geodispatch.journal.JournalSyntaxException;
import io.github.geodispatch.journal.JournalWriter;
import io.github.geodispatch.spi.TechnicianId;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The byte-level ping path against its oracle, the general (Jackson) parser that {@link JournalReader#parseLine}
 * uses alone: whatever a line holds, the reader (which tries the ping path first) gives the record or the problem
 * the general parser gives.
 */
class PlainPingReaderProperties {
    /** A first line naming the technician, so that the line under test may take the ping path. */
    private static final String SEED = "{\"type\":\"ping\",\"ping_id\":\"seed\",\"technician\":\"T-7\","
            + "\"at\":\"2026-11-01T08:00:00+05:30\",\"lat\":12.9,\"lng\":77.6}";

    private static final String DELETE = "delete";

    /** What one line read to: a record, or a problem's kind and message. */
    record Outcome(JournalRecord record, JournalProblem.Kind kind, String message) {}

    static Outcome oracle(String line) {
        try {
            return new Outcome(JournalReader.parseLine(line), null, null);
        } catch (JournalSyntaxException e) {
            return new Outcome(null, e.kind(), e.getMessage());
        }
    }

    /** The outcome of {@code line} read by the reader after {@link #SEED}. */
    private static Outcome read(String line) throws IOException {
        return read(SEED, line);
    }

    /** The outcome of {@code line} read by the reader after the line {@code seed}. */
    static Outcome read(String seed, String line) throws IOException {
        List<JournalRecord> records = new ArrayList<>();
        byte[] bytes = (seed + "\n" + line + "\n").getBytes(StandardCharsets.UTF_8);
        JournalSummary summary = JournalReader.create().read(new ByteArrayInputStream(bytes), (n, r) -> {
            if (n == 2) {
                records.add(r);
            }
        });
        if (!records.isEmpty()) {
            return new Outcome(records.get(0), null, null);
        }
        JournalProblem problem = summary.problems().get(0);
        return new Outcome(null, problem.kind(), problem.message());
    }

    static String written(JournalRecord record) throws IOException {
        StringWriter out = new StringWriter();
        try (JournalWriter writer = JournalWriter.to(out)) {
            writer.write(record);
        }
        return out.toString().strip();
    }

    @Property(tries = 300)
    void aWrittenPingReadsBackThroughThePingPathAsTheGeneralParserReadsIt(@ForAll("pings") JournalRecord.Ping ping)
            throws IOException {
        String line = written(ping);

        assertThat(read(line)).isEqualTo(oracle(line)).isEqualTo(new Outcome(ping, null, null));
    }

    @Property(tries = 600)
    void anyEditOfAPingLineReadsAsTheGeneralParserReadsIt(@ForAll("pings") JournalRecord.Ping ping,
            @ForAll("edits") String edit, @ForAll @IntRange(min = 0, max = 10_000) int where) throws IOException {
        String line = written(ping);
        int at = where % (line.length() + 1);
        String edited = edit.equals(DELETE) ? line.substring(0, at) + line.substring(Math.min(line.length(), at + 1))
                : line.substring(0, at) + edit + line.substring(at);

        assertThat(read(edited)).isEqualTo(oracle(edited));
    }

    @Test
    void numbersOfEveryJsonShapeReadAsTheGeneralParserReadsThem() throws IOException {
        for (String number : List.of("0", "-0", "-0.0", "12", "-12", "12.5", "1e1", "1E+1", "125e-1", "-0e0",
                "012", "1.", ".5", "+1", "1e", "--1", "NaN", "1.5.5", "123456789012345678", "1234567890123456789",
                "12.000000000000000000000000000000000000000000000000000000000000000000000000000001")) {
            String line = "{\"type\":\"ping\",\"ping_id\":\"p\",\"technician\":\"T-7\","
                    + "\"at\":\"2026-11-01T08:00:00+05:30\",\"lat\":" + number + ",\"lng\":77.6,\"accuracy_m\":5}";
            assertThat(read(line)).as(number).isEqualTo(oracle(line));
        }
    }

    @Test
    void theWritersShapeTakesThePingPathAndAnotherShapeDoesNot() throws IOException {
        RecordParser parser = new RecordParser();
        byte[] seed = SEED.getBytes(StandardCharsets.US_ASCII);
        assertThat(parser.plainPing(seed, 0, seed.length)).as("technician not seen before").isNull();
        try (JsonParser general = new JsonFactory().createParser(seed)) {
            parser.parse(general); // the general path names the technician to the parser's cache
        }

        assertThat(parser.plainPing(seed, 0, seed.length)).isEqualTo(JournalReader.parseLine(SEED));
        byte[] spaced = SEED.replace(",\"lat\"", ", \"lat\"").getBytes(StandardCharsets.US_ASCII);
        assertThat(parser.plainPing(spaced, 0, spaced.length)).isNull();
        byte[] minusZero = SEED.replace("12.9", "-0").getBytes(StandardCharsets.US_ASCII);
        assertThat(Double.doubleToLongBits(parser.plainPing(minusZero, 0, minusZero.length).lat()))
                .as("-0 is the integer 0, as the general parser reads it").isEqualTo(Double.doubleToLongBits(0.0));
    }

    @Provide
    Arbitrary<JournalRecord.Ping> pings() {
        Arbitrary<String> ids = Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().withChars('-', '_').ofMinLength(1)
                .ofMaxLength(20), Arbitraries.strings().ofMinLength(1).ofMaxLength(8).filter(s -> !s.isBlank()));
        Arbitrary<OffsetDateTime> times = Combinators.combine(Arbitraries.longs().between(1_700_000_000L, 1_900_000_000L),
                Arbitraries.of(0, 0, 0, 123_000_000, 1, 999_999_999),
                Arbitraries.of(19_800, 0, -18_000, 10_800, 20_700)).as((s, n, o) ->
                OffsetDateTime.of(LocalDateTime.ofEpochSecond(s, n, ZoneOffset.ofTotalSeconds(o)), ZoneOffset.ofTotalSeconds(o)));
        Arbitrary<Double> lats = Arbitraries.oneOf(Arbitraries.doubles().between(-90, 90),
                Arbitraries.of(0.0, -0.0, 90.0, -90.0, 13.0, 1e-7, -4.9e-324, 12.971598));
        Arbitrary<Double> lngs = Arbitraries.oneOf(Arbitraries.doubles().between(-180, 180),
                Arbitraries.of(0.0, -0.0, 180.0, -180.0, 77.0, 1.0E-5, 77.594566));
        Arbitrary<Double> accuracies = Arbitraries.oneOf(Arbitraries.doubles().between(0, 5_000),
                Arbitraries.of(0.0, 6.0, 1e20, 2.5));
        return Combinators.combine(ids, Arbitraries.of("T-7", "T-7", "T-8"), times, lats, lngs, accuracies)
                .as((id, t, at, lat, lng, acc) -> new JournalRecord.Ping(id, new TechnicianId(t), at, lat, lng, acc));
    }

    /** An insertion at a random place of the line, or the deletion of one character there. */
    @Provide
    Arbitrary<String> edits() {
        return Arbitraries.of(DELETE, DELETE, DELETE, " ", "\t", "0", "1", "-", ".", "e", "\\", "\"", "\\u0041", ",", "}", "{", "é",
                ",\"x\":1", ",\"lat\":1", "+", "E-3", "null");
    }
}
