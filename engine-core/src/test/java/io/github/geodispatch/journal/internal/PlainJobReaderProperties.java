package io.github.geodispatch.journal.internal;

import io.github.geodispatch.journal.JournalReader;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.journal.StockRecords;
import io.github.geodispatch.journal.internal.PlainPingReaderProperties.Outcome;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.CoverageKind;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.LocationId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static io.github.geodispatch.journal.internal.PlainPingReaderProperties.oracle;
import static io.github.geodispatch.journal.internal.PlainPingReaderProperties.read;
import static io.github.geodispatch.journal.internal.PlainPingReaderProperties.written;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The byte-level job creation, status, assignment, payment, invoice and part path, and the stock transfer's, against
 * its oracle, the general (Jackson)
 * parser: whatever a line holds, the reader (which tries the byte-level paths first) gives the record or the problem
 * the general parser gives.
 */
class PlainJobReaderProperties {
    /** A first line naming job J-1 and technician T-7, so that the line under test may take the byte-level path. */
    private static final String SEED = "{\"type\":\"job.assigned\",\"job\":\"J-1\",\"at\":\"2026-11-01T08:00:00+05:30\","
            + "\"technician\":\"T-7\"}";
    private static final String DELETE = "delete";

    @Property(tries = 300)
    void aWrittenJobLineReadsBackAsTheGeneralParserReadsIt(@ForAll("records") JournalRecord record)
            throws IOException {
        String line = written(record);

        assertThat(read(SEED, line)).isEqualTo(oracle(line)).isEqualTo(new Outcome(record, null, null));
    }

    @Property(tries = 600)
    void anyEditOfAJobLineReadsAsTheGeneralParserReadsIt(
            @ForAll("records") JournalRecord record, @ForAll("edits") String edit,
            @ForAll @IntRange(min = 0, max = 10_000) int where) throws IOException {
        String line = written(record);
        int at = where % (line.length() + 1);
        String edited = edit.equals(DELETE) ? line.substring(0, at) + line.substring(Math.min(line.length(), at + 1))
                : line.substring(0, at) + edit + line.substring(at);

        assertThat(read(SEED, edited)).isEqualTo(oracle(edited));
    }

    @Test
    void theWritersShapeTakesTheBytePathAndAnotherShapeDoesNot() throws IOException {
        RecordParser parser = new RecordParser();
        String status = "{\"type\":\"job.status\",\"job\":\"J-1\",\"at\":\"2026-11-01T09:00:00+05:30\",\"status\":\"EN_ROUTE\"}";
        String payment = "{\"type\":\"job.payment\",\"job\":\"J-1\",\"at\":\"2026-11-01T10:02:00+05:30\",\"mode\":\"UPI\","
                + "\"amount\":{\"amount\":\"4949.00\",\"currency\":\"INR\"},\"reference\":\"400000000076\"}";
        String invoice = "{\"type\":\"job.invoice\",\"job\":\"J-1\",\"at\":\"2026-11-01T10:05:00+05:30\","
                + "\"invoice_no\":\"INV/J-1\",\"amount\":{\"amount\":\"4949.00\",\"currency\":\"INR\"},\"parts\":[\"FAN-MTR\"]}";
        String part = "{\"type\":\"job.part\",\"job\":\"J-1\",\"at\":\"2026-11-01T09:30:00+05:30\",\"sku\":\"FAN-MTR\","
                + "\"hsn\":\"85013119\",\"qty\":1,\"unit_price\":{\"amount\":\"3200.00\",\"currency\":\"INR\"},"
                + "\"billable\":true}";
        byte[] statusBytes = bytes(status);
        byte[] seed = bytes(SEED);
        assertThat(parser.plain(statusBytes, 0, statusBytes.length)).as("job not seen before").isNull();
        assertThat(parser.plain(seed, 0, seed.length)).as("job and technician not seen before").isNull();
        try (JsonParser general = new JsonFactory().createParser(seed)) {
            parser.parse(general); // the general path names the job and technician to the parser's caches
        }

        assertThat(parser.plain(seed, 0, seed.length)).isEqualTo(JournalReader.parseLine(SEED));
        byte[] created = bytes(CREATED.replace("J-1", "J-3"));
        assertThat(parser.plain(created, 0, created.length)).as("a creation names its job").isNotNull();
        byte[] createdStatus = bytes(status.replace("J-1", "J-3"));
        assertThat(parser.plain(createdStatus, 0, createdStatus.length)).as("the job a creation named")
                .isEqualTo(JournalReader.parseLine(status.replace("J-1", "J-3")));
        assertThat(parser.plain(statusBytes, 0, statusBytes.length)).isEqualTo(JournalReader.parseLine(status));
        for (String writersLine : new String[] {payment, payment.replace(",\"reference\":\"400000000076\"", ""),
                invoice, invoice.replace("\"FAN-MTR\"", ""),
                invoice.replace("\"FAN-MTR\"", "\"FAN-MTR\",\"WIRE-1.5\""), part,
                part.replace(",\"hsn\":\"85013119\"", ""), part.replace("true", "false"),
                part.replace(":1,", ":99999,"), CREATED, CREATED.replace("J-1", "J-9"),
                CREATED.replace("80.0", "80").replace("12.989514123970997", "-0"),
                CREATED.replace("77.60575956058507", "1.0E-5"), TRANSFER, TRANSFER.replace("}", ",\"serials\":[\"S1\"]}"),
                TRANSFER.replace("}", ",\"serials\":[\"S1\",\"S2\"]}"), TRANSFER.replace("VAN-T-101", "VAN-T-102")}) {
            byte[] writersBytes = bytes(writersLine);
            assertThat(parser.plain(writersBytes, 0, writersBytes.length)).as(writersLine)
                    .isEqualTo(JournalReader.parseLine(writersLine));
        }
        for (String other : new String[] {status.replace("EN_ROUTE", "EN_ROUTED"),
                status.replace("}", ",\"reason\":\"traffic\"}"), status.replace(",\"at\"", ", \"at\""),
                status.replace("J-1", "J-2"), SEED.replace("T-7", "T-8"), status.replace("\"status\":", "\"Status\":"),
                payment.replace("UPI", "UPX"), payment.replace("INR", "inr"),
                payment.replace("076\"}", "076\",\"promised_on\":\"2026-11-09\"}"),
                payment.replace("4949.00", "4949.001"),
                payment.replace(",\"reference\":\"400000000076\"", ",\"reference\":null"),
                invoice.replace("\"FAN-MTR\"", "\"FAN-MTR\",null"), invoice.replace("]", ",]"),
                invoice.replace("INV/J-1", " "), invoice.replace("]}", "}}"), invoice.replace("]}", "]]"),
                part.replace(":1,", ":0,"), part.replace(":1,", ":01,"), part.replace(":1,", ":1234567890,"),
                part.replace(":1,", ":1.0,"), part.replace("true", "True"), part.replace("true}", "true]"),
                part.replace("85013119", "85"), part.replace(":1,", ":123456789,"),
                CREATED.replace("}}", "},\"coverage\":{\"kind\":\"AMC\",\"ref\":\"A-1\",\"valid_until\":\"2027-01-01\","
                        + "\"job_types\":[]}}"), CREATED.replace("80.0", "0.0"), CREATED.replace("12.98", "92.98"),
                CREATED.replace("77.60575956058507", "1e999"), CREATED.replace("80.0", "80.0,\"x\":1"),
                CREATED.replace("\"C-76\"", "\"\""), TRANSFER.replace(":4}", ":0}"),
                TRANSFER.replace("}", ",\"serials\":[]]}"), TRANSFER.replace("WH-1", " ")}) {
            byte[] otherBytes = bytes(other);
            assertThat(parser.plain(otherBytes, 0, otherBytes.length)).as(other).isNull();
        }
    }

    @Test
    void linesNamingTheSameBranchJobTypeOrSkuShareOneValue() throws IOException {
        RecordParser parser = new RecordParser();
        byte[] seed = bytes(SEED);
        try (JsonParser general = new JsonFactory().createParser(seed)) {
            parser.parse(general);
        }
        String part = "{\"type\":\"job.part\",\"job\":\"J-1\",\"at\":\"2026-11-01T09:30:00+05:30\",\"sku\":\"CAP-35\","
                + "\"hsn\":\"85321000\",\"qty\":1,\"unit_price\":{\"amount\":\"450.00\",\"currency\":\"INR\"},"
                + "\"billable\":true}";
        byte[] first = bytes(CREATED.replace("J-1", "J-3"));
        byte[] second = bytes(CREATED.replace("J-1", "J-4"));
        byte[] part1 = bytes(part);
        byte[] part2 = bytes(part.replace("09:30", "09:45"));
        byte[] transfer = bytes(TRANSFER);

        JournalRecord.JobCreated a = (JournalRecord.JobCreated) parser.plain(first, 0, first.length);
        JournalRecord.JobCreated b = (JournalRecord.JobCreated) parser.plain(second, 0, second.length);
        JournalRecord.JobPart p = (JournalRecord.JobPart) parser.plain(part1, 0, part1.length);
        JournalRecord.JobPart q = (JournalRecord.JobPart) parser.plain(part2, 0, part2.length);
        StockRecords.Transfer t = (StockRecords.Transfer) parser.plain(transfer, 0, transfer.length);

        // each job keeps its branch and type to the end of an audit: one instance for all, not one per line
        assertThat(b.branch()).isEqualTo(BranchId.of("BLR-1")).isSameAs(a.branch());
        assertThat(b.jobType()).isEqualTo("AC_SERVICE").isSameAs(a.jobType());
        assertThat(q.sku()).isEqualTo("CAP-35").isSameAs(p.sku()).isSameAs(t.sku());
        assertThat(q.hsn()).isEqualTo("85321000").isSameAs(p.hsn());
    }

    private static final String CREATED = "{\"type\":\"job.created\",\"job\":\"J-1\",\"at\":\"2026-11-02T07:00:00+05:30\","
            + "\"branch\":\"BLR-1\",\"customer\":\"C-76\",\"job_type\":\"AC_SERVICE\",\"site\":{\"lat\":12.989514123970997,"
            + "\"lng\":77.60575956058507,\"radius_m\":80.0},\"quote\":{\"amount\":\"1749.00\",\"currency\":\"INR\"}}";
    private static final String TRANSFER = "{\"type\":\"stock.transfer\",\"at\":\"2026-11-02T08:00:00+05:30\","
            + "\"from\":\"WH-1\",\"to\":\"VAN-T-101\",\"sku\":\"CAP-35\",\"qty\":4}";

    private static byte[] bytes(String line) {
        return line.getBytes(StandardCharsets.US_ASCII);
    }

    @Provide
    Arbitrary<JournalRecord> records() {
        Arbitrary<JobId> jobs = Arbitraries.of("J-1", "J-1", "J-2").map(JobId::new);
        Arbitrary<OffsetDateTime> times = Combinators.combine(Arbitraries.longs().between(1_700_000_000L, 1_900_000_000L),
                Arbitraries.of(0, 0, 0, 123_000_000, 1, 999_999_999),
                Arbitraries.of(19_800, 0, -18_000, 10_800, 20_700)).as((s, n, o) ->
                OffsetDateTime.of(LocalDateTime.ofEpochSecond(s, n, ZoneOffset.ofTotalSeconds(o)), ZoneOffset.ofTotalSeconds(o)));
        Arbitrary<String> reasons = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just(""),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(8));
        Arbitrary<JournalRecord> statuses = Combinators.combine(jobs, times,
                Arbitraries.of(JobStatus.class), reasons).as((j, t, s, r) -> new JournalRecord.JobStatusChanged(j, t, s, r));
        Arbitrary<JournalRecord> assignments = Combinators.combine(jobs, times,
                Arbitraries.of("T-7", "T-7", "T-8").map(TechnicianId::new)).as(JournalRecord.JobAssigned::new);
        Arbitrary<Money> amounts = Combinators.combine(Arbitraries.oneOf(Arbitraries.longs().between(0, 1_000_000),
                Arbitraries.of(0L, 1L, 99L, 100_000_000_000L)), Arbitraries.of(Currency.class)).as(Money::new);
        Arbitrary<String> optionals = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.just(null),
                Arbitraries.strings().ofMinLength(0).ofMaxLength(6));
        Arbitrary<LocalDate> promises = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.just(null),
                Arbitraries.just(null), Arbitraries.just(LocalDate.of(2026, 11, 9)));
        Arbitrary<JournalRecord> payments = Combinators.combine(jobs, times, Arbitraries.of(PaymentMode.class),
                amounts, optionals, promises, Arbitraries.of(null, null, null, "owner")).as((j, t, m, a, r, p, b) ->
                new JournalRecord.JobPayment(j, t, m, a, r, p, b));
        Arbitrary<List<String>> skus = Arbitraries.oneOf(Arbitraries.just(List.of()),
                Arbitraries.of("FAN-MTR", "WIRE-1.5", "", "Q\"").list().ofMaxSize(3),
                Arbitraries.strings().ofMaxLength(4).list().ofMaxSize(2));
        Arbitrary<JournalRecord> invoices = Combinators.combine(jobs, times,
                Arbitraries.of("INV/J-1", "INV/J-2", "I"), amounts, skus)
                .as(JournalRecord.JobInvoice::new);
        Arbitrary<Money> prices = Combinators.combine(Arbitraries.longs().between(0, 10_000_000),
                Arbitraries.of(Currency.class)).as(Money::new);
        Arbitrary<JournalRecord> parts = Combinators.combine(jobs, times,
                Arbitraries.of("FAN-MTR", "WIRE-1.5", "S"), Arbitraries.of(null, "85013119", "8544"),
                Arbitraries.of(1, 1, 2, 12, 100), prices, Arbitraries.of(true, false)).as(JournalRecord.JobPart::new);
        Arbitrary<GeoPoint> sites = Combinators.combine(
                Arbitraries.oneOf(Arbitraries.doubles().between(-90, 90), Arbitraries.of(0.0, -0.0, 90.0, 1e-7, 12.971598)),
                Arbitraries.oneOf(Arbitraries.doubles().between(-180, 180), Arbitraries.of(-180.0, 1.0E-5, 77.0)))
                .as(GeoPoint::new);
        Arbitrary<Double> radii = Arbitraries.oneOf(Arbitraries.doubles().between(0.5, 5_000),
                Arbitraries.of(80.0, 5_000.0, 1e-3, 150.5));
        Arbitrary<Coverage> coverages = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.just(null),
                Arbitraries.just(new Coverage(CoverageKind.values()[0], "A-1", LocalDate.of(2027, 1, 1), List.of("AC"))));
        Arbitrary<CustomerId> customers = Arbitraries.of("C-76", "C").map(CustomerId::new);
        Arbitrary<JournalRecord> creations = Combinators.combine(jobs, times,
                Combinators.combine(Arbitraries.of("BLR-1", "B").map(BranchId::new), customers).as(List::<Object>of),
                Arbitraries.of("AC_SERVICE", "x", "é"), sites, radii, prices, coverages)
                .as((j, t, whose, type, site, r, q, cov) -> new JournalRecord.JobCreated(j, t, (BranchId) whose.get(0),
                        (CustomerId) whose.get(1), type, site, r, q, cov));
        Arbitrary<JournalRecord> transfers = Combinators.combine(times, Arbitraries.of("WH-1", "VAN-T-101", "V"),
                Arbitraries.of("VAN-T-101", "WH-2"), Arbitraries.of("CAP-35", "S"), Arbitraries.of(1, 1, 3, 12, 100_000),
                Arbitraries.of("SN-1", "SN-2", "", "\"").list().ofMaxSize(3))
                .as((t, f, to, sku, q, serials) -> new StockRecords.Transfer(t, new LocationId(f), new LocationId(to),
                        sku, q, serials));
        return Arbitraries.oneOf(statuses, assignments, payments, invoices, parts, creations, transfers);
    }

    /** An insertion at a random place of the line, or the deletion of one character there. */
    @Provide
    Arbitrary<String> edits() {
        return Arbitraries.of(DELETE, DELETE, DELETE, " ", "\t", "0", "1", "-", "Z", "\\", "\"", "\\u0041", ",", "}",
                "{", "é", "[", "]", "true", "9", ",\"hsn\":\"8501\"", "\"FAN\",", ",\"parts\":[]", ",\"x\":1",
                ",\"status\":\"NEW\"", ",\"job\":\"J-1\"", "null", "D", ".", "5",
                ",\"reference\":\"R\"", ",\"currency\":\"KES\"", ",\"amount\":{\"amount\":\"1.00\",\"currency\":\"INR\"}", "}}",
                "e", "E-3", "+", ".5", ",\"serials\":[\"S\"]", ",\"coverage\":null", ",\"lat\":1", "-0");
    }
}
