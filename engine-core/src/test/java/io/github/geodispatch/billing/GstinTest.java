package io.github.geodispatch.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.geodispatch.billing.InvalidGstinException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GstinTest {

    /**
     * Real GSTINs as published by their holders on tax invoices and receipts (e.g. Facebook India's ad
     * receipts print 06AABCF5150G1ZZ; Reliance Industries' Maharashtra registration answers on the GST
     * portal as RELIANCE INDUSTRIES LIMITED, Active).
     */
    @ParameterizedTest(name = "{0} ({3})")
    @CsvSource({
            "27AAACR5055K1Z7, Maharashtra, AAACR5055K, Reliance Industries Limited",
            "06AABCF5150G1ZZ, Haryana, AABCF5150G, Facebook India Online Services Pvt Ltd",
            "06AACCG0527D1Z8, Haryana, AACCG0527D, Google India Private Limited",
            "07AAJCA9880A1ZL, Delhi, AAJCA9880A, Amazon Web Services India Private Limited",
            "09AAACI1838D1ZU, Uttar Pradesh, AAACI1838D, Info Edge (India) Ltd",
            "33AAACZ4322M2Z9, Tamil Nadu, AAACZ4322M, Zoho Corporation Private Limited",
    })
    void acceptsRealPublishedGstins(String value, String state, String pan, String holder) {
        Gstin gstin = Gstin.parse(value);

        assertThat(gstin.value()).isEqualTo(value);
        assertThat(gstin.state().displayName()).isEqualTo(state);
        assertThat(gstin.pan()).isEqualTo(pan);
        assertThat(Gstin.checkCharacter(value.substring(0, 14))).isEqualTo(value.charAt(14));
    }

    @Test
    void extractsStateCodePanAndEntityNumber() {
        Gstin zoho = Gstin.parse("33AAACZ4322M2Z9");

        assertThat(zoho.stateCode()).isEqualTo("33");
        assertThat(zoho.state()).isEqualTo(GstState.TAMIL_NADU);
        assertThat(zoho.entityNumber()).isEqualTo('2');
    }

    @Test
    void lowerCaseAndBlanksAreCanonicalised() {
        assertThat(Gstin.parse("  27aaacr5055k1z7 ").value()).isEqualTo("27AAACR5055K1Z7");
        assertThat(Gstin.parse("06AabCF5150g1zZ")).isEqualTo(Gstin.parse("06AABCF5150G1ZZ"));
    }

    @Test
    void canonicalConstructorRefusesNonCanonicalText() {
        assertThatThrownBy(() -> new Gstin("27aaacr5055k1z7")).hasMessageContaining("Gstin.parse");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(quoteCharacter = '"', value = {
            "27AAACR5055K1Z8, CHECK_CHARACTER, \"check character is '8', expected '7'\"",
            "06AABCF5150G1ZA, CHECK_CHARACTER, expected 'Z'",
            "27AAACR5055K1Z, LENGTH, \"must be 15 characters, was 14\"",
            "27AAACR5055K1Z77, LENGTH, was 16",
            "50AAACR5055K1Z7, STATE_CODE, state code 50 does not exist",
            "00AAACR5055K1Z7, STATE_CODE, state code 00 does not exist",
            "96AAACR5055K1Z7, STATE_CODE, is a place of supply",
            "27AAAC-5055K1Z7, CHARACTER, character 7 '-' is not A-Z or 0-9",
            "271AACR5055K1Z7, PAN, are not a PAN",
            "27AAACR5055K0Z7, ENTITY_NUMBER, must be 1-9 or A-Z",
            "27AAACR5055K1Y7, DEFAULT_CHARACTER, character 14 must be Z",
    })
    void rejectsBrokenGstinsNamingTheRule(String value, Problem problem, String message) {
        assertThatThrownBy(() -> Gstin.parse(value))
                .isInstanceOfSatisfying(InvalidGstinException.class, e -> {
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.value()).isEqualTo(value);
                })
                .hasMessageContaining(message);
        assertThat(Gstin.isValid(value)).isFalse();
    }

    @Test
    void missingIsItsOwnProblem() {
        assertThatThrownBy(() -> Gstin.parse(null)).isInstanceOfSatisfying(InvalidGstinException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.MISSING));
        assertThatThrownBy(() -> Gstin.parse("   ")).isInstanceOfSatisfying(InvalidGstinException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.MISSING));
    }

    @Test
    void everySingleCharacterChangeOfTheBodyIsCaught() {
        String real = "07AAJCA9880A1ZL";
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (int position = 2; position < 14; position++) {
            for (char c : alphabet.toCharArray()) {
                if (c == real.charAt(position)) {
                    continue;
                }
                String changed = real.substring(0, position) + c + real.substring(position + 1);
                assertThat(Gstin.isValid(changed)).as(changed).isFalse();
            }
        }
    }

    @Test
    void specialStateCodes() {
        String otherTerritory = "97AAACR5055K1Z";
        assertThat(Gstin.parse(otherTerritory + Gstin.checkCharacter(otherTerritory)).state().displayName())
                .isEqualTo("Other Territory");
        String centre = "99AAACR5055K1Z";
        assertThat(Gstin.parse(centre + Gstin.checkCharacter(centre)).state())
                .isEqualTo(GstState.CENTRE_JURISDICTION);
        assertThat(GstState.FOREIGN_COUNTRY.placeOfSupply()).isTrue();
        assertThat(GstState.FOREIGN_COUNTRY.registrable()).isFalse();
        assertThat(GstState.CENTRE_JURISDICTION.placeOfSupply()).isFalse();
        assertThat(GstState.byCode("7")).contains(GstState.DELHI);
        assertThat(GstState.KARNATAKA.label()).isEqualTo("29-Karnataka");
    }

    @Test
    void theSharedSellerGstinValidates() {
        assertThat(Gstin.parse("29TIXCL8073U1ZU").state()).isEqualTo(GstState.KARNATAKA);
    }
}
