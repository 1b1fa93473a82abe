package io.github.geodispatch.billing;
import io.github.geodispatch.memory.InMemoryInvoiceSequence;
import io.github.geodispatch.testdata.SampleData;
import org.junit.jupiter.api.Test;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SellerAndNumberingTest {

    @Test
    void theSharedSellerFileParses() {
        SellerProfile seller = SellerProfile.read(SampleData.path("gst/seller.json"));

        assertThat(seller.party().legalName()).isEqualTo("Sheetal Appliance Care LLP");
        assertThat(seller.party().tradeName()).isEqualTo("Sheetal Care");
        assertThat(seller.party().taxId()).isEqualTo("29TIXCL8073U1ZU");
        assertThat(seller.party().region()).isEqualTo("29");
        assertThat(seller.prefixFor("BR-1")).isEqualTo("KRM");
        assertThat(seller.prefixFor("BR-2")).isEqualTo("IND");
        assertThat(seller.upiVpa()).isEqualTo("sheetalcare@okicici");
        assertThat(seller.sacFor("AC_SERVICE")).contains("998719");
    }

    @Test
    void malformedSellerFilesAreClearErrors() {
        assertThatThrownBy(() -> SellerProfile.parse("{\"legal_name\": \"X Ltd\"")).isInstanceOf(BillingException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> SellerProfile.parse("[]")).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> SellerProfile.parse("{\"legal_name\": \"X Ltd\", \"gstin\": \"29TIXCL8073U1ZU\"}"))
                .hasMessageContaining("missing field 'address'");
        assertThatThrownBy(() -> SellerProfile.parse("{\"legal_name\": \"X Ltd\", \"gstin\": \"29TIXCL8073U1ZU\","
                + " \"address\": \"a\", \"city\": \"Bengaluru\", \"state_code\": \"29\", \"series\": {\"BR-1\": \"/KRM\"}}"))
                .hasMessageContaining("prefix must be 1-7 characters");
        assertThatThrownBy(() -> SellerProfile.parse("{\"legal_name\": \"X Ltd\"}"))
                .hasMessageContaining("missing field 'gstin'");
        assertThatThrownBy(() -> SellerProfile.parse("{\"legal_name\": 5, \"gstin\": \"29TIXCL8073U1ZU\"}"))
                .hasMessageContaining("field 'legal_name' must be a string");
        assertThatThrownBy(() -> SellerProfile.parse("{\"legal_name\": \"X Ltd\", \"legal_name\": \"Y Ltd\"}"))
                .as("a key twice").hasMessageContaining("not valid JSON").hasMessageContaining("legal_name");
        assertThatThrownBy(() -> SellerProfile.parse("{\"legal_name\": \"X Ltd\"}\n {}"))
                .as("something after the object")
                .hasMessage("not valid JSON: content after the end of the object, at line 2");
        assertThatThrownBy(() -> SellerProfile.read(Path.of("no-such-seller.json")))
                .hasMessageContaining("cannot read seller file no-such-seller.json");
    }

    @Test
    void financialYearLabels() {
        assertThat(InvoiceNumbering.financialYearLabel(LocalDate.of(2026, 4, 1), Month.APRIL)).isEqualTo("2627");
        assertThat(InvoiceNumbering.financialYearLabel(LocalDate.of(2027, 3, 31), Month.APRIL)).isEqualTo("2627");
        assertThat(InvoiceNumbering.financialYearLabel(LocalDate.of(2099, 12, 31), Month.APRIL)).isEqualTo("9900");
        assertThat(InvoiceNumbering.financialYearLabel(LocalDate.of(2026, 12, 31), Month.JANUARY)).isEqualTo("2026");
    }

    @Test
    void numbersAreFormattedPaddedAndBoundedBySixteenCharacters() {
        assertThat(InvoiceNumbering.format("KRM", "2627", 42)).isEqualTo("KRM/2627/00042");
        assertThat(InvoiceNumbering.format("KRM", "2627", 1_234_567)).isEqualTo("KRM/2627/1234567");
        assertThat(InvoiceNumbering.format("BLR-HSR", "2627", 7)).isEqualTo("BLR-HSR/2627/007");
        assertThatThrownBy(() -> InvoiceNumbering.format("KRM", "2627", 12_345_678))
                .isInstanceOf(BillingException.class).hasMessageContaining("series KRM/2627 is exhausted");
    }

    @Test
    void numberingDrawsPerSellerPrefixAndYear() {
        InvoiceNumbering numbering = new InvoiceNumbering(new InMemoryInvoiceSequence(), Month.APRIL);
        LocalDate day = LocalDate.of(2026, 11, 2);

        assertThat(numbering.next("29TIXCL8073U1ZU", "KRM", day)).isEqualTo("KRM/2627/00001");
        assertThat(numbering.next("29TIXCL8073U1ZU", "KRM", day)).isEqualTo("KRM/2627/00002");
        assertThat(numbering.next("29AAACR5055K1ZX", "KRM", day)).isEqualTo("KRM/2627/00001");
        assertThat(numbering.current("29TIXCL8073U1ZU", "KRM", day)).isEqualTo(2);
        assertThat(numbering.current("29TIXCL8073U1ZU", "KRM", day.plusYears(1))).isZero();
        assertThatThrownBy(() -> numbering.next("29TIXCL8073U1ZU", "0KRM", day)).isInstanceOf(BillingException.class);
    }

    @Test
    void gstRulesForNumbersAndPrefixes() {
        assertThat(InvoiceNumbering.requireValidNumber("KRM/2627/00001")).isEqualTo("KRM/2627/00001");
        for (String bad : new String[] {"0KRM/1", "/KRM", "-KRM", "KRM 1", "krm/1", "KRM/2627/000001234", ""}) {
            assertThatThrownBy(() -> InvoiceNumbering.requireValidNumber(bad)).as(bad)
                    .isInstanceOf(BillingException.class);
        }
        for (String bad : new String[] {"0AB", "-AB", "A/B", "ABCDEFGH", "ab"}) {
            assertThatThrownBy(() -> InvoiceNumbering.requireValidPrefix(bad)).as(bad)
                    .isInstanceOf(BillingException.class);
        }
    }

    @Test
    void taxTableMatchesTheLongestPrefix() {
        TaxTable table = TaxTable.builder().from(TaxTable.indiaDefaults()).rate("998719", 500).build();

        assertThat(table.rateFor("998719")).isEqualTo(500);
        assertThat(table.rateFor("998717")).isEqualTo(1800);
        assertThat(table.rateFor("85322200")).isEqualTo(1800);
        assertThat(table.find("29034500")).isEmpty();
        assertThatThrownBy(() -> TaxTable.builder().rate("9987", 1800).rate("9987", 500))
                .hasMessageContaining("already has a rate");
        assertThatThrownBy(() -> TaxTable.builder().rate("9987", 10_001)).hasMessageContaining("0-10000");
    }
}
