package io.github.geodispatch.contract;

import io.github.geodispatch.spi.ContractTerms;
import io.github.geodispatch.spi.Money;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One instalment of a contract's price (before tax): its 1-based {@code number}, the day it is due and its amount.
 * Immutable and thread-safe.
 */
public record Instalment(int number, LocalDate dueOn, Money amount) {
    public Instalment {
        if (number < 1 || number > 12) {
            throw new IllegalArgumentException("instalment must be 1-12, was " + number);
        }
        Objects.requireNonNull(dueOn, "due day");
        Objects.requireNonNull(amount, "amount").requireNonNegative("instalment amount");
    }

    /**
     * The instalments of {@code terms}: one upfront on the start day, or n equal ones, instalment k (from 0) due on
     * {@code start + floor(k × termDays / n)} days (termDays counting start and end, as the preventive visits are
     * spread), each {@code floor(price / n)} minor units and the last one the remainder, so they add up to the price
     * exactly.
     */
    public static List<Instalment> of(ContractTerms terms) {
        int n = terms.instalments();
        long termDays = ChronoUnit.DAYS.between(terms.start(), terms.end()) + 1;
        long price = terms.price().minor();
        long each = price / n;
        List<Instalment> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            long amount = k < n - 1 ? each : price - each * (n - 1);
            out.add(new Instalment(k + 1, terms.start().plusDays(k * termDays / n),
                    Money.ofMinor(amount, terms.price().currency())));
        }
        return List.copyOf(out);
    }
}
