package io.github.geodispatch.payment;

import io.github.geodispatch.spi.CalendarRange;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.TechnicianId;

import java.time.Instant;
import java.util.Objects;

/**
 * Cash a technician handed in to the branch or the bank. {@code reference} (a deposit slip or receipt
 * number) is the idempotency key when present: the same reference twice is one deposit. Immutable and
 * thread-safe.
 */
public record CashDeposit(TechnicianId technician, Instant at, Money amount, String reference) {
    public CashDeposit {
        Objects.requireNonNull(technician, "technician");
        CalendarRange.require(at, "deposit at");
        Objects.requireNonNull(amount, "amount").requireAmount("deposit amount");
        reference = reference == null || reference.isBlank() ? null : reference;
    }
}
