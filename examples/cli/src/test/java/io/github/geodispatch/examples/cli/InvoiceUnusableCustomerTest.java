package io.github.geodispatch.examples.cli;

import io.github.geodispatch.testdata.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One customer's record that cannot go on an invoice does not stop the run: that customer's jobs are listed with the
 * record's line, and everyone else is invoiced with gapless numbers (exit 1).
 */
class InvoiceUnusableCustomerTest {
    /** The sample journal's records of a consumer (C-0001, line 15) and a business (C-0002, line 16). */
    private static final String CONSUMER = "\"id\":\"C-0001\",\"name\":\"Customer 1\",\"address\":\"364, 15th Cross\"";
    private static final String BUSINESS = "\"id\":\"C-0002\",\"name\":\"Customer 2 Pvt Ltd\",\"address\":\"106, 24th Cross\","
            + "\"city\":\"Bengaluru\"";

    @TempDir
    Path tmp;

    @Test
    void aCustomerWhoseRecordCannotNameABuyerGetsNoInvoiceAndDrawsNoNumber() throws IOException {
        Cli cli = invoice(CONSUMER, CONSUMER.replace("364, 15th Cross", " "));

        assertThat(cli.exit()).as(cli.printed()).isEqualTo(ExitCodes.DONE_WITH_FINDINGS);
        assertThat(cli.err().lines()).hasSize(3).allSatisfy(line -> assertThat(line).startsWith(
                "  line 15: FLAGGED: customer C-0001: job ").endsWith(
                " not invoiced, the record cannot name an invoice's buyer: party address must not be blank"));
        assertThat(cli.out()).startsWith("308 invoices (84 B2B with e-invoice JSON, 224 B2C,")
                .contains("      3 not invoiced: their customer's record cannot name an invoice's buyer\n")
                .contains("journal: 0 lines rejected and skipped, 3 imported but flagged");
        assertGaplessNumbers(308);
    }

    @Test
    void aStateThatCannotBeAPlaceOfSupplyIsHeldBackToo() throws IOException {
        Cli cli = invoice(CONSUMER + ",\"city\":\"Bengaluru\",\"pincode\":\"560034\",\"state_code\":\"29\"",
                CONSUMER + ",\"city\":\"Bengaluru\",\"pincode\":\"560034\",\"state_code\":\"99\"");

        assertThat(cli.exit()).as(cli.printed()).isEqualTo(ExitCodes.DONE_WITH_FINDINGS);
        assertThat(cli.err()).contains("line 15: FLAGGED: customer C-0001: job ",
                "99-Centre Jurisdiction cannot be a place of supply");
        assertGaplessNumbers(308);
    }

    @Test
    void aBusinessWhoseRecordMissesWhatAnEInvoiceNeedsIsInvoicedWithoutTheEInvoice() throws IOException {
        Cli cli = invoice(BUSINESS, BUSINESS.replace("\"Bengaluru\"", "\"B\""));

        assertThat(cli.exit()).as(cli.printed()).isEqualTo(ExitCodes.DONE_WITH_FINDINGS);
        assertThat(cli.err().lines()).hasSize(3).allSatisfy(line -> assertThat(line).startsWith(
                "  line 16: FLAGGED: customer C-0002: invoice ").endsWith(
                " written without its e-invoice JSON: e-invoice city 'B' must be at least 3 characters"));
        assertThat(cli.out()).startsWith("311 invoices (81 B2B with e-invoice JSON, 3 B2B without it, 227 B2C,")
                .contains("journal: 0 lines rejected and skipped, 3 imported but flagged");
        try (Stream<Path> files = Files.list(tmp.resolve("out"))) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("einvoice-"))).hasSize(81);
        }
        assertGaplessNumbers(311);
    }

    /** The sample journal with {@code from} replaced by {@code to}, invoiced into {@code tmp/out}. */
    private Cli invoice(String from, String to) throws IOException {
        String journal = Files.readString(SampleData.path("journal/journal.jsonl"));
        assertThat(journal).contains(from);
        Path edited = Files.writeString(tmp.resolve("journal.jsonl"), journal.replace(from, to));
        return Cli.run("invoice", "--journal", edited.toString(), "--seller",
                SampleData.path("gst/seller.json").toString(), "--out", tmp.resolve("out").toString());
    }

    /** Each branch series in the register runs 1, 2, 3, ... with no number skipped, {@code invoices} in all. */
    private void assertGaplessNumbers(int invoices) throws IOException {
        List<String> numbers = Files.readAllLines(tmp.resolve("out/invoices.csv")).stream().skip(1)
                .map(row -> row.substring(0, row.indexOf(','))).toList();
        assertThat(numbers).hasSize(invoices);
        for (String prefix : numbers.stream().map(n -> n.substring(0, n.lastIndexOf('/') + 1)).distinct().toList()) {
            List<Integer> serials = numbers.stream().filter(n -> n.startsWith(prefix))
                    .map(n -> Integer.parseInt(n.substring(prefix.length()))).sorted().toList();
            assertThat(serials).as(prefix).isEqualTo(IntStream.rangeClosed(1, serials.size()).boxed().toList());
        }
    }
}
