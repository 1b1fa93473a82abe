package io.github.geodispatch.payment;

/** Where a job's money stands, as read from its payment records. */
public enum PaymentStatus {
    /** No payment or payment status recorded yet. */
    NONE,
    /** Paid on site, less than the amount due, nothing else arranged. */
    PARTIAL,
    /** Paid on site in full (or nothing is due). */
    PAID,
    /** Payment promised for a later date. */
    PENDING,
    /** Paid by a valid AMC or warranty (what is left, if anything, is paid). */
    COVERED,
    /** B2B credit: to be collected through the invoice. */
    INVOICE_REQUIRED,
    /** Forgiven with an OWNER's approval. */
    WAIVED
}
