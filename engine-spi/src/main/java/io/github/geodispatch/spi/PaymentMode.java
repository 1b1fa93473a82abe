package io.github.geodispatch.spi;

import java.util.Optional;

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

    /**
     * What is wrong with {@code reference} as this mode's payment reference, or empty when it is well formed:
     * UPI needs a 12-digit UTR/RRN, MPESA a 10-character upper-case alphanumeric TransID; the other modes
     * take any reference or none.
     */
    public Optional<String> referenceProblem(String reference) {
        return switch (this) {
            case UPI -> CodeShapes.digitsOrCapitals(reference, 12, 12, false) ? Optional.empty()
                    : Optional.of("a UPI payment needs a 12-digit UTR/RRN, was '" + reference + "'");
            case MPESA -> CodeShapes.digitsOrCapitals(reference, 10, 10, true) ? Optional.empty()
                    : Optional.of("an M-Pesa payment needs a 10-character TransID, was '" + reference + "'");
            case CASH, CARD, PENDING, AMC, WARRANTY, INVOICE_REQUIRED, WAIVED -> Optional.empty();
        };
    }

    /** True for the modes whose reference must appear on a statement credit. */
    public boolean needsStatementCredit() {
        return this == UPI || this == MPESA;
    }
}
