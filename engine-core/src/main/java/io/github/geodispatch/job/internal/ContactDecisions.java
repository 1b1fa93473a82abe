package io.github.geodispatch.job.internal;

import io.github.geodispatch.job.CustomerContact;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.job.OtpCodes;
import io.github.geodispatch.job.JobCommand.AddProof;
import io.github.geodispatch.job.JobCommand.IssueOtp;
import io.github.geodispatch.job.JobCommand.RecordFeedback;
import io.github.geodispatch.job.JobCommand.RecordMessageStatus;
import io.github.geodispatch.job.JobCommand.RecordPaymentCallback;
import io.github.geodispatch.job.JobCommand.RecordPaymentRequest;
import io.github.geodispatch.job.JobCommand.VerifyOtp;
import io.github.geodispatch.job.Rejection.Reason;
import io.github.geodispatch.spi.DeliveryStatus;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.Role;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides the {@link JobCommand.ContactCommand}s and the one rule they add to proof: the customer's approval is not a
 * technician's to record.
 * <ul>
 *   <li>issuing a one-time code, message statuses, payment requests and callbacks: SYSTEM only (the messaging
 *       engine); message statuses, requests and callbacks also on a finished job, since they report what happened
 *       outside it; a callback answers one of the job's M-Pesa requests, and a paid one is for the amount asked;</li>
 *   <li>a code is issued once the technician has arrived and the job is not finished, at most
 *       {@link IssueOtp#MAX_PER_JOB} over the job's life (counted from its {@code OtpIssued} events); verifying it:
 *       the assigned TECHNICIAN, DISPATCHER, OWNER or SYSTEM, on a job not finished;</li>
 *   <li>feedback: OWNER, DISPATCHER or SYSTEM, never the technician, once the job is COMPLETED;</li>
 *   <li>an OTP proof added directly ({@link AddProof}) by a TECHNICIAN is refused
 *       ({@link Reason#CUSTOMER_APPROVAL_REQUIRED}); from a dispatcher or owner it is their recorded override.</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class ContactDecisions {
    private static final Set<Role> SYSTEM_ONLY = EnumSet.of(Role.SYSTEM);
    private static final Set<Role> CODE_ROLES = EnumSet.of(Role.OWNER, Role.DISPATCHER, Role.SYSTEM, Role.TECHNICIAN);
    private static final Set<Role> FEEDBACK_ROLES = EnumSet.of(Role.OWNER, Role.DISPATCHER, Role.SYSTEM);
    /** The reference of the OTP proof a verified code adds: this prefix and the id of the code's event. */
    static final String OTP_REFERENCE = "otp:";
    /** What a technician does once a job's codes are used up. */
    private static final String INSTEAD = "take the customer's signature instead, or ask a dispatcher or the owner to "
            + "record an approval override";

    private ContactDecisions() {}

    static Decision decide(JobDecider.Context c, JobCommand.ContactCommand command) {
        if (command instanceof IssueOtp issue) {
            return issueOtp(c, issue);
        } else if (command instanceof VerifyOtp verify) {
            return verifyOtp(c, verify);
        } else if (command instanceof RecordMessageStatus status) {
            return messageStatus(c, status);
        } else if (command instanceof RecordPaymentRequest request) {
            return paymentRequest(c, request);
        } else if (command instanceof RecordPaymentCallback callback) {
            return paymentCallback(c, callback);
        }
        return feedback(c, (RecordFeedback) command);
    }

    /** Null when {@code proof} may be added by the actor, else the rejection of a technician's OTP proof. */
    static Decision approvalBy(JobDecider.Context c, AddProof proof) {
        if (proof.kind() == ProofKind.OTP && c.actor().role() == Role.TECHNICIAN) {
            return Decision.reject(Reason.CUSTOMER_APPROVAL_REQUIRED, "technician " + c.actor().id()
                    + " cannot record the customer's approval of job " + c.job().id() + ": the customer's one-time code "
                    + "records it, or a dispatcher's override; a signature needs the sha256 of its image");
        }
        return null;
    }

    private static Decision issueOtp(JobDecider.Context c, IssueOtp issue) {
        Decision denied = c.permitWork(SYSTEM_ONLY, "issue one-time codes");
        if (denied != null) {
            return denied;
        }
        if (c.job().arrivedAt() == null) {
            return Decision.reject(Reason.NOT_ARRIVED, "job " + c.job().id()
                    + " gets a one-time code once the technician's arrival is recorded");
        }
        if (c.job().contact().otpsLeft() == 0) {
            return Decision.reject(Reason.OTP_CODES_EXHAUSTED, "job " + c.job().id() + " was sent its "
                    + IssueOtp.MAX_PER_JOB + " one-time codes, the most a job may be sent, and no new code was sent to "
                    + "the customer: " + INSTEAD);
        }
        return Decision.accept(new JobEvent.OtpIssued(c.header(), issue.salt(), issue.codeHash(), issue.expiresAt(),
                issue.maxAttempts()));
    }

    private static Decision verifyOtp(JobDecider.Context c, VerifyOtp verify) {
        Decision denied = c.permitWork(CODE_ROLES, "enter the customer's code");
        if (denied != null) {
            return denied;
        }
        CustomerContact contact = c.job().contact();
        JobEvent.OtpIssued otp = contact.otp();
        if (otp == null) {
            return Decision.reject(Reason.OTP_NOT_ISSUED, "no one-time code was issued on job " + c.job().id());
        }
        String reference = OTP_REFERENCE + otp.header().eventId();
        boolean approved = c.job().proofs().stream()
                .anyMatch(p -> p.kind() == ProofKind.OTP && p.reference().equals(reference));
        if (approved && OtpCodes.matches(otp, verify.code())) {
            return Decision.alreadyDone();
        }
        if (contact.otpExpired(c.now())) {
            return Decision.reject(Reason.OTP_EXPIRED, "the one-time code of job " + c.job().id() + " expired at "
                    + otp.expiresAt() + "; " + nextStep(contact));
        }
        if (contact.otpAttemptsLeft() == 0) {
            return Decision.reject(Reason.OTP_ATTEMPTS_EXHAUSTED, "the one-time code of job " + c.job().id() + " had its "
                    + otp.maxAttempts() + " wrong attempts; " + nextStep(contact));
        }
        if (!OtpCodes.matches(otp, verify.code())) {
            return Decision.accept(new JobEvent.OtpAttemptFailed(c.header(), otp.header().eventId()));
        }
        return Decision.accept(new JobEvent.ProofAdded(c.header(), ProofKind.OTP, "customer approval", reference, null));
    }

    /** What to do once the job's code no longer counts: ask for a new one while the job may be sent one. */
    private static String nextStep(CustomerContact contact) {
        return contact.otpsLeft() > 0 ? "issue a new one" : "no new code may be sent: " + INSTEAD;
    }

    private static Decision messageStatus(JobDecider.Context c, RecordMessageStatus m) {
        Decision denied = c.permit(SYSTEM_ONLY, "record message statuses");
        if (denied != null) {
            return denied;
        }
        Optional<DeliveryStatus> current = c.job().contact().message(m.message());
        if (current.isPresent() && (current.get() == m.status() || !current.get().canMoveTo(m.status()))) {
            return Decision.alreadyDone();
        }
        return Decision.accept(new JobEvent.MessageStatusChanged(c.header(), m.message(), m.template(), m.recipient(),
                m.channel(), m.status(), m.providerReference(), m.detail()));
    }

    private static Decision paymentRequest(JobDecider.Context c, RecordPaymentRequest r) {
        Decision denied = c.permit(SYSTEM_ONLY, "record payment requests");
        if (denied != null) {
            return denied;
        }
        Decision early = requireCompleted(c, "a payment request");
        if (early != null) {
            return early;
        }
        c.requireJobCurrency(r.amount(), "payment request amount");
        Optional<JobEvent.PaymentRequested> existing = c.job().contact().paymentRequest(r.reference());
        if (existing.isPresent()) {
            JobEvent.PaymentRequested e = existing.get();
            if (e.mode() == r.mode() && e.amount().equals(r.amount()) && Objects.equals(e.payer(), r.payer())
                    && Objects.equals(e.link(), r.link())) {
                return Decision.alreadyDone();
            }
            return Decision.reject(Reason.DUPLICATE_REFERENCE, "payment request " + r.reference()
                    + " is already on job " + c.job().id() + " for " + e.amount());
        }
        return Decision.accept(new JobEvent.PaymentRequested(c.header(), r.mode(), r.amount(), r.reference(), r.payer(),
                r.link()));
    }

    private static Decision paymentCallback(JobDecider.Context c, RecordPaymentCallback r) {
        Decision denied = c.permit(SYSTEM_ONLY, "record payment callbacks");
        if (denied != null) {
            return denied;
        }
        CustomerContact contact = c.job().contact();
        Optional<JobEvent.PaymentRequested> request = contact.paymentRequest(r.reference());
        if (request.isEmpty()) {
            return Decision.reject(Reason.INVALID_INPUT, "job " + c.job().id() + " has no payment request "
                    + r.reference());
        }
        // a UPI link has no gateway to answer it: only an M-Pesa prompt is answered by a callback
        if (request.get().mode() != PaymentMode.MPESA) {
            return Decision.reject(Reason.INVALID_INPUT, "payment request " + r.reference() + " of job " + c.job().id()
                    + " is a " + request.get().mode() + " request, which no callback answers");
        }
        if (r.amount() != null) {
            c.requireJobCurrency(r.amount(), "callback amount");
        }
        if (r.paid() && !request.get().amount().equals(r.amount())) {
            return Decision.reject(Reason.INVALID_INPUT, "callback amount " + r.amount() + " is not the "
                    + request.get().amount() + " payment request " + r.reference() + " of job " + c.job().id() + " asked for");
        }
        Optional<JobEvent.PaymentCallbackReceived> existing = contact.paymentCallback(r.reference());
        if (existing.isPresent()) {
            JobEvent.PaymentCallbackReceived e = existing.get();
            if (e.paid() == r.paid() && e.resultCode().equals(r.resultCode()) && Objects.equals(e.receipt(), r.receipt())
                    && Objects.equals(e.amount(), r.amount())) {
                return Decision.alreadyDone();
            }
            return Decision.reject(Reason.DUPLICATE_REFERENCE, "payment request " + r.reference() + " of job "
                    + c.job().id() + " was already answered (" + e.resultCode() + ")");
        }
        return Decision.accept(new JobEvent.PaymentCallbackReceived(c.header(), r.reference(), r.paid(), r.resultCode(),
                r.resultDescription(), r.receipt(), r.amount()));
    }

    private static Decision feedback(JobDecider.Context c, RecordFeedback f) {
        Decision denied = c.permit(FEEDBACK_ROLES, "record the customer's feedback");
        if (denied != null) {
            return denied;
        }
        Decision early = requireCompleted(c, "feedback");
        if (early != null) {
            return early;
        }
        JobEvent.FeedbackRecorded existing = c.job().contact().feedback();
        if (existing != null) {
            if (existing.rating() == f.rating() && existing.comment().equals(f.comment())) {
                return Decision.alreadyDone();
            }
            return Decision.reject(Reason.FEEDBACK_ALREADY_RECORDED, "job " + c.job().id() + " already has the customer's "
                    + "feedback (" + existing.rating() + "/5)");
        }
        return Decision.accept(new JobEvent.FeedbackRecorded(c.header(), f.rating(), f.comment()));
    }

    private static Decision requireCompleted(JobDecider.Context c, String what) {
        JobStatus status = c.job().status();
        if (status != JobStatus.COMPLETED && status != JobStatus.CLOSED) {
            return Decision.reject(Reason.NOT_COMPLETED, "job " + c.job().id() + " is " + status + "; " + what
                    + " comes once it is COMPLETED");
        }
        return null;
    }
}
