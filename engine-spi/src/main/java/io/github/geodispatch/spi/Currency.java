package io.github.geodispatch.spi;

import java.util.Locale;

/** The ISO 4217 currencies the engine settles in, with their minor-unit exponent. */
public enum Currency {
    INR(2), KES(2), USD(2), AED(2);

    private final int minorDigits;

    Currency(int minorDigits) {
        this.minorDigits = minorDigits;
    }

    public int minorDigits() {
        return minorDigits;
    }

    /** Parses an ISO code such as {@code "INR"}; throws {@link IllegalArgumentException} naming the bad code. */
    public static Currency parse(String code) {
        if (code == null) {
            throw new IllegalArgumentException("currency must not be null");
        }
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unsupported currency '" + code + "' (supported: INR, KES, USD, AED)", e);
        }
    }
}
