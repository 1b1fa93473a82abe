package io.github.geodispatch.spi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * An amount in minor units (paise, cents) of one currency. No floating point anywhere; arithmetic
 * overflows throw {@link ArithmeticException}; mixing currencies throws {@link IllegalArgumentException}.
 * The amount may be negative (a refund or round-off); use {@link #requireNonNegative(String)} where a
 * price or payment is meant. Immutable and thread-safe.
 */
public record Money(long minor, Currency currency) implements Comparable<Money> {
    /** Compiled once: every money field of a journal goes through {@link #parse}. */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d{1,16}(\\.\\d+)?");

    public Money {
        if (currency == null) {
            throw new IllegalArgumentException("currency must not be null");
        }
    }

    public static Money ofMinor(long minor, Currency currency) {
        return new Money(minor, currency);
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public static Money inr(long paise) {
        return new Money(paise, Currency.INR);
    }

    public static Money kes(long cents) {
        return new Money(cents, Currency.KES);
    }

    /**
     * Parses a decimal amount such as {@code "1499.00"} or {@code "12.5"} exactly; more decimals than the
     * currency has, exponents or anything non-numeric are rejected.
     */
    public static Money parse(String amount, Currency currency) {
        if (amount == null || !PLAIN_DECIMAL.matcher(amount.trim()).matches()) {
            throw new IllegalArgumentException("amount must be a plain decimal such as 1499.00, was '" + amount + "'");
        }
        BigDecimal value = new BigDecimal(amount.trim());
        if (value.scale() > currency.minorDigits()) {
            throw new IllegalArgumentException("amount '" + amount + "' has more than " + currency.minorDigits()
                    + " decimals for " + currency);
        }
        return new Money(value.movePointRight(currency.minorDigits()).longValueExact(), currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(minor, factor), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minor), currency);
    }

    /**
     * This amount times {@code basisPoints / 10_000}, rounded half-up to the minor unit
     * (18% = 1800 basis points).
     */
    public Money percentOf(long basisPoints) {
        BigDecimal exact = BigDecimal.valueOf(minor).multiply(BigDecimal.valueOf(basisPoints))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP);
        return new Money(exact.longValueExact(), currency);
    }

    public boolean isZero() {
        return minor == 0;
    }

    public boolean isNegative() {
        return minor < 0;
    }

    public boolean isPositive() {
        return minor > 0;
    }

    /** Returns this amount, or throws naming {@code what} when it is negative. */
    public Money requireNonNegative(String what) {
        if (minor < 0) {
            throw new IllegalArgumentException(what + " must not be negative, was " + toPlainString() + " " + currency);
        }
        return this;
    }

    /** The decimal amount with exactly the currency's digits, e.g. {@code "1499.00"}. */
    public String toPlainString() {
        return BigDecimal.valueOf(minor, currency.minorDigits()).toPlainString();
    }

    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(minor, currency.minorDigits());
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    private void requireSameCurrency(Money other) {
        if (other.currency != currency) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public String toString() {
        return toPlainString() + " " + currency;
    }
}
