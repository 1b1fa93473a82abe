package io.github.geodispatch.spi;

import java.util.Objects;

/**
 * A request to a payer's phone to pay {@code amount} for {@code job} (an M-Pesa STK push: the payer sees a PIN prompt).
 * {@code payerPhone} is E.164 ({@code +2547...}); {@code accountReference} is what the payment carries back on the
 * statement (the job id, so the reconciler links it); {@code description} is the short text on the prompt. Immutable
 * and thread-safe.
 */
public record PaymentRequest(TenantId tenant, JobId job, Money amount, String payerPhone, String accountReference,
                             String description) {
    public PaymentRequest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a payment request asks for a positive amount, was " + amount);
        }
        if (payerPhone == null || !payerPhone.matches("\\+[1-9]\\d{6,14}")) {
            throw new IllegalArgumentException("payer phone must be E.164 such as +254712345678, was '" + payerPhone + "'");
        }
        if (accountReference == null || accountReference.isBlank()) {
            throw new IllegalArgumentException("account reference must not be blank");
        }
        description = description == null ? "" : description;
    }
}
