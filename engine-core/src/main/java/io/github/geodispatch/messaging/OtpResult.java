package io.github.geodispatch.messaging;

import java.time.Instant;
import java.util.Objects;

/**
 * What became of asking for a one-time code or entering one: the {@link Outcome}, the wrong codes still allowed, when
 * the code expires (null when none was issued), and a message a technician can read. Immutable and thread-safe.
 */
public record OtpResult(Outcome outcome, int attemptsLeft, Instant expiresAt, String message) {
    /** The outcomes; only ISSUED and APPROVED are successes. */
    public enum Outcome {
        /** A code was sent to the customer. */
        ISSUED,
        /** The code was right: the customer's approval is recorded on the job. */
        APPROVED,
        /** The code was wrong; the attempt is recorded. */
        WRONG_CODE,
        /** The code is past its validity: ask for a new one, while the job may be sent one. */
        EXPIRED,
        /** The code's wrong attempts are used up: ask for a new one, while the job may be sent one. */
        NO_ATTEMPTS_LEFT,
        /**
         * The job was sent all the codes it may be ({@link io.github.geodispatch.job.JobCommand.IssueOtp#MAX_PER_JOB});
         * nothing was sent. The customer's signature, or a dispatcher's or owner's approval override, approves the
         * work instead.
         */
        NO_CODES_LEFT,
        /** No code was issued on the job. */
        NOT_ISSUED,
        /** The job refused the request (not found, not the actor's, not arrived, finished, no customer contact). */
        REFUSED
    }

    public OtpResult {
        Objects.requireNonNull(outcome, "outcome");
        if (attemptsLeft < 0) {
            throw new IllegalArgumentException("attempts left must be >= 0, was " + attemptsLeft);
        }
        Objects.requireNonNull(message, "message");
    }

    public boolean succeeded() {
        return outcome == Outcome.ISSUED || outcome == Outcome.APPROVED;
    }
}
