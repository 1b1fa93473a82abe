package io.github.geodispatch.spi;

/** The kinds of proof of work a job card can carry. */
public enum ProofKind {
    PHOTO, DOCUMENT, SIGNATURE, OTP, NOTE;

    /**
     * True for the kinds whose content must be pinned by a sha256 when recorded through a command: a photo, a
     * document, and the customer's signature (the image of it), which is evidence like a photo.
     */
    public boolean needsContentHash() {
        return this == PHOTO || this == DOCUMENT || this == SIGNATURE;
    }

    /** True for the kinds that record the customer's approval of the work. */
    public boolean isCustomerApproval() {
        return this == SIGNATURE || this == OTP;
    }
}
