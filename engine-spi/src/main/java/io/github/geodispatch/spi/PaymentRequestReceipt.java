package io.github.geodispatch.spi;

/**
 * The provider took a {@link PaymentRequest}: {@code requestReference} is its id for the request (Daraja's
 * {@code CheckoutRequestID}), which its callback names; {@code detail} is what it said (may be empty). Immutable
 * and thread-safe.
 */
public record PaymentRequestReceipt(String requestReference, String detail) {
    public PaymentRequestReceipt {
        if (requestReference == null || requestReference.isBlank()) {
            throw new IllegalArgumentException("request reference must not be blank");
        }
        detail = detail == null ? "" : detail;
    }
}
