package io.github.geodispatch.examples.report;

import io.github.geodispatch.spi.Money;

import java.util.List;
import java.util.Objects;

/** Argument checks shared by the report's records: each failure names the field. Stateless and thread-safe. */
final class Checks {
    private Checks() {}

    static String text(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    static long count(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, was " + value);
        }
        return value;
    }

    static Money amount(Money value, String field) {
        Objects.requireNonNull(value, field);
        return value.requireNonNegative(field);
    }

    static <T> List<T> list(List<T> value, String field) {
        Objects.requireNonNull(value, field);
        return List.copyOf(value);
    }
}
