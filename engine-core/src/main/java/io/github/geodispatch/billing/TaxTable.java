package io.github.geodispatch.billing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Tax rates keyed by classification code (SAC for services, HSN for goods), matched on the longest
 * configured prefix: a rate for {@code "9987"} (maintenance and repair services) applies to
 * {@code "998719"} unless {@code "998719"} has its own. Rates are in basis points (18% = 1800).
 * An optional default rate applies to codes no prefix matches (a single-rate VAT); without one an
 * unknown code is an error, so a part is never billed at a guessed rate. Immutable and thread-safe.
 */
public final class TaxTable {
    private final Map<String, Integer> rates;
    private final Integer defaultRate;

    private TaxTable(Map<String, Integer> rates, Integer defaultRate) {
        this.rates = Map.copyOf(rates);
        this.defaultRate = defaultRate;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * India's starting table: SAC chapter 9987 (maintenance and repair services) at 18%, and the HSN
     * headings of the parts field-service teams fit most often at their rates from 22 September 2025:
     * 8414 (compressors, fans), 8415 (air conditioners and their parts), 8418 (refrigeration), 8421
     * (water filters and purifiers), 8532 (capacitors), 8536 (switches, relays, fuses), 8544 (wires and
     * cables), 3824 (refrigerant gas mixtures, an AC refill), 8525 (CCTV cameras) — all 18%. Extend it with
     * {@link Builder#from(TaxTable)} for the rest of a parts catalogue.
     */
    public static TaxTable indiaDefaults() {
        Builder builder = builder();
        for (String code : new String[] {"9987", "8414", "8415", "8418", "8421", "8532", "8536", "8544", "3824", "8525"}) {
            builder.rate(code, 1800);
        }
        return builder.build();
    }

    /** The rate of {@code code} in basis points, or empty when neither a prefix nor a default applies. */
    public OptionalInt find(String code) {
        if (code != null) {
            for (int length = code.length(); length > 0; length--) {
                Integer rate = rates.get(code.substring(0, length));
                if (rate != null) {
                    return OptionalInt.of(rate);
                }
            }
        }
        return defaultRate == null ? OptionalInt.empty() : OptionalInt.of(defaultRate);
    }

    /** The rate of {@code code} in basis points; a {@link BillingException} naming the code when none applies. */
    public int rateFor(String code) {
        OptionalInt rate = find(code);
        if (rate.isEmpty()) {
            throw new BillingException("no tax rate for code '" + code + "'; add its SAC/HSN to the tax table");
        }
        return rate.getAsInt();
    }

    /** Builds a {@link TaxTable}; setters fail at once on a bad or repeated value. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Integer> rates = new LinkedHashMap<>();
        private Integer defaultRate;

        private Builder() {}

        /** Starts from every rate (and the default) of {@code table}; later calls may not repeat its codes. */
        public Builder from(TaxTable table) {
            Objects.requireNonNull(table, "table");
            table.rates.forEach(this::rate);
            if (table.defaultRate != null) {
                defaultRate(table.defaultRate);
            }
            return this;
        }

        /** The rate of every code starting with {@code codePrefix} (2-8 digits), in basis points. */
        public Builder rate(String codePrefix, int basisPoints) {
            if (codePrefix == null || !codePrefix.matches("\\d{2,8}")) {
                throw new IllegalArgumentException("a SAC/HSN prefix is 2-8 digits, was '" + codePrefix + "'");
            }
            requireRate(basisPoints, codePrefix);
            if (rates.putIfAbsent(codePrefix, basisPoints) != null) {
                throw new IllegalArgumentException("code " + codePrefix + " already has a rate");
            }
            return this;
        }

        /** The rate of codes no prefix matches, in basis points. */
        public Builder defaultRate(int basisPoints) {
            if (defaultRate != null) {
                throw new IllegalArgumentException("the default rate is already set");
            }
            requireRate(basisPoints, "the default");
            defaultRate = basisPoints;
            return this;
        }

        public TaxTable build() {
            return new TaxTable(rates, defaultRate);
        }

        private static void requireRate(int basisPoints, String what) {
            if (basisPoints < 0 || basisPoints > 10_000) {
                throw new IllegalArgumentException("rate of " + what + " must be 0-10000 basis points, was " + basisPoints);
            }
        }
    }
}
