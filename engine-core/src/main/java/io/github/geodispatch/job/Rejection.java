package io.github.geodispatch.job;

import java.util.Objects;

/**
 * Why a command was refused: a machine-readable {@link Reason} and a message a dispatcher can read. A
 * rejected command changed nothing. Immutable and thread-safe.
 */
public record Rejection(Reason reason, String message) {
    public Rejection {
        Objects.requireNonNull(reason, "reason");
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("rejection message must not be blank");
        }
    }

    public static Rejection of(Reason reason, String message) {
        return new Rejection(reason, message);
    }

    /** The reason codes of a rejection. */
    public enum Reason {
        /** No job with this id in the actor's tenant (or not visible to the actor). */
        JOB_NOT_FOUND,
        /** A job with this id already exists in the tenant. */
        JOB_ALREADY_EXISTS,
        /** The actor's role may not issue this command. */
        ROLE_NOT_PERMITTED,
        /** The actor's branch does not cover the job's branch. */
        OUTSIDE_BRANCH,
        /** A technician acted on a job that is not assigned to them. */
        NOT_ASSIGNED_TO_ACTOR,
        /** The transition table has no move from the job's status to the requested one. */
        ILLEGAL_TRANSITION,
        /** The move needs an assigned technician and the job has none. */
        NO_TECHNICIAN,
        /** Work cannot start or complete before the technician's arrival is recorded. */
        NOT_ARRIVED,
        /**
         * ARRIVED without evidence that checks out: no geofence visit of the job's technician at the job's site
         * since the assignment (or not the visit named, or one refused as built from suspect pings), or an
         * override from a role that may not override.
         */
        ARRIVAL_NOT_PROVEN,
        /** The job type's closure policy needs proof that is not on the job yet. */
        PROOF_MISSING,
        /** CLOSED needs a clear payment status. */
        PAYMENT_NOT_CLEAR,
        /** A WAIVED payment needs an OWNER. */
        WAIVER_NEEDS_OWNER,
        /** A payment reference or invoice number already on the job with different content. */
        DUPLICATE_REFERENCE,
        /** The job is CANCELLED or CLOSED; nothing more can be recorded on it. */
        JOB_FINISHED,
        /** The invoice can be handed off only once the job is COMPLETED, and only once. */
        INVOICE_NOT_ALLOWED,
        /**
         * A job created with a coverage that is not the one the business's contracts give it on the job's day (another
         * contract or warranty, none at all, or other terms): coverage comes from the contract, not copied by hand.
         */
        COVERAGE_DISAGREES,
        /** The command's content cannot form a valid event (the message names the value). */
        INVALID_INPUT,
        /** Other writers kept changing the job; the command was retried and given up. Re-read and retry. */
        CONCURRENCY_CONFLICT,
        /**
         * A technician tried to record the customer's approval (an OTP proof) themselves: the customer's code records
         * it, or a dispatcher's override.
         */
        CUSTOMER_APPROVAL_REQUIRED,
        /** A code was entered but no one-time code was issued on the job. */
        OTP_NOT_ISSUED,
        /** The one-time code is past its validity; issue a new one. */
        OTP_EXPIRED,
        /** The one-time code had its wrong attempts used up; issue a new one. */
        OTP_ATTEMPTS_EXHAUSTED,
        /**
         * The job was issued all the one-time codes it may be ({@link JobCommand.IssueOtp#MAX_PER_JOB}); the
         * customer's signature or a dispatcher's or owner's approval override approves the work instead.
         */
        OTP_CODES_EXHAUSTED,
        /** A payment request or feedback on a job that is not COMPLETED yet. */
        NOT_COMPLETED,
        /** The job already has the customer's feedback, with another rating or comment. */
        FEEDBACK_ALREADY_RECORDED,
        /**
         * A command queued offline whose device time is ahead of the record's clock by more than the tolerated
         * skew, or older than the offline horizon.
         */
        DEVICE_TIME_OUT_OF_RANGE
    }
}
