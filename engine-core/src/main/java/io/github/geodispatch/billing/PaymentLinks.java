package io.github.geodispatch.billing;

import io.github.geodispatch.payment.UpiIntent;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.Money;

/**
 * Makes the payment link printed on a consumer invoice for the amount due. {@link #upiIntent()} is the
 * UPI deep link ({@code upi://pay?pa=...&pn=...&am=...&cu=INR&tr=INVOICE-NO&tn=...}), which is also the
 * payload of the invoice's UPI QR code. Implementations must be thread-safe and must not fail on a payee
 * address a {@link SellerProfile} accepts: the invoice number is already drawn when a link is made.
 */
@FunctionalInterface
public interface PaymentLinks {

    /**
     * The link paying {@code amount} to {@code payeeAddress} (named {@code payeeName}) for
     * {@code invoiceNumber}, or null when this kind of link cannot carry the amount (another currency).
     */
    String link(String payeeAddress, String payeeName, Money amount, String invoiceNumber);

    /** UPI intent links built by {@link UpiIntent}, with {@code tr} = the invoice number; null for non-INR amounts. */
    static PaymentLinks upiIntent() {
        return (payeeAddress, payeeName, amount, invoiceNumber) -> amount.currency() != Currency.INR ? null
                : UpiIntent.builder().payee(payeeAddress, payeeName.length() <= 99 ? payeeName : payeeName.substring(0, 99))
                        .amount(amount).reference(invoiceNumber).note("Invoice " + invoiceNumber).build().uri();
    }
}
