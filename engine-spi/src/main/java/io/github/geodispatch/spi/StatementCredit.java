package io.github.geodispatch.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A credit on a payment statement: a UPI/PSP settlement row, an M-Pesa C2B confirmation or a bank line.
 * {@code reference} is the UTR/RRN or TransID (the idempotency key); {@code billRef} is the {@code tr} or
 * BillRefNumber the payer sent, or null; {@code payer} is the VPA or MSISDN, or null. The amount is a credit:
 * never negative and at most {@link Money#MAX_AMOUNT_MINOR} ({@link AmountOutOfRangeException} otherwise).
 * Immutable and thread-safe.
 */
public record StatementCredit(String source, String reference, Instant at, Money amount, String billRef, String payer) {
    public StatementCredit {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("statement source must not be blank");
        }
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("statement reference must not be blank");
        }
        CalendarRange.require(at, "at");
        Objects.requireNonNull(amount, "amount").requireAmount("statement amount");
    }
}
