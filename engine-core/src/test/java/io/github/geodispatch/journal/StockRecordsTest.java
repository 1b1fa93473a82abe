package io.github.geodispatch.journal;

import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.LocationId;
import io.github.geodispatch.spi.LocationKind;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.WriteOffReason;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stock records write and read back equal, with their documented field names; bad lines are typed problems. */
class StockRecordsTest {
    static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-02T09:15:00+05:30");
    static final LocationId WH = LocationId.of("WH-1");
    static final LocationId VAN = LocationId.of("VAN-ravi");

    static final List<JournalRecord> EVERY_VARIANT = List.of(
            new StockRecords.Sku(AT, "CAP-35", "Capacitor 35 uF", "85322200", "pcs", 1800, Money.inr(21_000),
                    Money.inr(45_000), false),
            new StockRecords.Sku(AT, "COMP", "Compressor", null, "pcs", 2800, Money.inr(1_250_000), Money.inr(1_899_900),
                    true),
            new StockRecords.Location(AT, WH, LocationKind.WAREHOUSE, "Store", BranchId.of("BLR-1"), null),
            new StockRecords.Location(AT, VAN, LocationKind.VAN, "Ravi's van", BranchId.of("BLR-1"), TechnicianId.of("ravi")),
            new StockRecords.Minimum(AT, VAN, "CAP-35", 2),
            new StockRecords.Receipt(AT, WH, "COMP", 2, Money.inr(1_200_000), List.of("SN-1", "SN-2"), "BILL-9"),
            new StockRecords.Receipt(AT, WH, "CAP-35", 10, Money.inr(20_000), List.of(), null),
            new StockRecords.Transfer(AT, WH, VAN, "COMP", 1, List.of("SN-1")),
            new StockRecords.Use(AT, VAN, "CAP-35", 1, List.of(), JobId.of("J-1")),
            new StockRecords.Use(AT, VAN, "CAP-35", 1, List.of(), null),
            new StockRecords.Return(AT, VAN, JobId.of("J-1"), "CAP-35", 1, List.of()),
            new StockRecords.WriteOff(AT, WH, "CAP-35", 1, WriteOffReason.OTHER, "fell in the drain", List.of()),
            new StockRecords.Count(AT, VAN, "COMP", 1, List.of("SN-1")));

    @Test
    void everyVariantWritesAndReadsBackEqual() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JournalWriter w = JournalWriter.to(out)) {
            for (JournalRecord r : EVERY_VARIANT) {
                w.write(r);
            }
        }
        String text = out.toString(StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo("{\"type\":\"stock.sku\",\"at\":\"2026-11-02T09:15:00+05:30\",\"sku\":\"CAP-35\","
                + "\"name\":\"Capacitor 35 uF\",\"hsn\":\"85322200\",\"unit\":\"pcs\",\"gst_rate_bp\":1800,"
                + "\"cost_price\":{\"amount\":\"210.00\",\"currency\":\"INR\"},"
                + "\"sell_price\":{\"amount\":\"450.00\",\"currency\":\"INR\"},\"serial_tracked\":false}");
        assertThat(lines.get(7)).isEqualTo("{\"type\":\"stock.transfer\",\"at\":\"2026-11-02T09:15:00+05:30\","
                + "\"from\":\"WH-1\",\"to\":\"VAN-ravi\",\"sku\":\"COMP\",\"qty\":1,\"serials\":[\"SN-1\"]}");
        assertThat(lines.stream().map(JournalReader::parseLine).toList()).isEqualTo(EVERY_VARIANT);
    }

    @Test
    void badStockLinesAreMalformedOrInvalidWithTheirReason() {
        assertProblem("{\"type\":\"stock.count\",\"at\":\"2026-11-02T09:15:00+05:30\",\"location\":\"VAN-1\",\"sku\":\"A\","
                + "\"qty\":1,\"qty\":2}", JournalProblem.Kind.MALFORMED, "duplicate field 'qty'");
        assertProblem("{\"type\":\"stock.count\",\"at\":\"2026-11-02T09:15:00+05:30\",\"location\":\"VAN-1\",\"sku\":\"A\","
                + "\"qty\":\"1\"}", JournalProblem.Kind.MALFORMED, "'qty' must be an integer");
        assertProblem("{\"type\":\"stock.use\",\"at\":\"2026-11-02T09:15:00+05:30\",\"location\":\"VAN-1\",\"sku\":\"A\","
                + "\"qty\":1,\"serials\":\"SN-1\"}", JournalProblem.Kind.MALFORMED, "array of strings");
        assertProblem("{\"type\":\"stock.receipt\",\"at\":\"2026-11-02T09:15:00+05:30\",\"location\":\"WH-1\",\"qty\":1,"
                + "\"unit_cost\":{\"amount\":\"1.00\",\"currency\":\"INR\"}}", JournalProblem.Kind.INVALID,
                "missing field 'sku'");
        assertProblem("{\"type\":\"stock.receipt\",\"at\":\"2026-11-02T09:15:00+05:30\",\"location\":\"WH-1\",\"sku\":\"A\","
                + "\"qty\":0,\"unit_cost\":{\"amount\":\"1.00\",\"currency\":\"INR\"}}", JournalProblem.Kind.INVALID,
                "qty must be >= 1");
        assertProblem("{\"type\":\"stock.receipt\",\"at\":\"2026-11-02T07:30:00+05:30\",\"location\":\"WH-1\",\"sku\":\"CAP-35\","
                + "\"qty\":100000000,\"unit_cost\":{\"amount\":\"1000000000.00\",\"currency\":\"INR\"}}",
                JournalProblem.Kind.INVALID, "stock.receipt: receipt value (qty x unit_cost) 100000000 x 1000000000.00 INR "
                        + "is above the maximum amount 1000000000.00 INR");
        assertProblem("{\"type\":\"stock.receipt\",\"at\":\"2026-11-02T07:30:00+05:30\",\"location\":\"WH-1\",\"sku\":\"CAP-35\","
                + "\"qty\":2,\"unit_cost\":{\"amount\":\"500000000.01\",\"currency\":\"INR\"}}",
                JournalProblem.Kind.INVALID, "receipt value (qty x unit_cost) 2 x 500000000.01 INR is above the maximum");
        assertThat(JournalReader.parseLine("{\"type\":\"stock.receipt\",\"at\":\"2026-11-02T07:30:00+05:30\","
                + "\"location\":\"WH-1\",\"sku\":\"CAP-35\",\"qty\":2,\"unit_cost\":{\"amount\":\"500000000.00\","
                + "\"currency\":\"INR\"}}")).isInstanceOf(StockRecords.Receipt.class);
        assertProblem("{\"type\":\"stock.location\",\"at\":\"2026-11-02T09:15:00+05:30\",\"location\":\"X\",\"kind\":\"SHED\","
                + "\"name\":\"x\",\"branch\":\"B\"}", JournalProblem.Kind.INVALID, "unknown location kind 'SHED'");
        assertProblem("{\"type\":\"stock.teleport\",\"at\":\"2026-11-02T09:15:00+05:30\"}", JournalProblem.Kind.INVALID,
                "unknown record type 'stock.teleport'");
        assertProblem("{\"type\":\"stock.count\",\"location\":\"VAN-1\",\"sku\":\"A\",\"qty\":1}",
                JournalProblem.Kind.INVALID, "missing field 'at'");
    }

    @Test
    void unknownFieldsOfAStockLineAreSkipped() {
        assertThat(JournalReader.parseLine("{\"type\":\"stock.minimum\",\"at\":\"2026-11-02T09:15:00+05:30\","
                + "\"location\":\"VAN-ravi\",\"sku\":\"CAP-35\",\"qty\":2,\"colour\":{\"a\":[1]}}"))
                .isEqualTo(new StockRecords.Minimum(AT, VAN, "CAP-35", 2));
    }

    private static void assertProblem(String line, JournalProblem.Kind kind, String message) {
        assertThatThrownBy(() -> JournalReader.parseLine(line)).isInstanceOfSatisfying(JournalSyntaxException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
