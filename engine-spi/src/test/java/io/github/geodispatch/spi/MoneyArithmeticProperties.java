package io.github.geodispatch.spi;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Money arithmetic against {@link BigInteger}: every sum, difference and product is either exact or an
 * {@link ArithmeticException}, never a silently wrapped {@code long}; the bounds of a single amount hold.
 */
class MoneyArithmeticProperties {

    /** Amounts anywhere in the range of long, with the edges and the maximum amount drawn often. */
    @Provide
    Arbitrary<Long> minors() {
        return Arbitraries.oneOf(Arbitraries.longs(),
                Arbitraries.longs().between(-2 * Money.MAX_AMOUNT_MINOR, 2 * Money.MAX_AMOUNT_MINOR),
                Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1, 0L, 1L, -1L,
                        Money.MAX_AMOUNT_MINOR, Money.MAX_AMOUNT_MINOR + 1));
    }

    @Property(tries = 2_000)
    void plusMinusAndTimesAreExactOrThrow(@ForAll("minors") long a, @ForAll("minors") long b) {
        Money x = Money.inr(a);
        Money y = Money.inr(b);
        BigInteger big = BigInteger.valueOf(a);
        BigInteger other = BigInteger.valueOf(b);
        exactOrOverflow(() -> x.plus(y).minor(), big.add(other));
        exactOrOverflow(() -> x.minus(y).minor(), big.subtract(other));
        exactOrOverflow(() -> x.times(b).minor(), big.multiply(other));
        exactOrOverflow(() -> x.negate().minor(), big.negate());
        exactOrOverflow(() -> Money.addExact(a, b, "revenue"), big.add(other));
    }

    @Property(tries = 500)
    void aSumOfSingleAmountsIsExactOrThrows(@ForAll @Size(max = 200) List<@net.jqwik.api.constraints.LongRange(
            min = 0, max = Money.MAX_AMOUNT_MINOR) Long> amounts, @ForAll("minors") long start) {
        BigInteger exact = BigInteger.valueOf(start);
        for (long amount : amounts) {
            exact = exact.add(BigInteger.valueOf(amount));
        }
        BigInteger expected = exact;
        exactOrOverflow(() -> {
            Money sum = Money.inr(start);
            for (long amount : amounts) {
                sum = sum.plus(Money.inr(amount).requireAmount("payment amount"));
            }
            return sum.minor();
        }, expected);
    }

    @Property(tries = 1_000)
    void requireAmountAcceptsExactlyZeroToTheMaximum(@ForAll("minors") long minor) {
        Money amount = Money.kes(minor);
        if (minor >= 0 && minor <= Money.MAX_AMOUNT_MINOR) {
            assertThat(amount.requireAmount("amount")).isSameAs(amount);
        } else {
            assertThatThrownBy(() -> amount.requireAmount("amount")).isInstanceOf(AmountOutOfRangeException.class)
                    .hasMessageStartingWith("amount ");
        }
    }

    private interface LongResult {
        long get();
    }

    private static void exactOrOverflow(LongResult operation, BigInteger exact) {
        boolean fits = exact.bitLength() < Long.SIZE;
        if (fits) {
            assertThat(operation.get()).isEqualTo(exact.longValueExact());
        } else {
            assertThatThrownBy(operation::get).isInstanceOf(ArithmeticException.class)
                    .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("amount overflow", "overflows"));
        }
    }
}
