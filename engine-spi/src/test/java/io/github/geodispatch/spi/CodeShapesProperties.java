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
 * ({@code [A-Z0-9]{10}}) and an HSN code ({@code \d{4,8}}), through {@link PaymentMode#referenceProblem} and
 * {@link JobEvent.PartUsed#requireValidPart}.
 */
class CodeShapesProperties {
    private static final Pattern UTR = Pattern.compile("\\d{12}");
    private static final Pattern TRANS_ID = Pattern.compile("[A-Z0-9]{10}");
    private static final Pattern HSN = Pattern.compile("\\d{4,8}");

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

    /** Digits, capitals and their neighbours (a lower-case letter, '/', ':', '@', '[', a non-ASCII digit), 0-14 long. */
    @Provide
    Arbitrary<String> codes() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789").ofMinLength(3).ofMaxLength(13),
                Arbitraries.strings().withChars("0123456789ABZ").ofMinLength(9).ofMaxLength(11),
                Arbitraries.strings().withChars("0123456789AZaz/:@[ ٣").ofMaxLength(14));
    }
}
