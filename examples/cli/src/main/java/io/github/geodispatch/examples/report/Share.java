package io.github.geodispatch.examples.report;

import java.util.OptionalDouble;

/**
 * A part of a whole, e.g. "SLA met: 42 of 45 jobs". With nothing to count ({@code whole == 0}) the page shows a dash,
 * never 0% or 100%. Immutable and thread-safe.
 *
 * @param part  how many met the measure, {@code 0 <= part <= whole}
 * @param whole how many were measured
 */
public record Share(long part, long whole) {
    /** Nothing was measured. */
    public static final Share NONE = new Share(0, 0);

    public Share {
        Checks.count(part, "part");
        Checks.count(whole, "whole");
        if (part > whole) {
            throw new IllegalArgumentException("part " + part + " is more than the whole " + whole);
        }
    }

    /** {@code part / whole}, empty when nothing was measured. */
    public OptionalDouble ratio() {
        return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / whole);
    }

    /** The sum of two shares (e.g. a week from its days). */
    public Share plus(Share other) {
        return new Share(part + other.part, whole + other.whole);
    }
}
