package io.github.geodispatch.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * The provider's answer to a payment request (Daraja's STK callback): whether it was {@code paid}, the provider's
 * result code and description (code {@code 0} is success; {@code 1032} the payer cancelled, {@code 1037} the phone
 * could not be reached), and for a payment the {@code receipt} (the M-Pesa receipt number, the statement's TransID),
 * the amount and the paying phone. {@code at} is when the provider says it happened. Immutable and thread-safe.
 */
public record PaymentCallback(String requestReference, boolean paid, String resultCode, String resultDescription,
                              String receipt, Money amount, String payerPhone, Instant at) {
    public PaymentCallback {
        if (requestReference == null || requestReference.isBlank()) {
            throw new IllegalArgumentException("request reference must not be blank");
        }
        Objects.requireNonNull(resultCode, "result code");
        resultDescription = resultDescription == null ? "" : resultDescription;
        if (paid) {
            if (receipt == null || receipt.isBlank()) {
                throw new IllegalArgumentException("a paid callback carries the receipt number");
            }
            Objects.requireNonNull(amount, "amount of a paid callback").requireNonNegative("callback amount");
        }
        CalendarRange.require(at, "at");
    }
}
