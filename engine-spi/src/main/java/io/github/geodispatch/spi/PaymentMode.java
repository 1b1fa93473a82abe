package io.github.geodispatch.spi;

/** How a job is (to be) paid. */
public enum PaymentMode {
    /** Paid by UPI; the reference is the 12-digit UTR/RRN. */
    UPI,
    /** Cash collected by the technician. */
    CASH,
    /** Paid by M-Pesa; the reference is the TransID. */
    MPESA,
    CARD,
    /** Not paid yet; a promised date may be given. */
    PENDING,
    /** Covered by an annual maintenance contract. */
    AMC,
    /** Covered by a warranty. */
    WARRANTY,
    /** B2B credit: collected through an invoice. */
    INVOICE_REQUIRED,
    /** Forgiven; needs an OWNER's approval. */
    WAIVED;

    /** True for the modes that settle money on site (the technician leaves with the payment done). */
    public boolean settlesOnSite() {
        return this == UPI || this == CASH || this == MPESA || this == CARD;
    }

    /** True for the modes whose reference must appear on a statement credit. */
    public boolean needsStatementCredit() {
        return this == UPI || this == MPESA;
    }
}
