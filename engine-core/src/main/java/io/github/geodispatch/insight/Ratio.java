package io.github.geodispatch.insight;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A KPI that is a fraction, kept as its exact numerator and denominator so a dashboard can show
 * "17 of 20" and a test can check it without rounding. Immutable and thread-safe.
 */
public record Ratio(long numerator, long denominator) {
    public Ratio {
        if (numerator < 0 || denominator < 0) {
            throw new IllegalArgumentException("ratio parts must not be negative, was " + numerator + "/" + denominator);
        }
    }

    /** The value, or empty when the denominator is zero (nothing to measure). */
    public OptionalDouble value() {
        return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) numerator / denominator);
    }

    /** The value as a percentage with one decimal, e.g. {@code "85.0%"}, or {@code "—"} when undefined. */
    public String percent() {
        return denominator == 0 ? "—" : String.format(Locale.ROOT, "%.1f%%", 100.0 * numerator / denominator);
    }

    @Override
    public String toString() {
        return percent() + " (" + numerator + "/" + denominator + ")";
    }
}
