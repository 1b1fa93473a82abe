package io.github.geodispatch.examples.cli;

import io.github.geodispatch.testdata.SampleData;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersionDetector;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvoiceCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path out;
    static Cli run;

    @BeforeAll
    static void invoiceTheSharedJournal() {
        run = Cli.run("invoice", "--journal", SampleData.path("journal/journal.jsonl").toString(), "--seller",
                SampleData.path("gst/seller.json").toString(), "--out", out.toString());
    }

    private static List<Path> files(String glob) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(file -> out.getFileSystem().getPathMatcher("glob:" + glob).matches(file.getFileName()))
                    .sorted().toList();
        }
    }

    @Test
    void writesAnInvoicePerCompletedBillableJobAndAnEInvoicePerB2bInvoice() throws IOException {
        assertThat(run.exit()).as(run.err()).isZero();
        // 345 completed jobs, 34 fully covered by a valid AMC or warranty; 84 jobs of GSTIN customers
        assertThat(files("invoice-*.json")).hasSize(311);
        assertThat(files("einvoice-*.json")).hasSize(84);
        assertThat(run.out()).contains("311 invoices (84 B2B with e-invoice JSON, 227 B2C, 17 with a UPI payment link")
                .contains("34 fully covered by AMC/warranty");
        assertThat(Files.readAllLines(out.resolve("invoices.csv"))).hasSize(312);
    }

    @Test
    void everyEInvoiceValidatesAgainstTheOfficialSchema() throws IOException {
        JsonNode schemaNode = JSON.readTree(SampleData.path("gst/einvoice-schema.json").toFile());
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersionDetector.detect(schemaNode)).getSchema(schemaNode);
        List<Path> einvoices = files("einvoice-*.json");
        assertThat(einvoices).isNotEmpty();
        for (Path file : einvoices) {
            JsonNode einvoice = JSON.readTree(file.toFile());
            assertThat(schema.validate(einvoice)).as(file.getFileName().toString()).isEmpty();
            String number = einvoice.at("/DocDtls/No").asText();
            assertThat(file.getFileName().toString())
                    .isEqualTo("einvoice-" + number.replace('/', '_').replace('-', '_') + ".json");
        }
    }

    @Test
    void registerRowsAddUpAndInterStateBuyersPayIgst() throws IOException {
        List<String> rows = Files.readAllLines(out.resolve("invoices.csv"));
        List<String> header = List.of(rows.get(0).split(","));
        int taxable = header.indexOf("taxable_value");
        int total = header.indexOf("total");
        int igst = header.indexOf("igst");
        int cgst = header.indexOf("cgst");
        int place = header.indexOf("place_of_supply");
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",", -1);
            BigDecimal sum = new BigDecimal(cells[taxable]);
            for (String head : List.of("cgst", "sgst", "utgst", "igst", "round_off")) {
                sum = sum.add(new BigDecimal(cells[header.indexOf(head)]));
            }
            assertThat(sum).as(row).isEqualByComparingTo(cells[total]);
            boolean interState = !cells[place].startsWith("29-");
            assertThat(new BigDecimal(cells[interState ? cgst : igst]).signum()).as(row).isZero();
        }
        assertThat(rows).anyMatch(row -> row.contains("33-Tamil Nadu")).anyMatch(row -> row.contains("27-Maharashtra"));
    }

    @Test
    void consumerInvoicesWithAnAmountDueCarryAUpiLinkForItWithTheInvoiceNumberAsReference() throws IOException {
        int links = 0;
        for (Path file : files("invoice-*.json")) {
            JsonNode invoice = JSON.readTree(file.toFile());
            boolean due = new BigDecimal(invoice.get("amount_due").asText()).signum() > 0;
            boolean consumer = invoice.get("supply_type").asText().equals("B2C");
            if (due && consumer) {
                String number = invoice.get("invoice_no").asText().replace("/", "%2F");
                assertThat(invoice.get("payment_link").asText()).startsWith("upi://pay?pa=sheetalcare@okicici&")
                        .contains("&am=" + invoice.get("amount_due").asText() + "&cu=INR&tr=" + number + "&");
                links++;
            } else {
                assertThat(invoice.get("payment_link").isNull()).as(file.getFileName().toString()).isTrue();
            }
        }
        assertThat(links).isEqualTo(17);
    }

    @Test
    void aMalformedJournalLineIsAClearError() throws IOException {
        Path journal = Files.writeString(out.resolve("bad.jsonl"),
                "{\"type\":\"customer\",\"id\":\"C-1\",\"name\":\"A\",\"address\":\"x\",\"city\":\"y\",\"state_code\":\"29\"}\n"
                        + "{\"type\":\"job.created\",\"job\":\n");

        Cli bad = Cli.run("invoice", "--journal", journal.toString(), "--seller", SampleData.path("gst/seller.json").toString(),
                "--out", out.resolve("new/bad").toString());

        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("line 2: MALFORMED");
        assertThat(out.resolve("new")).as("nothing written, not even DIR's parent").doesNotExist();
    }

    @Test
    void aMalformedSellerFileIsAClearError() throws IOException {
        Path seller = Files.writeString(out.resolve("seller.json"), "{\"legal_name\": \"X Ltd\", \"gstin\": \"29TIXCL8073U1ZA\"}");

        Cli bad = Cli.run("invoice", "--journal", SampleData.path("journal/journal.jsonl").toString(), "--seller",
                seller.toString(), "--out", out.resolve("bad-seller").toString());

        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("seller file").contains("missing field 'address'");
    }
}
