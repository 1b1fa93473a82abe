package io.github.geodispatch.spi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * An amount in minor units (paise, cents) of one currency. No floating point anywhere; arithmetic that
 * leaves the range of {@code long} throws an {@link ArithmeticException} naming the operands (never a silent
 * wrap); mixing currencies throws {@link IllegalArgumentException}. The amount may be negative (a refund or
 * round-off); where a single amount enters the engine (a quote, a price, a payment, a statement credit, a
 * deposit, an invoice total) use {@link #requireAmount(String)}: not negative and at most
 * {@link #MAX_AMOUNT_MINOR}. Immutable and thread-safe.
 */
public record Money(long minor, Currency currency) implements Comparable<Money> {
    /**
     * The largest single amount the engine accepts, in minor units: 1,000,000,000.00 of a currency with two
     * decimals (₹100 crore, KES 1 billion). Far above any field-service job, low enough that a sum of up to
     * 92 million such amounts still fits a {@code long}, and that an invoice at the maximum stays inside the
     * GST e-invoice schema's limits (999,999,999,999.99 per line and 99,999,999,999,999.98 per invoice).
     */
    public static final long MAX_AMOUNT_MINOR = 100_000_000_000L;
    /** Compiled once: every money field of a journal goes through {@link #parse}. */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d{1,16}(\\.\\d+)?");
    /** Digits in minor units that always fit a {@code long} (10^18 - 1 < 2^63). */
    private static final int MAX_PLAIN_DIGITS = 18;
    /** Not a minor amount {@link #plainMinor} can return (its magnitude stays under 10^18). */
    private static final long NOT_PLAIN = Long.MIN_VALUE;

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
        long plain = amount == null || currency == null ? NOT_PLAIN : plainMinor(amount, currency.minorDigits());
        return plain != NOT_PLAIN ? new Money(plain, currency) : parseDecimal(amount, currency);
    }

    /**
     * {@link #parse} by its pattern and {@link BigDecimal}: every shape, with the error messages; the common shape
     * takes the faster {@link #plainMinor} first (a property checks the two agree).
     */
    static Money parseDecimal(String amount, Currency currency) {
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

    /**
     * {@code amount} in minor units when it has the common shape, digits with an optional minus sign and at most
     * {@code minorDigits} decimals, short enough for a {@code long} (what {@link #parse} then reads to the same value
     * by its pattern and {@link BigDecimal}, without their allocations); else {@link #NOT_PLAIN}.
     */
    private static long plainMinor(String amount, int minorDigits) {
        int length = amount.length();
        boolean negative = length > 0 && amount.charAt(0) == '-';
        int i = negative ? 1 : 0;
        int digitsStart = i;
        long value = 0;
        while (i < length && isDigit(amount.charAt(i))) {
            value = value * 10 + (amount.charAt(i++) - '0');
        }
        int integerDigits = i - digitsStart;
        if (integerDigits == 0 || integerDigits + minorDigits > MAX_PLAIN_DIGITS) {
            return NOT_PLAIN;
        }
        int decimals = 0;
        if (i < length && amount.charAt(i) == '.') {
            int decimalsStart = ++i;
            while (i < length && isDigit(amount.charAt(i))) {
                value = value * 10 + (amount.charAt(i++) - '0');
            }
            decimals = i - decimalsStart;
            if (decimals == 0 || decimals > minorDigits) {
                return NOT_PLAIN;
            }
        }
        if (i != length) {
            return NOT_PLAIN;
        }
        for (int d = decimals; d < minorDigits; d++) {
            value *= 10;
        }
        return negative ? -value : value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@link #MAX_AMOUNT_MINOR} in {@code currency}. */
    public static Money maxAmount(Currency currency) {
        return new Money(MAX_AMOUNT_MINOR, currency);
    }

    /**
     * {@code a + b} in minor units; when the sum leaves the range of {@code long}, an
     * {@link ArithmeticException} saying that the sum of {@code what} overflows (e.g. "revenue").
     */
    public static long addExact(long a, long b, String what) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new ArithmeticException("the sum of " + what + " overflows: " + a + " + " + b
                    + " minor units leave the range of a long");
        }
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        try {
            return new Money(Math.addExact(minor, other.minor), currency);
        } catch (ArithmeticException e) {
            throw overflow(this + " + " + other);
        }
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        try {
            return new Money(Math.subtractExact(minor, other.minor), currency);
        } catch (ArithmeticException e) {
            throw overflow(this + " - " + other);
        }
    }

    public Money times(long factor) {
        try {
            return new Money(Math.multiplyExact(minor, factor), currency);
        } catch (ArithmeticException e) {
            throw overflow(this + " x " + factor);
        }
    }

    public Money negate() {
        try {
            return new Money(Math.negateExact(minor), currency);
        } catch (ArithmeticException e) {
            throw overflow("-(" + this + ")");
        }
    }

    private static ArithmeticException overflow(String expression) {
        return new ArithmeticException("amount overflow: " + expression + " leaves the range of a long");
    }

    /**
     * This amount times {@code basisPoints / 10_000}, rounded half-up to the minor unit
     * (18% = 1800 basis points).
     */
    public Money percentOf(long basisPoints) {
        BigDecimal exact = BigDecimal.valueOf(minor).multiply(BigDecimal.valueOf(basisPoints))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP);
        try {
            return new Money(exact.longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw overflow(this + " x " + basisPoints + " / 10000");
        }
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
            throw new AmountOutOfRangeException(what, this, AmountOutOfRangeException.Bound.NEGATIVE);
        }
        return this;
    }

    /**
     * Returns this amount when it may enter the engine as a single amount given in {@code field} (a quote, a
     * price, a payment, a credit, a deposit, an invoice total): not negative and at most
     * {@link #MAX_AMOUNT_MINOR}; otherwise throws an {@link AmountOutOfRangeException} naming the field.
     */
    public Money requireAmount(String field) {
        requireNonNegative(field);
        if (minor > MAX_AMOUNT_MINOR) {
            throw new AmountOutOfRangeException(field, this, AmountOutOfRangeException.Bound.ABOVE_MAXIMUM);
        }
        return this;
    }

    /** The decimal amount with exactly the currency's digits, e.g. {@code "1499.00"}, {@code "-0.05"}. */
    public String toPlainString() {
        // by hand rather than through BigDecimal: reports write one per amount, hundreds of thousands per run
        int digits = currency.minorDigits();
        if (digits == 0) {
            return Long.toString(minor);
        }
        long scale = 1;
        for (int i = 0; i < digits; i++) {
            scale *= 10;
        }
        long whole = minor / scale;
        long fraction = Math.abs(minor % scale);
        StringBuilder text = new StringBuilder(24);
        if (minor < 0 && whole == 0) {
            text.append('-');
        }
        text.append(whole).append('.');
        for (long rest = scale / 10; rest > fraction && rest > 1; rest /= 10) {
            text.append('0');
        }
        return text.append(fraction).toString();
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
