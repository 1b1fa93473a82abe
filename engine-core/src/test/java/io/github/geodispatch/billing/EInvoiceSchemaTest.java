package io.github.geodispatch.billing;
import io.github.geodispatch.memory.InMemoryInvoiceSequence;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.CoverageKind;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.testdata.SampleData;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every generated e-invoice validates against the official INV-01 v1.1 schema in examples/data/gst. */
class EInvoiceSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = loadSchema();

    private static JsonSchema loadSchema() {
        try {
            JsonNode schema = JSON.readTree(Files.readString(SampleData.path("gst/einvoice-schema.json")));
            SpecVersion.VersionFlag draft = SpecVersionDetector.detect(schema);
            if (draft != SpecVersion.VersionFlag.V7) {
                throw new AssertionError("the e-invoice schema declares " + draft + "; these tests expect draft-07");
            }
            return JsonSchemaFactory.getInstance(draft).getSchema(schema);
        } catch (IOException e) {
            throw new AssertionError("cannot read the e-invoice schema", e);
        }
    }

    private static Set<ValidationMessage> validate(JsonNode document) {
        return SCHEMA.validate(document);
    }

    @Test
    void aB2bInvoiceWithCoveredLabourAndPartsValidates() {
        Coverage amc = new Coverage(CoverageKind.AMC, "AMC-J-00001", Fixtures.DAY.plusYears(1), List.of());
        Invoice invoice = Fixtures.drafter(PriceBasis.TAX_EXCLUSIVE, new InMemoryInvoiceSequence())
                .draft(Fixtures.job("J-1", Fixtures.TAMIL_NADU_BUYER, 149_900,
                        List.of(Fixtures.capacitor(35_000, 2, true)), List.of(), amc)).orElseThrow();

        ObjectNode einvoice = EInvoiceJson.toJson(invoice);

        assertThat(validate(einvoice)).isEmpty();
        assertThat(einvoice.at("/Version").asText()).isEqualTo("1.1");
        assertThat(einvoice.at("/DocDtls/No").asText()).isEqualTo("KRM/2627/00001");
        assertThat(einvoice.at("/DocDtls/Dt").asText()).isEqualTo("02/11/2026");
        assertThat(einvoice.at("/BuyerDtls/Pos").asText()).isEqualTo("33");
        assertThat(einvoice.at("/ItemList/0/PrdDesc").asText()).contains("AMC AMC-J-00001");
        assertThat(einvoice.at("/ItemList/1/HsnCd").asText()).isEqualTo("85322200");
        assertThat(einvoice.at("/ItemList/1/IgstAmt").decimalValue()).isEqualByComparingTo("126.00");
        assertThat(einvoice.at("/ValDtls/TotInvVal").decimalValue()).isEqualByComparingTo("826.00");
        assertThat(einvoice.at("/SellerDtls/Pin").asInt()).isEqualTo(560034);
    }

    /**
     * A name or address longer than the schema's limit is cut to it in characters (code points, as JSON Schema counts
     * them), never between the two halves of an emoji: a lone half cannot be written as UTF-8, so the e-invoice file
     * of such a buyer failed to be written.
     */
    @Test
    void aLongNameIsCutAtTheLimitWithoutSplittingAnEmoji() throws IOException {
        String name = "A".repeat(99) + "\ud83d\ude00" + "B";
        String address = "1".repeat(99) + "\ud83d\ude00" + " MG Road";
        Party buyer = Party.business(name, "33ZRBCB6849S1ZD", address, "Chennai", "600017", "33");
        Invoice invoice = Fixtures.drafter(PriceBasis.TAX_EXCLUSIVE, new InMemoryInvoiceSequence())
                .draft(Fixtures.job("J-1", buyer, 149_900, List.of(), List.of(), null)).orElseThrow();

        String written = EInvoiceJson.write(invoice);
        JsonNode einvoice = JSON.readTree(written);

        assertThat(StandardCharsets.UTF_8.newEncoder().canEncode(written)).as("writable as UTF-8").isTrue();
        assertThat(einvoice.at("/BuyerDtls/LglNm").asText()).isEqualTo("A".repeat(99) + "\ud83d\ude00");
        assertThat(einvoice.at("/BuyerDtls/Addr1").asText()).isEqualTo("1".repeat(99) + "\ud83d\ude00");
        assertThat(validate(einvoice)).isEmpty();
    }

    /**
     * A job priced at the maximum amount (consumer price, tax included): every value is written as the exact
     * decimal, read back without a double, and inside the schema's limits. Priced without tax, the same job
     * would total 1,180,000,000.00: the drafter refuses it before it draws a number.
     */
    @Test
    void anInvoiceAtTheMaximumAmountValidatesWithExactDecimals() throws IOException {
        InMemoryInvoiceSequence sequence = new InMemoryInvoiceSequence();
        BillableJob max = Fixtures.job("J-9", Fixtures.KARNATAKA_BUYER, Money.MAX_AMOUNT_MINOR, List.of(), List.of(), null);
        Invoice invoice = Fixtures.drafter(PriceBasis.TAX_INCLUSIVE, sequence).draft(max).orElseThrow();

        String text = EInvoiceJson.write(invoice);
        JsonNode exact = JSON.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(text);

        assertThat(validate(exact)).isEmpty();
        assertThat(text).contains("\"TotInvVal\" : 1000000000.00", "\"AssVal\" : 847457627.12",
                "\"CgstVal\" : 76271186.44", "\"TotItemVal\" : 1000000000.00").doesNotContain("E+", "e+");
        assertThat(exact.at("/ValDtls/TotInvVal").decimalValue()).isEqualByComparingTo(new BigDecimal("1000000000.00"));
        assertThat(exact.at("/ItemList/0/UnitPrice").decimalValue()).isEqualByComparingTo(new BigDecimal("847457627.12"));

        assertThatThrownBy(() -> Fixtures.drafter(PriceBasis.TAX_EXCLUSIVE, sequence).draft(max))
                .isInstanceOf(BillingException.class)
                .hasMessage("invoice total is 1180000000.00 INR, above the maximum amount 1000000000.00 INR");
        assertThat(Fixtures.drafter(PriceBasis.TAX_INCLUSIVE, sequence).draft(max).orElseThrow().number())
                .as("no number was drawn for the refused invoice").isEqualTo("KRM/2627/00002");
    }

    /** A government office registered as a tax deductor (14th character D, on a TAN) is a B2B buyer like any other. */
    @Test
    void aTaxDeductorBuyerGetsAValidEInvoice() {
        String body = "29BLRG12345B1D";
        Party hospital = Party.business("District Hospital Bengaluru", body + Gstin.checkCharacter(body),
                "Victoria Hospital Road", "Bengaluru", "560002", "29");
        Invoice invoice = Fixtures.drafter(PriceBasis.TAX_INCLUSIVE, new InMemoryInvoiceSequence())
                .draft(Fixtures.job("J-10", hospital, 1_499_900, List.of(), List.of(), null)).orElseThrow();

        assertThat(Gstin.parse(invoice.buyer().taxId()).category()).isEqualTo(Gstin.Category.TAX_DEDUCTOR);
        assertThat(validate(EInvoiceJson.toJson(invoice))).isEmpty();
    }

    @Test
    void theValidatorRejectsADocumentThatBreaksTheSchema() {
        Invoice invoice = Fixtures.drafter(PriceBasis.TAX_EXCLUSIVE, new InMemoryInvoiceSequence())
                .draft(Fixtures.job("J-2", Fixtures.KARNATAKA_BUYER, 149_900, List.of(), List.of(), null)).orElseThrow();
        ObjectNode broken = EInvoiceJson.toJson(invoice);
        ((ObjectNode) broken.get("DocDtls")).put("No", "0KRM/2627/000001");
        ((ObjectNode) broken.get("SellerDtls")).put("Stcd", "00");
        ((ObjectNode) broken.get("ItemList").get(0)).put("HsnCd", "99871");
        broken.remove("ValDtls");

        assertThat(validate(broken)).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void consumerInvoicesHaveNoEInvoice() {
        Invoice invoice = Fixtures.drafter(PriceBasis.TAX_EXCLUSIVE, new InMemoryInvoiceSequence())
                .draft(Fixtures.job("J-3", Fixtures.CONSUMER, 149_900, List.of(), List.of(), null)).orElseThrow();

        assertThatThrownBy(() -> EInvoiceJson.toJson(invoice)).isInstanceOf(BillingException.class)
                .hasMessageContaining("B2C");
    }

    @Provide
    Arbitrary<BillableJob> jobs() {
        return RandomJobs.jobs().filter(job -> job.buyer().registered());
    }

    @Property(tries = 200)
    void everyGeneratedEInvoiceValidates(@ForAll("jobs") BillableJob job) throws IOException {
        for (PriceBasis basis : PriceBasis.values()) {
            Optional<Invoice> invoice = Fixtures.drafter(basis, new InMemoryInvoiceSequence()).draft(job);
            if (invoice.isPresent()) {
                JsonNode written = JSON.readTree(EInvoiceJson.write(invoice.get()));
                assertThat(validate(written)).as(written.toPrettyString()).isEmpty();
            }
        }
    }
}
