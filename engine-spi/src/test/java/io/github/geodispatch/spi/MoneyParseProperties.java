package io.github.geodispatch.spi;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Money#parse} against {@link Money#parseDecimal}, the pattern and {@link BigDecimal} reading it had before
 * its fast path for the common shape: every text parses to the same amount or is refused with the same message; and
 * {@link Money#toPlainString} against {@link BigDecimal}'s, which it replaced.
 */
class MoneyParseProperties {
    @Property(tries = 3_000)
    void parsesAsThePatternAndBigDecimalRead(@ForAll("amounts") String amount, @ForAll Currency currency) {
        assertThat(outcome(() -> Money.parse(amount, currency)))
                .isEqualTo(outcome(() -> Money.parseDecimal(amount, currency)));
    }

    @Property(tries = 3_000)
    void writesAsBigDecimalWrote(@ForAll("minors") long minor, @ForAll Currency currency) {
        assertThat(new Money(minor, currency).toPlainString())
                .isEqualTo(BigDecimal.valueOf(minor, currency.minorDigits()).toPlainString());
    }

    /** Any long, small ones (the fraction's leading zeros, the sign of amounts under one unit) and the extremes. */
    @Provide
    Arbitrary<Long> minors() {
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-1_000, 1_000),
                Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 100L, -100L, 1_000_000_007L));
    }

    /** The amount, or the class and message of what was thrown. */
    private static String outcome(java.util.function.Supplier<Money> parse) {
        try {
            Money money = parse.get();
            return money.minor() + " " + money.currency();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** Texts of digits, signs, points and spaces, amounts of the common shape, and lengths about the limits. */
    @Provide
    Arbitrary<String> amounts() {
        Arbitrary<String> shaped = Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(19)
                .flatMap(integer -> Arbitraries.of("", ".", ".0", ".5", ".05", ".50", ".123", ".00")
                        .flatMap(decimals -> Arbitraries.of("", "-", " ", "+").map(sign -> sign + integer + decimals)));
        return Arbitraries.oneOf(shaped, Arbitraries.strings().withChars("-0123456789. e+").ofMaxLength(22),
                Arbitraries.of(null, "", "-", "-0", "-0.00", "0", "1499.00", "999999999999999.99", "1000000000.00",
                        "9999999999999999", "99999999999999999", "1000000000.001", " 12.5", "12.5 ", "١٢"));
    }
}
