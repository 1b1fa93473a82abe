package io.github.geodispatch.billing;

import io.github.geodispatch.spi.Money;

/**
 * Makes the payment link printed on a consumer invoice (a UPI intent such as
 * {@code upi://pay?pa=...&pn=...&am=...&cu=INR&tr=INVOICE-NO}) for the amount due. Implementations
 * must be thread-safe and must not fail on valid input: the invoice number is already drawn.
 */
@FunctionalInterface
public interface PaymentLinks {

    /** The link paying {@code amount} to {@code payeeAddress} (named {@code payeeName}) for {@code invoiceNumber}. */
    String link(String payeeAddress, String payeeName, Money amount, String invoiceNumber);
}
