package io.github.geodispatch.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.geodispatch.billing.InvalidGstinException.Problem;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
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
        assertThat(gstin.pan()).contains(pan);
        assertThat(gstin.category()).isEqualTo(Gstin.Category.REGULAR);
        assertThat(Gstin.checkCharacter(value.substring(0, 14))).isEqualTo(value.charAt(14));
    }

    @Test
    void extractsStateCodePanAndEntityNumber() {
        Gstin zoho = Gstin.parse("33AAACZ4322M2Z9");

        assertThat(zoho.stateCode()).isEqualTo("33");
        assertThat(zoho.state()).isEqualTo(GstState.TAMIL_NADU);
        assertThat(zoho.entityNumber()).contains('2');
    }

    /**
     * Every registration category the GST portal issues, on registered numbers that India Compliance (the GST
     * app for ERPNext) lists as samples of each category: regular (a composition dealer, an input service
     * distributor), tax deductors registered on a TAN and on a PAN, tax collectors (e-commerce operators), UN
     * bodies and an embassy (UIN), and an online services provider abroad (OIDAR).
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "36AASFP8573D2ZN, REGULAR, Telangana, AASFP8573D",
            "29AABCF8078M2ZW, REGULAR, Karnataka, AABCF8078M",
            "06DELI09652G1DA, TAX_DEDUCTOR, Haryana, ",
            "09ALDN00287A1DD, TAX_DEDUCTOR, Uttar Pradesh, ",
            "19AAACI1681G1DV, TAX_DEDUCTOR, West Bengal, AAACI1681G",
            "29AABCF8078M1C8, TAX_COLLECTOR, Karnataka, AABCF8078M",
            "27AAECG3736E1C2, TAX_COLLECTOR, Maharashtra, AAECG3736E",
            "0717UNO00157UNO, UIN_HOLDER, Delhi, ",
            "2117UNO00002UNF, UIN_HOLDER, Odisha, ",
            "0717UNO00154UNU, UIN_HOLDER, Delhi, ",
            "9917SGP29001OST, OIDAR, Centre Jurisdiction, ",
    })
    void acceptsEveryRegistrationCategoryAndStatesIt(String value, Gstin.Category category, String state, String pan) {
        Gstin gstin = Gstin.parse(value);

        assertThat(gstin.category()).isEqualTo(category);
        assertThat(gstin.state().displayName()).isEqualTo(state);
        assertThat(gstin.pan()).isEqualTo(java.util.Optional.ofNullable(pan));
        assertThat(gstin.holderId()).isEqualTo(value.substring(2, 12));
        assertThat(Gstin.checkCharacter(value.substring(0, 14))).isEqualTo(value.charAt(14));
    }

    @Test
    void theTcsCollectorOfTheIssueHasCheckCharacter8() {
        assertThat(Gstin.checkCharacter("29AABCF8078M1C")).isEqualTo('8');
        assertThat(Gstin.parse("29aabcf8078m1c8").category().description()).isEqualTo("tax collector (TCS)");
    }

    @Test
    void aNonResidentTaxablePersonIsYearCountrySerialThenNR() {
        String body = "0723USA00001NR";
        Gstin nonResident = Gstin.parse(body + Gstin.checkCharacter(body));

        assertThat(nonResident.category()).isEqualTo(Gstin.Category.NON_RESIDENT);
        assertThat(nonResident.pan()).isEmpty();
        assertThat(nonResident.entityNumber()).isEmpty();
    }

    @Test
    void aBadCheckCharacterIsRejectedInEveryCategory() {
        for (String value : List.of("36AASFP8573D2ZN", "06DELI09652G1DA", "19AAACI1681G1DV", "29AABCF8078M1C8",
                "0717UNO00157UNO", "9917SGP29001OST")) {
            for (char c : "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray()) {
                if (c != value.charAt(14)) {
                    String wrong = value.substring(0, 14) + c;
                    assertThatThrownBy(() -> Gstin.parse(wrong)).as(wrong)
                            .isInstanceOfSatisfying(InvalidGstinException.class,
                                    e -> assertThat(e.problem()).isEqualTo(Problem.CHECK_CHARACTER));
                }
            }
        }
    }

    /** The first 14 characters of a well-formed GSTIN of each category, from random states, holders and numbers. */
    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> state = Arbitraries.of(GstState.values()).filter(GstState::registrable).map(GstState::code);
        Arbitrary<String> letters = Arbitraries.strings().withCharRange('A', 'Z').ofLength(1);
        Arbitrary<String> digit = Arbitraries.strings().numeric().ofLength(1);
        Arbitrary<String> entity = Arbitraries.strings().withChars("123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ").ofLength(1);
        Arbitrary<String> pan = Combinators.combine(letters.list().ofSize(5), digit.list().ofSize(4), letters)
                .as((l, d, c) -> String.join("", l) + String.join("", d) + c);
        Arbitrary<String> tan = Combinators.combine(letters.list().ofSize(4), digit.list().ofSize(5), letters)
                .as((l, d, c) -> String.join("", l) + String.join("", d) + c);
        Arbitrary<String> yearCountrySerial = Combinators.combine(digit.list().ofSize(2), letters.list().ofSize(3),
                digit.list().ofSize(5)).as((y, c, n) -> String.join("", y) + String.join("", c) + String.join("", n));
        return Arbitraries.oneOf(
                Combinators.combine(state, pan, entity, Arbitraries.of("Z", "D", "C")).as((a, b, c, d) -> a + b + c + d),
                Combinators.combine(state, tan, entity).as((a, b, c) -> a + b + c + "D"),
                Combinators.combine(state, yearCountrySerial, Arbitraries.of("UN", "ON", "NR")).as((a, b, c) -> a + b + c),
                yearCountrySerial.map(b -> "99" + b + "OS"));
    }

    @Property(tries = 500)
    void theCheckCharacterDecidesAndTheLayoutNamesTheCategory(@ForAll("bodies") String body,
                                                              @ForAll @CharRange(from = '0', to = 'Z') char last) {
        char check = Gstin.checkCharacter(body);
        Gstin gstin = Gstin.parse(body + check);
        Gstin.Category expected = switch (body.substring(12)) {
            case "UN", "ON" -> Gstin.Category.UIN_HOLDER;
            case "NR" -> Gstin.Category.NON_RESIDENT;
            case "OS" -> Gstin.Category.OIDAR;
            default -> switch (body.charAt(13)) {
                case 'Z' -> Gstin.Category.REGULAR;
                case 'C' -> Gstin.Category.TAX_COLLECTOR;
                default -> Gstin.Category.TAX_DEDUCTOR;
            };
        };
        assertThat(gstin.category()).isEqualTo(expected);
        if (Character.isLetterOrDigit(last) && last != check) {
            assertThat(Gstin.isValid(body + last)).as(body + last).isFalse();
        }
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
            "29AABCF8078M1K8, DEFAULT_CHARACTER, \"D (tax deductor) or C (tax collector), was 'K'\"",
            "06DELI09652G1ZA, DEFAULT_CHARACTER, \"a TAN, which only a tax deductor's GSTIN carries\"",
            "06DELI09652G0DA, ENTITY_NUMBER, must be 1-9 or A-Z",
            "0717UNO00157XNO, CATEGORY_CODE, must be UN or ON (UIN)",
            "0717SGP29001OST, STATE_CODE, carries state code 99",
            "07A7UNO00157UNO, PAN, \"a TAN (4 letters, 5 digits, 1 letter) or a year, country and serial\"",
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
