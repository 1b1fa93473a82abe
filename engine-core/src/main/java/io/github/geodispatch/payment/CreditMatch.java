package io.github.geodispatch.payment;

import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.StatementCredit;

import java.util.Objects;

/** A statement credit linked to a job, and on what basis. Immutable and thread-safe. */
public record CreditMatch(StatementCredit credit, JobId job, Basis basis) {
    /** Why a credit belongs to a job, strongest first. */
    public enum Basis {
        /** The credit's bill reference ({@code tr}, BillRefNumber) names the job. */
        BILL_REFERENCE,
        /** The job's payment record carries the credit's UTR/TransID. */
        PAYMENT_REFERENCE,
        /**
         * The only unverified payment claim of the same amount within the time window (of the technician the
         * bill reference names, when it names one).
         */
        AMOUNT_AND_TIME
    }

    public CreditMatch {
        Objects.requireNonNull(credit, "credit");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(basis, "basis");
    }
}
