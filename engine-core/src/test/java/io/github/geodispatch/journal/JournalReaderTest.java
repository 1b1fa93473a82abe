package io.github.geodispatch.journal;

import io.github.geodispatch.testdata.SampleData;
import io.github.geodispatch.journal.JournalProblem.Kind;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.CoverageKind;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.TechnicianId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalReaderTest {
    static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-02T09:29:14+05:30");
    static final JobId J1 = JobId.of("J-1");
    static final TechnicianId T1 = TechnicianId.of("T-001");

    static List<JournalRecord> everyType() {
        return List.of(
                new JournalRecord.Technician(T1, BranchId.of("BR-1"), List.of("ac")),
                new JournalRecord.Customer(CustomerId.of("C-1"), "Asha", "12, 3rd Cross", "Bengaluru", "560034", "29",
                        "29ABCDE1234F1Z5"),
                new JournalRecord.JobCreated(J1, AT, BranchId.of("BR-1"), CustomerId.of("C-1"), "AC_SERVICE",
                        GeoPoint.of(12.97, 77.59), 80, Money.inr(149_900),
                        new Coverage(CoverageKind.AMC, "AMC-9", LocalDate.parse("2027-03-31"), List.of("AC_SERVICE"))),
                new JournalRecord.JobAssigned(J1, AT, T1),
                new JournalRecord.JobUnassigned(J1, AT, T1, "sick"),
                new JournalRecord.JobStatusChanged(J1, AT, JobStatus.COMPLETED, ""),
                new JournalRecord.JobProof(J1, AT, ProofKind.PHOTO, "ph-1"),
                new JournalRecord.JobPart(J1, AT, "CAP-35", "85322200", 2, Money.inr(35_000), true),
                new JournalRecord.JobExpense(J1, AT, "PARKING", Money.inr(2_000), false),
                new JournalRecord.JobPayment(J1, AT, PaymentMode.UPI, Money.inr(149_900), "412345678901", null, null),
                new JournalRecord.JobPayment(J1, AT, PaymentMode.PENDING, Money.inr(0), null,
                        LocalDate.parse("2026-11-05"), null),
                new JournalRecord.JobInvoice(J1, AT, "BR1/2526/0012", Money.inr(149_900), List.of("CAP-35")),
                new JournalRecord.Statement(AT, "UPI", "412345678901", Money.inr(149_900), "J-1", "asha@okaxis"),
                new JournalRecord.CashDeposit(AT, T1, Money.inr(100_000), "SLIP-7"),
                new JournalRecord.Ping("p-1", T1, AT, 12.9701234, 77.5901234, 12.5));
    }

    static byte[] write(List<JournalRecord> records) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JournalWriter out = JournalWriter.to(bytes)) {
            for (JournalRecord r : records) {
                out.write(r);
            }
        }
        return bytes.toByteArray();
    }

    static List<JournalRecord> read(String text, List<JournalProblem> problems) throws IOException {
        List<JournalRecord> records = new ArrayList<>();
        JournalSummary summary = JournalReader.create().read(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), (line, r) -> records.add(r));
        problems.addAll(summary.problems());
        return records;
    }

    @Test
    void everyRecordTypeRoundTripsThroughWriterAndReader() throws IOException {
        byte[] text = write(everyType());
        List<JournalProblem> problems = new ArrayList<>();
        assertThat(read(new String(text, StandardCharsets.UTF_8), problems)).isEqualTo(everyType());
        assertThat(problems).isEmpty();
    }

    @Test
    void writerPutsTypeFirstAndMoneyAsDecimalStrings() throws IOException {
        String line = new String(write(List.of(everyType().get(9))), StandardCharsets.UTF_8);
        assertThat(line).isEqualTo("{\"type\":\"job.payment\",\"job\":\"J-1\",\"at\":\"2026-11-02T09:29:14+05:30\","
                + "\"mode\":\"UPI\",\"amount\":{\"amount\":\"1499.00\",\"currency\":\"INR\"},"
                + "\"reference\":\"412345678901\"}\n");
    }

    @Property(tries = 200)
    void anyPaymentAmountRoundTrips(@ForAll @LongRange(min = 0, max = 9_999_999_999L) long paise) throws IOException {
        JournalRecord r = new JournalRecord.JobPayment(J1, AT, PaymentMode.CASH, Money.inr(paise), null, null, null);
        List<JournalProblem> problems = new ArrayList<>();
        assertThat(read(new String(write(List.of(r)), StandardCharsets.UTF_8), problems)).containsExactly(r);
    }

    @Test
    void aMalformedLineIsReportedWithItsNumberAndTheRestStillImports() throws IOException {
        String text = """
                {"type":"job.assigned","job":"J-1","at":"2026-11-02T08:21:47+05:30","technician":"T-001"}
                {"type":"job.assigned","job":"J-1","at":
                
                {"type":"job.status","job":"J-1","at":"2026-11-02T08:41:47+05:30","status":"EN_ROUTE"}
                """;
        List<JournalProblem> problems = new ArrayList<>();
        List<JournalRecord> records = read(text, problems);
        assertThat(records).hasSize(2);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.kind()).isEqualTo(Kind.MALFORMED);
        });
    }

    @Test
    void oneRecordPerLineEvenAmongManyGoodLines() throws IOException {
        String good = "{\"type\":\"job.assigned\",\"job\":\"J-1\",\"at\":\"2026-11-02T08:21:47+05:30\",\"technician\":\"T-001\"}\n";
        String text = good.repeat(3)
                + "{\"type\":\"job.assigned\",\"job\":\"J-1\",\n\"at\":\"2026-11-02T08:21:47+05:30\",\"technician\":\"T-001\"}\n"
                + good + good.strip() + " {}\n" + good + "\n" + good + good.strip() + good + good.repeat(2);
        List<JournalProblem> problems = new ArrayList<>();
        List<JournalRecord> records = read(text, problems);
        assertThat(problems).extracting(JournalProblem::line).containsExactly(4L, 5L, 7L, 11L);
        assertThat(problems).allSatisfy(p -> assertThat(p.kind()).isEqualTo(Kind.MALFORMED));
        assertThat(records).hasSize(3 + 1 + 1 + 1 + 2);
        assertThat(records).allSatisfy(r -> assertThat(r).isEqualTo(records.get(0)));
    }

    @Test
    void syntaxRulesAreStrictAndNameTheProblem() {
        assertProblem("[1,2]", Kind.MALFORMED, "one JSON object");
        assertProblem("{\"job\":\"J-1\",\"type\":\"job.assigned\"}", Kind.MALFORMED, "'type' must be the first field");
        assertProblem("{\"type\":\"job.part\",\"job\":\"J-1\",\"at\":\"2026-11-02T08:21:47+05:30\",\"sku\":\"X\","
                + "\"qty\":\"1\",\"unit_price\":{\"amount\":\"1.00\",\"currency\":\"INR\"},\"billable\":true}",
                Kind.MALFORMED, "'qty' must be an integer");
        assertProblem("{\"type\":\"job.payment\",\"job\":\"J-1\",\"at\":\"2026-11-02T08:21:47+05:30\",\"mode\":\"CASH\","
                + "\"amount\":{\"amount\":14.99,\"currency\":\"INR\"}}", Kind.MALFORMED, "decimal string");
        assertProblem("{\"type\":\"ping\",\"ping_id\":\"a\",\"ping_id\":\"b\"}", Kind.MALFORMED, "duplicate field 'ping_id'");
        assertProblem("{\"type\":\"cash.deposit\",\"amount\":{\"amount\":\"1.00\",\"amount\":\"2.00\",\"currency\":\"INR\"}}",
                Kind.MALFORMED, "duplicate field 'amount.amount'");
        assertProblem("{\"type\":\"job.assigned\"} {}", Kind.MALFORMED, "after the record");
        assertProblem("{\"type\":\"job.teleported\",\"job\":\"J-1\"}", Kind.INVALID, "unknown record type");
        assertProblem("{\"type\":\"job.assigned\",\"job\":\"J-1\",\"at\":\"2026-11-02T08:21:47+05:30\"}",
                Kind.INVALID, "missing field 'technician'");
        assertProblem("{\"type\":\"job.assigned\",\"job\":\"J-1\",\"at\":\"2026-11-02T08:21:47\",\"technician\":\"T\"}",
                Kind.INVALID, "with an offset");
        assertProblem("{\"type\":\"job.status\",\"job\":\"J-1\",\"at\":\"2026-11-02T08:21:47Z\",\"status\":\"DONE\"}",
                Kind.INVALID, "unknown status 'DONE'");
        assertProblem("{\"type\":\"job.payment\",\"job\":\"J-1\",\"at\":\"2026-11-02T08:21:47Z\",\"mode\":\"CASH\","
                + "\"amount\":{\"amount\":\"-5.00\",\"currency\":\"INR\"}}", Kind.INVALID, "must not be negative");
        assertProblem("{\"type\":\"ping\",\"ping_id\":\"p\",\"technician\":\"T\",\"at\":\"2026-11-02T08:21:47Z\","
                + "\"lat\":91,\"lng\":0}", Kind.INVALID, "lat must be in [-90, 90]");
    }

    /**
     * A time or date outside years 0001-9999 (the JDK holds a billion years either side; the audit's, the invoicer's
     * and the contracts' arithmetic overflowed on them) is INVALID naming its line and field, on the fast paths and
     * the general one alike; the first and last moments of 0001 and 9999, in any offset, still read.
     */
    @Test
    void timesAndDatesOutsideYears0001To9999AreInvalidNamingTheLineAndField() throws IOException {
        String contract = "{\"type\":\"contract.drafted\",\"customer\":\"C-103\",\"at\":\"2025-06-25T11:00:00+05:30\","
                + "\"contract\":\"AMC-099\",\"contract_kind\":\"AMC\",\"sites\":[\"S-103\"],\"visits_per_year\":4,"
                + "\"visit_job_type\":\"AC_PM\",\"job_types\":[\"AC_PM\"],\"labour_covered\":true,\"response_hours\":24,"
                + "\"price\":{\"amount\":\"2999.00\",\"currency\":\"INR\"},\"start\":\"2025-07-01\",\"end\":\"END\"}";
        String text = String.join("\n",
                "{\"type\":\"job.assigned\",\"job\":\"J-1\",\"at\":\"-999999999-01-01T00:00:00+18:00\",\"technician\":\"T-001\"}",
                "{\"type\":\"job.status\",\"job\":\"J-1\",\"at\":\"+999999999-12-31T23:59:59-18:00\",\"status\":\"COMPLETED\"}",
                "{\"type\":\"job.assigned\",\"job\":\"J-1\",\"at\":\"0000-12-31T23:59:59Z\",\"technician\":\"T-001\"}",
                "{\"type\":\"job.assigned\",\"job\":\"J-1\",\"at\":\"+10000-01-01T00:00:00Z\",\"technician\":\"T-001\"}",
                "{\"type\":\"stock.transfer\",\"at\":\"-999999999-01-01T00:00:00+18:00\",\"from\":\"WH-1\",\"to\":\"VAN-1\","
                        + "\"sku\":\"CAP-35\",\"qty\":4}",
                "{\"type\":\"ping\",\"ping_id\":\"p\",\"technician\":\"T-001\",\"at\":\"0000-06-01T08:00:00Z\",\"lat\":1,\"lng\":2}",
                "{\"type\":\"job.payment\",\"job\":\"J-1\",\"at\":\"2026-11-02T08:21:47Z\",\"mode\":\"PENDING\","
                        + "\"amount\":{\"amount\":\"0.00\",\"currency\":\"INR\"},\"promised_on\":\"+999999999-12-31\"}",
                contract.replace("END", "+999999999-12-31"),
                "{\"type\":\"job.assigned\",\"job\":\"J-1\",\"at\":\"0001-01-01T00:00:00+05:30\",\"technician\":\"T-001\"}",
                "{\"type\":\"job.assigned\",\"job\":\"J-1\",\"at\":\"9999-12-31T23:59:59-18:00\",\"technician\":\"T-001\"}",
                "{\"type\":\"stock.transfer\",\"at\":\"9999-12-31T23:59:59-18:00\",\"from\":\"WH-1\",\"to\":\"VAN-1\","
                        + "\"sku\":\"CAP-35\",\"qty\":4}",
                contract.replace("2025-07-01", "0001-01-01").replace("END", "0001-12-31"),
                "");
        List<JournalProblem> problems = new ArrayList<>();
        List<JournalRecord> records = read(text, problems);
        assertThat(problems).allSatisfy(p -> assertThat(p.kind()).isEqualTo(Kind.INVALID))
                .extracting(JournalProblem::line, JournalProblem::message).containsExactly(
                        Tuple.tuple(1L, "job.assigned: at -999999999-01-01T00:00+18:00 is outside the years 0001-9999"),
                        Tuple.tuple(2L, "job.status: at +999999999-12-31T23:59:59-18:00 is outside the years 0001-9999"),
                        Tuple.tuple(3L, "job.assigned: at 0000-12-31T23:59:59Z is outside the years 0001-9999"),
                        Tuple.tuple(4L, "job.assigned: at +10000-01-01T00:00Z is outside the years 0001-9999"),
                        Tuple.tuple(5L, "stock.transfer: at -999999999-01-01T00:00+18:00 is outside the years 0001-9999"),
                        Tuple.tuple(6L, "ping: at 0000-06-01T08:00Z is outside the years 0001-9999"),
                        Tuple.tuple(7L, "job.payment: promised_on +999999999-12-31 is outside the years 0001-9999"),
                        Tuple.tuple(8L, "contract.drafted: end +999999999-12-31 is outside the years 0001-9999"));
        assertThat(records).hasSize(4);
    }

    /**
     * A contract term longer than {@link io.github.geodispatch.spi.ContractTerms#MAX_TERM_YEARS} years is INVALID
     * naming the line and its end (0001 to 9999 at 365 visits a year ran the contracts report out of memory).
     */
    @Test
    void aContractTermOfAHundredYearsOrMoreIsInvalidNamingTheLineAndItsEnd() throws IOException {
        String contract = "{\"type\":\"contract.drafted\",\"customer\":\"C-103\",\"at\":\"2025-06-25T11:00:00+05:30\","
                + "\"contract\":\"AMC-099\",\"contract_kind\":\"AMC\",\"sites\":[\"S-103\"],\"visits_per_year\":365,"
                + "\"visit_job_type\":\"AC_PM\",\"job_types\":[\"AC_PM\",\"AC_REPAIR\"],\"labour_covered\":true,"
                + "\"response_hours\":24,\"price\":{\"amount\":\"2999.00\",\"currency\":\"INR\"},"
                + "\"start\":\"START\",\"end\":\"END\"}";
        String text = String.join("\n", contract.replace("START", "0001-01-01").replace("END", "9999-12-31"),
                contract.replace("START", "2025-07-01").replace("END", "2125-06-30"),
                contract.replace("START", "2025-07-01").replace("END", "2125-07-01"), "");
        List<JournalProblem> problems = new ArrayList<>();
        List<JournalRecord> records = read(text, problems);
        assertThat(problems).extracting(JournalProblem::line, JournalProblem::kind, JournalProblem::message).containsExactly(
                Tuple.tuple(1L, Kind.INVALID, "contract.drafted: end 9999-12-31 is 100 years or more after start "
                        + "0001-01-01: a contract's term is at most 100 years (contract AMC-099 could end 0100-12-31 at "
                        + "the latest)"),
                Tuple.tuple(3L, Kind.INVALID, "contract.drafted: end 2125-07-01 is 100 years or more after start "
                        + "2025-07-01: a contract's term is at most 100 years (contract AMC-099 could end 2125-06-30 at "
                        + "the latest)"));
        assertThat(records).hasSize(1);
    }

    @Test
    void unknownFieldsAreSkippedAndCrLfBomAndBlankLinesAreFine() throws IOException {
        String text = "\uFEFF{\"type\":\"job.assigned\",\"job\":\"J-1\",\"at\":\"2026-11-02T08:21:47.5Z\","
                + "\"technician\":\"T-001\",\"x\":{\"y\":[1,2]}}\r\n\r\n";
        List<JournalProblem> problems = new ArrayList<>();
        assertThat(read(text, problems)).containsExactly(new JournalRecord.JobAssigned(J1,
                OffsetDateTime.parse("2026-11-02T08:21:47.5Z"), T1));
        assertThat(problems).isEmpty();
    }

    @Test
    void theSharedBusinessWeekReadsClean() throws IOException {
        List<JournalRecord> records = new ArrayList<>();
        JournalSummary summary = JournalReader.create().read(SampleData.path("journal/journal.jsonl"),
                (line, r) -> records.add(r));
        assertThat(summary.problems()).isEmpty();
        assertThat(summary.clean()).isTrue();
        assertThat(summary.records()).isEqualTo(summary.lines()).isEqualTo(records.size()).isGreaterThan(50_000);
    }

    private static void assertProblem(String line, Kind kind, String message) {
        assertThatThrownBy(() -> JournalReader.parseLine(line))
                .isInstanceOfSatisfying(JournalSyntaxException.class, e -> assertThat(e.kind()).isEqualTo(kind))
                .hasMessageContaining(message);
    }
}
