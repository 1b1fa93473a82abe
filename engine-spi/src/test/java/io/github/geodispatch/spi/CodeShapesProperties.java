package io.github.geodispatch.spi;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code shape checks against the patterns they replaced: a UTR ({@code \d{12}}), an M-Pesa TransID
 * ({@code [A-Z0-9]{10}}), an HSN code ({@code \d{4,8}}), through {@link PaymentMode#referenceProblem} and
 * {@link JobEvent.PartUsed#requireValidPart}, and a job type ({@code [A-Z][A-Z0-9_]{0,39}}).
 */
class CodeShapesProperties {
    private static final Pattern UTR = Pattern.compile("\\d{12}");
    private static final Pattern TRANS_ID = Pattern.compile("[A-Z0-9]{10}");
    private static final Pattern HSN = Pattern.compile("\\d{4,8}");
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    @Property(tries = 2_000)
    void referencesAndHsnCodesPassExactlyWhenThePatternsMatch(@ForAll("codes") String code) {
        assertThat(PaymentMode.UPI.referenceProblem(code).isEmpty()).isEqualTo(UTR.matcher(code).matches());
        assertThat(PaymentMode.MPESA.referenceProblem(code).isEmpty()).isEqualTo(TRANS_ID.matcher(code).matches());
        assertThat(CodeShapes.digitsOrCapitals(code, 4, 8, false)).isEqualTo(HSN.matcher(code).matches());
        boolean partValid;
        try {
            JobEvent.PartUsed.requireValidPart("SKU", code, 1, Money.inr(100));
            partValid = true;
        } catch (IllegalArgumentException e) {
            partValid = false;
        }
        assertThat(partValid).isEqualTo(HSN.matcher(code).matches());
    }

    @Property(tries = 2_000)
    void jobTypesPassExactlyWhenThePatternMatches(@ForAll("types") String type) {
        assertThat(CodeShapes.upperSnake(type)).isEqualTo(TYPE.matcher(type).matches());
    }

    /** Capitals, digits, '_' and their neighbours (lower case, '@', '[', '`', '/', ':', a space), 0-42 long. */
    @Provide
    Arbitrary<String> types() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("AZ09_").ofMaxLength(42),
                Arbitraries.strings().withChars("ACZ09_az@[`/: ").ofMaxLength(6));
    }

    /** Digits, capitals and their neighbours (a lower-case letter, '/', ':', '@', '[', a non-ASCII digit), 0-14 long. */
    @Provide
    Arbitrary<String> codes() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789").ofMinLength(3).ofMaxLength(13),
                Arbitraries.strings().withChars("0123456789ABZ").ofMinLength(9).ofMaxLength(11),
                Arbitraries.strings().withChars("0123456789AZaz/:@[ ٣").ofMaxLength(14));
    }
}
