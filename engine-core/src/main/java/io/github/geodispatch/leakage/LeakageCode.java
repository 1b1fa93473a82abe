package io.github.geodispatch.leakage;

/** The kinds of payment leakage the rules find; see the README's "Payments and leakage" section for each. */
public enum LeakageCode {
    /** A completed job with no payment status recorded after the grace period (default 2 h). */
    PAYMENT_STATUS_MISSING,
    /** A job marked paid by UPI/MPESA whose reference no statement credit carries after the grace (48 h). */
    PAYMENT_UNVERIFIED,
    /** A statement credit that links to no job. */
    PAYMENT_UNLINKED,
    /** A UTR/TransID claimed by a second job (the later claim, and only it, is the finding). */
    DUPLICATE_PAYMENT_REFERENCE,
    /** A job settled on site whose paid total is below the amount due (the invoice total when invoiced). */
    SHORT_COLLECTION,
    /** A billable part used on the job is missing from its invoice. */
    PARTS_NOT_BILLED,
    /** AMC or warranty claimed, but the job's coverage is missing, expired or does not cover the job type. */
    COVERAGE_INVALID,
    /** A completed job without the proof its closure policy needs (default: a photo and a customer approval). */
    PROOF_MISSING,
    /** An INVOICE_REQUIRED job not invoiced after the grace (24 h after completion). */
    INVOICE_DELAYED,
    /** Cash collected and not covered by deposits after the grace (48 h), first in first out. */
    CASH_NOT_DEPOSITED,
    /** A completed job with no site visit (a stay of at least 5 min in the site fence) between assignment and completion. */
    GHOST_VISIT,
    /** A technician stayed at least 20 min at a known customer site with no job of theirs there that day. */
    OFF_BOOK_VISIT,
    /** A job a contract paid for (labour covered, within the entitlement) whose customer was charged the labour too. */
    COVERED_JOB_CHARGED,
    /** A job claimed as AMC although no contract of the customer ever covered it (free work). */
    AMC_CLAIM_UNCOVERED,
    /** A contract's call beyond its entitlement whose labour was not charged (24 h after completion). */
    EXTRA_VISIT_NOT_BILLED,
    /** A job claimed as AMC after the contract that covered it had expired or been cancelled. */
    EXPIRED_CONTRACT_WORK_NOT_BILLED,
    /** A contract that ended with preventive visits never done (a promise broken). */
    CONTRACT_VISITS_MISSED,
    /**
     * The statement credits linked to a job carry less than its UPI/MPESA/CARD claims (a UTR claimed for 599
     * that the bank credited with 399); the amount at risk is the difference.
     */
    CREDIT_BELOW_CLAIM,

    /**
     * A completed job whose only site visits between assignment and completion were built from suspect pings (mock
     * location, impossible speed, repeated coordinates) and flagged by the business's policy; the evidence names
     * each visit and its signals. (A policy that refuses such visits makes the job a GHOST_VISIT instead.)
     */
    SUSPECT_VISIT,

    /** A part the job record used on a job that its technician's van did not hold on its book (valued at cost). */
    OFF_BOOK_PART,
    /** A stock count short of what the location's movements say it holds (valued at the average cost). */
    STOCK_SHRINKAGE,
    /** Parts taken out of a van for no job, or for a job nobody created (valued at cost). */
    VAN_USE_UNEXPLAINED
}
