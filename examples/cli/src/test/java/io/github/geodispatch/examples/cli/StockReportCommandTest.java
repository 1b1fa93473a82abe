package io.github.geodispatch.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.geodispatch.testdata.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class StockReportCommandTest {
    static final Path SAMPLE = SampleData.path("stock");
    static final ObjectMapper JSON = new ObjectMapper();

    private static String run(int expectedExit, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = GeodispatchCli.run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String text = buffer.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isEqualTo(expectedExit);
        return text;
    }

    private static String asOf() throws Exception {
        return Files.readString(SAMPLE.resolve("as_of.txt")).strip();
    }

    @Test
    void theSampleWeekFindsExactlyItsPlantedLeaksWithTheirAmounts(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("stock");
        String printed = run(1, "stock", "--journal", SAMPLE.resolve("journal.jsonl").toString(), "--as-of", asOf(),
                "--out", out.toString());
        assertThat(printed).contains("0 rejected", "OFF_BOOK_PART", "STOCK_SHRINKAGE", "VAN_USE_UNEXPLAINED",
                "PARTS_NOT_BILLED", "parts margin: revenue");

        Map<String, Long> planted = new TreeMap<>();
        for (String line : Files.readAllLines(SAMPLE.resolve("truth.jsonl"))) {
            JsonNode t = JSON.readTree(line);
            planted.merge(key(t.get("code").asText(), t.path("job").asText(null), t.path("reference").asText(null)),
                    t.get("amount").asLong(), Long::sum);
        }
        Map<String, Long> found = new TreeMap<>();
        for (String line : Files.readAllLines(out.resolve("findings.jsonl"))) {
            JsonNode f = JSON.readTree(line);
            String code = f.get("code").asText();
            String reference = code.equals("PARTS_NOT_BILLED") ? null : f.get("reference").asText();
            found.put(key(code, f.get("job").isNull() ? null : f.get("job").asText(), reference),
                    new java.math.BigDecimal(f.get("amount").get("amount").asText()).movePointRight(2).longValueExact());
        }
        assertThat(found).isEqualTo(planted);

        List<String> stock = Files.readAllLines(out.resolve("stock.csv"));
        assertThat(stock.get(0)).isEqualTo("location,sku,qty,value");
        assertThat(stock).anySatisfy(l -> assertThat(l).matches("WH-1,CAP-35,\\d+,\\d+\\.\\d{2}"));
        List<String> margin = Files.readAllLines(out.resolve("margin.csv"));
        assertThat(margin.get(0)).isEqualTo("level,group,revenue,cost,margin");
        assertThat(margin.get(1)).startsWith("total,total,");
        assertThat(margin).anySatisfy(l -> assertThat(l).startsWith("branch,BLR-1,"))
                .anySatisfy(l -> assertThat(l).startsWith("technician,T-101,"))
                .anySatisfy(l -> assertThat(l).matches("job,J-\\d{6},-?\\d+\\.\\d{2},-?\\d+\\.\\d{2},-?\\d+\\.\\d{2}"));
        try (var left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("stock");
        }
    }

    private static String key(String code, String job, String reference) {
        return code + "|" + job + "|" + reference;
    }

    @Test
    void anExistingOutputDirectoryKeepsItsOtherFilesAndGetsTheNewOnes(@TempDir Path tmp) throws Exception {
        Path out = Files.createDirectories(tmp.resolve("stock"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        Files.writeString(out.resolve("stock.csv"), "old");
        run(1, "stock", "--journal", SAMPLE.resolve("journal.jsonl").toString(), "--as-of", asOf(), "--out",
                out.toString());
        assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("mine");
        assertThat(Files.readString(out.resolve("stock.csv"))).startsWith("location,sku,qty,value");
        try (var left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("stock");
        }
    }

    @Test
    void aCleanJournalExitsZeroAndABadLineOne(@TempDir Path tmp) throws Exception {
        List<String> lines = Files.readAllLines(SAMPLE.resolve("journal.jsonl")).subList(0, 400);
        Path clean = Files.write(tmp.resolve("clean.jsonl"), lines);
        run(0, "stock", "--journal", clean.toString(), "--as-of", "2026-11-02T10:00:00+05:30", "--out",
                tmp.resolve("a").toString());

        Path bad = Files.write(tmp.resolve("bad.jsonl"), lines);
        Files.writeString(bad, "{\"type\":\"stock.transfer\",\"at\":\"2026-11-02T09:00:00+05:30\",\"from\":\"WH-1\","
                + "\"to\":\"VAN-T-101\",\"sku\":\"CAP-35\",\"qty\":100000}\n", java.nio.file.StandardOpenOption.APPEND);
        String printed = run(1, "stock", "--journal", bad.toString(), "--as-of", "2026-11-02T10:00:00+05:30", "--out",
                tmp.resolve("b").toString());
        assertThat(printed).contains("line 401: INVALID: stock.transfer refused, INSUFFICIENT_STOCK");
    }

    /** More flagged lines than the report keeps (1,000) must not hide the stock lines refused after them. */
    @Test
    void refusedStockLinesAreShownAfterAFloodOfFlaggedOnes(@TempDir Path tmp) throws Exception {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(SAMPLE.resolve("journal.jsonl")).subList(0, 400));
        for (int i = 0; i < 1_100; i++) { // a payment recorded after the job was closed: imported, flagged
            String job = "J-F" + i;
            lines.add("{\"type\":\"job.created\",\"job\":\"" + job + "\",\"at\":\"2026-11-02T08:00:00+05:30\","
                    + "\"branch\":\"BR-1\",\"customer\":\"C-F\",\"job_type\":\"AC_SERVICE\","
                    + "\"site\":{\"lat\":12.9,\"lng\":77.6,\"radius_m\":50.0},"
                    + "\"quote\":{\"amount\":\"100.00\",\"currency\":\"INR\"}}");
            lines.add("{\"type\":\"job.status\",\"job\":\"" + job + "\",\"at\":\"2026-11-02T09:00:00+05:30\","
                    + "\"status\":\"CLOSED\"}");
            lines.add("{\"type\":\"job.payment\",\"job\":\"" + job + "\",\"at\":\"2026-11-02T09:01:00+05:30\","
                    + "\"mode\":\"CASH\",\"amount\":{\"amount\":\"100.00\",\"currency\":\"INR\"}}");
        }
        lines.add("{\"type\":\"stock.transfer\",\"at\":\"2026-11-02T09:30:00+05:30\",\"from\":\"WH-1\","
                + "\"to\":\"VAN-T-101\",\"sku\":\"CAP-35\",\"qty\":100000}");
        Path journal = Files.write(tmp.resolve("flood.jsonl"), lines);
        String printed = run(1, "stock", "--journal", journal.toString(), "--as-of", "2026-11-02T10:00:00+05:30",
                "--out", tmp.resolve("o").toString());
        assertThat(printed).contains("line " + lines.size() + ": INVALID: stock.transfer refused, INSUFFICIENT_STOCK");
    }

    @Test
    void badArgumentsAndAnUnreadableJournalExitTwo(@TempDir Path tmp) throws Exception {
        String journal = SAMPLE.resolve("journal.jsonl").toString();
        assertThat(run(2, "stock", "--journal", journal, "--as-of", "yesterday", "--out", tmp.toString()))
                .contains("--as-of must be an ISO-8601 time");
        assertThat(run(2, "stock", "--journal", journal, "--as-of", "+999999999-12-31T23:59:59-18:00", "--out",
                tmp.toString())).contains("--as-of must be a time in the years 0001-9999");
        assertThat(run(2, "stock", "--journal", tmp.resolve("none.jsonl").toString(), "--as-of", asOf(), "--out",
                tmp.resolve("o").toString())).contains("stock: cannot read " + tmp.resolve("none.jsonl") + ": no such file or directory");
        assertThat(run(2, "stock", "--journal", journal, "--as-of", asOf(), "--out", tmp.toString(), "--prices", "GROSS"))
                .contains("--prices must be");
        assertThat(run(2, "stock", "--journal", journal)).contains("Missing required options");
    }

    /** The shared rule of cli.md: a journal with no records, or more than 10% of its lines rejected, is unusable. */
    @Test
    void aJournalWithNoRecordsOrMostLinesRejectedExitsTwoAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty.jsonl"), "");
        assertThat(run(2, "stock", "--journal", empty.toString(), "--as-of", asOf(), "--out", tmp.resolve("a").toString()))
                .contains("no records (the file is empty)");
        assertThat(tmp.resolve("a")).doesNotExist();

        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(SAMPLE.resolve("journal.jsonl")).subList(0, 80));
        for (int i = 0; i < 20; i++) {
            lines.add("not json " + i);
        }
        Path broken = Files.write(tmp.resolve("broken.jsonl"), lines);
        assertThat(run(2, "stock", "--journal", broken.toString(), "--as-of", asOf(), "--out", tmp.resolve("b").toString()))
                .contains("20 of 100 non-blank lines rejected, more than 10%");
        assertThat(tmp.resolve("b")).doesNotExist();
    }

    /** A write that fails is exit 3, naming the write, as for every command that writes files. */
    @Test
    void anOutputThatCannotBeWrittenExitsThree(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "");
        Path out = file.resolve("out");
        assertThat(run(3, "stock", "--journal", SAMPLE.resolve("journal.jsonl").toString(), "--as-of", asOf(), "--out",
                out.toString())).contains("stock: cannot write stock.csv, margin.csv, findings.jsonl in " + out + ": ");
    }

    @Test
    void helpEndsWithAnExample() {
        assertThat(run(0, "stock", "--help").strip()).endsWith("--as-of 2026-11-10T00:00:00+05:30 --out out/stock");
    }

    /** DIR may hold the journal, but not as one of the files the report moves into it. */
    @Test
    void aJournalThatIsOneOfTheOutputFilesIsRefusedAndKept(@TempDir Path tmp) throws Exception {
        List<String> lines = Files.readAllLines(SAMPLE.resolve("journal.jsonl")).subList(0, 400);
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path journal = Files.write(out.resolve("findings.jsonl"), lines);

        String printed = run(2, "stock", "--journal", journal.toString(), "--as-of", "2026-11-02T10:00:00+05:30",
                "--out", out.toString());

        assertThat(printed.strip()).isEqualTo("stock: --out names the journal itself (" + journal + "); choose another file");
        assertThat(Files.readAllLines(journal)).isEqualTo(lines);
        Path beside = Files.write(out.resolve("journal.jsonl"), lines);
        run(0, "stock", "--journal", beside.toString(), "--as-of", "2026-11-02T10:00:00+05:30", "--out", out.toString());
        assertThat(Files.readAllLines(beside)).isEqualTo(lines);
    }

    @Test
    void hostileSkusStayOneFieldInStockCsvWithFormulasNeutralised(@TempDir Path tmp) throws Exception {
        // the catalogue refuses a SKU with a control character (tab, CR, LF, NUL, U+2028 ...): what is left gets through
        List<String> skus = List.of("=HYPERLINK(\"http://evil.example\",\"a,b\")", "-2+3", "@SUM(A1)", "+1", "Q\"uo,te;s",
                "देव-தமிழ்-😀");
        List<String> lines = new java.util.ArrayList<>();
        for (String sku : skus) {
            String quoted = JSON.writeValueAsString(sku);
            lines.add("{\"type\":\"stock.sku\",\"at\":\"2026-11-02T07:00:00+05:30\",\"sku\":" + quoted + ",\"name\":\"part\","
                    + "\"unit\":\"pcs\",\"gst_rate_bp\":1800,\"cost_price\":{\"amount\":\"1.00\",\"currency\":\"INR\"},"
                    + "\"sell_price\":{\"amount\":\"2.00\",\"currency\":\"INR\"}}");
            lines.add("{\"type\":\"stock.receipt\",\"at\":\"2026-11-02T07:30:00+05:30\",\"location\":\"WH-1\",\"sku\":" + quoted
                    + ",\"qty\":1,\"unit_cost\":{\"amount\":\"1.00\",\"currency\":\"INR\"}}");
        }
        lines.add(0, "{\"type\":\"stock.location\",\"at\":\"2026-11-02T07:00:00+05:30\",\"location\":\"WH-1\","
                + "\"kind\":\"WAREHOUSE\",\"name\":\"Main\",\"branch\":\"BLR-1\"}");
        Path journal = Files.write(tmp.resolve("journal.jsonl"), lines);
        Path out = tmp.resolve("out");

        run(0, "stock", "--journal", journal.toString(), "--as-of", "2026-11-03T00:00:00+05:30", "--out", out.toString());

        List<List<String>> rows = io.github.geodispatch.examples.CsvRows.parse(Files.readString(out.resolve("stock.csv")));
        assertThat(rows).hasSize(1 + skus.size()).allSatisfy(r -> assertThat(r).hasSize(4));
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(1)).containsExactlyInAnyOrder(
                "'=HYPERLINK(\"http://evil.example\",\"a,b\")", "'-2+3", "'@SUM(A1)", "'+1", "Q\"uo,te;s", "देव-தமிழ்-😀");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(2)).containsOnly("1");
    }
}
