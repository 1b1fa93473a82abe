package io.github.geodispatch.job;

import io.github.geodispatch.spi.CalendarRange;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.DeliveryStatus;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.MessageChannel;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TimeWindow;
import io.github.geodispatch.spi.VisitSlot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What an actor asks of a job. Every command names its job; the engine decides against the job's current
 * state and either appends the resulting events or returns a {@link Rejection}. Commands validate their own
 * shape in their constructors ({@link IllegalArgumentException} naming the bad value); whether the command is
 * allowed is decided by the engine. All variants are immutable records and thread-safe.
 */
public sealed interface JobCommand {

    /** The job the command is about. */
    JobId job();

    /**
     * Create a job (the first event of its stream). {@code window}, {@code slaDeadline}, {@code coverage} and
     * {@code preferredTechnician} are optional (null). Use {@link #builder} for readable call sites.
     */
    record CreateJob(JobId job, BranchId branch, CustomerId customer, Site site, String issue, String jobType,
                     List<SkillRequirement> requiredSkills, Priority priority, TimeWindow window, Instant slaDeadline,
                     int estimatedMinutes, Money quote, Coverage coverage, TechnicianId preferredTechnician)
            implements JobCommand {
        public CreateJob {
            Objects.requireNonNull(job, "job id");
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(site, "site");
            issue = issue == null ? "" : issue;
            if (jobType == null || !jobType.matches("[A-Z][A-Z0-9_]{0,39}")) {
                throw new IllegalArgumentException("job type must be UPPER_SNAKE_CASE, was '" + jobType + "'");
            }
            requiredSkills = List.copyOf(requiredSkills == null ? List.of() : requiredSkills);
            priority = priority == null ? Priority.NORMAL : priority;
            if (slaDeadline != null) {
                CalendarRange.require(slaDeadline, "SLA deadline");
            }
            if (estimatedMinutes < 1 || estimatedMinutes > 24 * 60) {
                throw new IllegalArgumentException("estimated minutes must be 1-1440, was " + estimatedMinutes);
            }
            Objects.requireNonNull(quote, "quote").requireAmount("quote");
        }

        /** A builder for a job of {@code jobType} for {@code customer} at {@code site}, handled by {@code branch}. */
        public static Builder builder(JobId job, BranchId branch, CustomerId customer, Site site, String jobType) {
            return new Builder(job, branch, customer, site, jobType);
        }

        /** Builds a {@link CreateJob}; defaults: no issue text, NORMAL priority, 60 minutes, zero INR quote. Not thread-safe. */
        public static final class Builder {
            private final JobId job;
            private final BranchId branch;
            private final CustomerId customer;
            private final Site site;
            private final String jobType;
            private String issue = "";
            private List<SkillRequirement> skills = List.of();
            private Priority priority = Priority.NORMAL;
            private TimeWindow window;
            private Instant slaDeadline;
            private int estimatedMinutes = 60;
            private Money quote = Money.inr(0);
            private Coverage coverage;
            private TechnicianId preferredTechnician;

            private Builder(JobId job, BranchId branch, CustomerId customer, Site site, String jobType) {
                this.job = job;
                this.branch = branch;
                this.customer = customer;
                this.site = site;
                this.jobType = jobType;
            }

            public Builder issue(String issue) {
                this.issue = issue;
                return this;
            }

            public Builder skills(SkillRequirement... skills) {
                this.skills = List.of(skills);
                return this;
            }

            public Builder priority(Priority priority) {
                this.priority = priority;
                return this;
            }

            public Builder window(TimeWindow window) {
                this.window = window;
                return this;
            }

            public Builder slaDeadline(Instant slaDeadline) {
                this.slaDeadline = slaDeadline;
                return this;
            }

            public Builder estimatedMinutes(int estimatedMinutes) {
                this.estimatedMinutes = estimatedMinutes;
                return this;
            }

            public Builder quote(Money quote) {
                this.quote = quote;
                return this;
            }

            public Builder coverage(Coverage coverage) {
                this.coverage = coverage;
                return this;
            }

            public Builder preferredTechnician(TechnicianId preferredTechnician) {
                this.preferredTechnician = preferredTechnician;
                return this;
            }

            public CreateJob build() {
                return new CreateJob(job, branch, customer, site, issue, jobType, skills, priority, window,
                        slaDeadline, estimatedMinutes, quote, coverage, preferredTechnician);
            }
        }
    }

    /**
     * Assign (or re-assign) the job to {@code technician}. {@code overrideReason} is given when a dispatcher
     * chose someone other than the recommended technician, else null.
     */
    record Assign(JobId job, TechnicianId technician, String overrideReason) implements JobCommand {
        public Assign {
            Objects.requireNonNull(job, "job id");
            Objects.requireNonNull(technician, "technician");
            if (overrideReason != null && overrideReason.isBlank()) {
                throw new IllegalArgumentException("override reason must be null or non-blank");
            }
        }

        public static Assign of(JobId job, TechnicianId technician) {
            return new Assign(job, technician, null);
        }
    }

    /** Take the assigned technician off the job; the job goes back to NEW. */
    record Unassign(JobId job, String reason) implements JobCommand {
        public Unassign {
            Objects.requireNonNull(job, "job id");
            reason = reason == null ? "" : reason;
        }
    }

    /**
     * Move the job to {@code status}. NEW and ASSIGNED are reached only through {@link Unassign} and
     * {@link Assign}. ON_HOLD, DELAYED, RESCHEDULED and CANCELLED need a reason. ARRIVED needs evidence that is
     * evidence: {@code evidence} names a geofence visit ({@link ArrivalEvidence.Visit#text()}), or is null for the
     * record to find the technician's visit at the job's site itself, or is {@link ArrivalEvidence#OVERRIDE} for a
     * dispatcher's override, whose {@code reason} says why; anything else is refused here. RESCHEDULED
     * may carry the new slot (technician and window), recorded on the event. Use the static factories.
     */
    record ChangeStatus(JobId job, JobStatus status, String reason, String evidence, VisitSlot slot) implements JobCommand {
        public ChangeStatus {
            Objects.requireNonNull(job, "job id");
            Objects.requireNonNull(status, "status");
            if (status == JobStatus.NEW || status == JobStatus.ASSIGNED) {
                throw new IllegalArgumentException("status " + status + " is reached by Unassign/Assign, not ChangeStatus");
            }
            reason = reason == null ? "" : reason.strip();
            if (needsReason(status) && reason.isEmpty()) {
                throw new IllegalArgumentException("status " + status + " needs a reason");
            }
            if (status == JobStatus.ARRIVED && evidence != null) {
                if (evidence.equals(ArrivalEvidence.OVERRIDE)) {
                    if (reason.isEmpty()) {
                        throw new IllegalArgumentException("an arrival override needs a reason");
                    }
                } else if (!(ArrivalEvidence.parse(evidence) instanceof ArrivalEvidence.Visit)) {
                    throw new IllegalArgumentException("ARRIVED needs a geofence visit (visit:TECH at SITE from INSTANT), none "
                            + "(the record finds the technician's visit) or a dispatcher's override with a reason; '"
                            + evidence + "' is none of these");
                }
            }
            if (status != JobStatus.ARRIVED && evidence != null && evidence.isBlank()) {
                throw new IllegalArgumentException("evidence must be null or non-blank");
            }
            if (slot != null && status != JobStatus.RESCHEDULED) {
                throw new IllegalArgumentException("only RESCHEDULED carries a slot, not " + status);
            }
        }

        /** A status change without a slot. */
        public ChangeStatus(JobId job, JobStatus status, String reason, String evidence) {
            this(job, status, reason, evidence, null);
        }

        /** True for the statuses that must say why. */
        public static boolean needsReason(JobStatus status) {
            return status == JobStatus.ON_HOLD || status == JobStatus.DELAYED
                    || status == JobStatus.RESCHEDULED || status == JobStatus.CANCELLED;
        }

        public static ChangeStatus enRoute(JobId job) {
            return new ChangeStatus(job, JobStatus.EN_ROUTE, null, null);
        }

        /**
         * The technician is at the site: the record finds their geofence visit at the job's site since the
         * assignment, and refuses the arrival ({@link Rejection.Reason#ARRIVAL_NOT_PROVEN}) when there is none yet.
         */
        public static ChangeStatus arrived(JobId job) {
            return new ChangeStatus(job, JobStatus.ARRIVED, null, null);
        }

        /** The arrival, proven by {@code visit} (the record checks it is the technician's, at the job's site). */
        public static ChangeStatus arrived(JobId job, ArrivalEvidence.Visit visit) {
            return new ChangeStatus(job, JobStatus.ARRIVED, null, visit.text());
        }

        /**
         * A dispatcher or owner records the arrival without a visit (GPS dead in a basement, a phone that died),
         * saying why; the event records it as an override by that actor, and the job shows it.
         */
        public static ChangeStatus arrivalOverride(JobId job, String reason) {
            return new ChangeStatus(job, JobStatus.ARRIVED, reason, ArrivalEvidence.OVERRIDE);
        }

        public static ChangeStatus workStarted(JobId job) {
            return new ChangeStatus(job, JobStatus.WORK_STARTED, null, null);
        }

        public static ChangeStatus onHold(JobId job, String reason) {
            return new ChangeStatus(job, JobStatus.ON_HOLD, reason, null);
        }

        public static ChangeStatus delayed(JobId job, String reason) {
            return new ChangeStatus(job, JobStatus.DELAYED, reason, null);
        }

        public static ChangeStatus completed(JobId job) {
            return new ChangeStatus(job, JobStatus.COMPLETED, null, null);
        }

        public static ChangeStatus rescheduled(JobId job, String reason) {
            return new ChangeStatus(job, JobStatus.RESCHEDULED, reason, null);
        }

        /** Rescheduled to {@code slot}: the technician and the window agreed with the customer. */
        public static ChangeStatus rescheduled(JobId job, String reason, VisitSlot slot) {
            return new ChangeStatus(job, JobStatus.RESCHEDULED, reason, null, Objects.requireNonNull(slot, "slot"));
        }

        public static ChangeStatus cancelled(JobId job, String reason) {
            return new ChangeStatus(job, JobStatus.CANCELLED, reason, null);
        }

        public static ChangeStatus closed(JobId job) {
            return new ChangeStatus(job, JobStatus.CLOSED, null, null);
        }
    }

    /**
     * Attach proof of work. PHOTO, DOCUMENT and SIGNATURE need the sha256 of their content; {@code label} says what
     * the proof shows ("before", "after", "gas pressure"), matched by {@link ProofRequirement}s. An OTP proof (the
     * customer's approval) is not a technician's to add: the engine adds it when the customer's code is verified
     * ({@link VerifyOtp}), and a dispatcher or owner may record an {@link #approvalOverride override}.
     */
    record AddProof(JobId job, ProofKind kind, String label, String reference, String sha256) implements JobCommand {
        public AddProof {
            Objects.requireNonNull(job, "job id");
            JobEvent.ProofAdded.requireValidProof(kind, reference, sha256);
            label = label == null ? "" : label.strip();
            if (kind.needsContentHash() && sha256 == null) {
                throw new IllegalArgumentException(kind + " proof needs the sha256 of its content");
            }
        }

        public static AddProof photo(JobId job, String label, String reference, String sha256) {
            return new AddProof(job, ProofKind.PHOTO, label, reference, sha256);
        }

        /**
         * A dispatcher's or owner's recorded override of the customer's approval (the customer cannot receive the
         * one-time code), saying why; the event names who. A technician cannot record it ({@link VerifyOtp} records
         * the customer's own approval).
         */
        public static AddProof approvalOverride(JobId job, String reason) {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("an approval override needs a reason");
            }
            return new AddProof(job, ProofKind.OTP, "dispatcher override", "override: " + reason.strip(), null);
        }

        /** The customer's signature: the image at {@code reference}, pinned by the sha256 of its content. */
        public static AddProof signature(JobId job, String reference, String sha256) {
            return new AddProof(job, ProofKind.SIGNATURE, "customer approval", reference, sha256);
        }
    }

    /** Record a part used on the job. */
    record UsePart(JobId job, String sku, String hsn, int quantity, Money unitPrice, boolean billable)
            implements JobCommand {
        public UsePart {
            Objects.requireNonNull(job, "job id");
            JobEvent.PartUsed.requireValidPart(sku, hsn, quantity, unitPrice);
            JobEvent.PartUsed.requireAmounts(quantity, unitPrice);
        }
    }

    /** Record an expense (parking, travel, consumables). */
    record AddExpense(JobId job, String kind, Money amount, boolean billable) implements JobCommand {
        public AddExpense {
            Objects.requireNonNull(job, "job id");
            JobEvent.ExpenseAdded.requireValidExpense(kind, amount);
            amount.requireAmount("expense amount");
        }
    }

    /**
     * Record a payment or payment status. UPI needs the 12-digit UTR/RRN, M-Pesa the 10-character TransID;
     * PENDING may carry the promised date; WAIVED is accepted only from an OWNER (who is recorded as approver).
     * Recording the same mode, reference and amount again is a no-op (replayed callbacks change nothing).
     */
    record RecordPayment(JobId job, PaymentMode mode, Money amount, String reference, LocalDate promisedOn)
            implements JobCommand {
        public RecordPayment {
            Objects.requireNonNull(job, "job id");
            Objects.requireNonNull(mode, "payment mode");
            Objects.requireNonNull(amount, "amount").requireAmount("payment amount");
            mode.referenceProblem(reference).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
            if (reference != null && reference.isBlank()) {
                throw new IllegalArgumentException("payment reference must be null or non-blank");
            }
            if (promisedOn != null && mode != PaymentMode.PENDING) {
                throw new IllegalArgumentException("a promised date belongs to a PENDING payment, not " + mode);
            }
        }

        public static RecordPayment upi(JobId job, Money amount, String utr) {
            return new RecordPayment(job, PaymentMode.UPI, amount, utr, null);
        }

        public static RecordPayment cash(JobId job, Money amount) {
            return new RecordPayment(job, PaymentMode.CASH, amount, null, null);
        }
    }

    /** Record that the job's invoice was handed to accounts. */
    record RecordInvoiceHandoff(JobId job, String invoiceNumber, Money total, List<String> partSkus)
            implements JobCommand {
        public RecordInvoiceHandoff {
            Objects.requireNonNull(job, "job id");
            if (invoiceNumber == null || invoiceNumber.isBlank()) {
                throw new IllegalArgumentException("invoice number must not be blank");
            }
            Objects.requireNonNull(total, "total").requireAmount("invoice total");
            partSkus = List.copyOf(partSkus == null ? List.of() : partSkus);
        }
    }

    /**
     * The commands about talking with the job's customer: one-time codes, message statuses, payment requests and
     * their callbacks, feedback. The messaging engine issues most of them as the SYSTEM actor; see each.
     */
    sealed interface ContactCommand extends JobCommand {}

    /**
     * Record a one-time code sent to the customer, by its salted hash ({@link OtpCodes}); the
     * plain code is never part of a command or an event. SYSTEM only (the messaging engine, which makes and sends the
     * code), once the technician has arrived; a new code replaces the previous one. A job is issued at most
     * {@link #MAX_PER_JOB} codes over its life; past them the command is refused
     * ({@link Rejection.Reason#OTP_CODES_EXHAUSTED}) and the customer's approval comes from their signature
     * ({@link AddProof#signature}) or a dispatcher's or owner's {@link AddProof#approvalOverride override}.
     */
    record IssueOtp(JobId job, String salt, String codeHash, Instant expiresAt, int maxAttempts) implements ContactCommand {
        /** The most one-time codes a job is issued over its life: with each code's attempts, a bound on guesses. */
        public static final int MAX_PER_JOB = 5;

        public IssueOtp {
            Objects.requireNonNull(job, "job id");
            Objects.requireNonNull(salt, "salt");
            Objects.requireNonNull(codeHash, "code hash");
            CalendarRange.require(expiresAt, "expiresAt");
        }
    }

    /**
     * The customer's code, entered on the technician's phone or through the customer's link: the right code within
     * its validity records the customer's approval (an OTP proof naming the code's event); a wrong one is recorded
     * as a failed attempt. An expired code, one with no attempts left or none issued is rejected. The technician,
     * a dispatcher, the owner or SYSTEM may enter it. The code is read as its digits in any script (Devanagari,
     * Arabic-Indic, ...), spaces ignored; anything else is not a code.
     */
    record VerifyOtp(JobId job, String code) implements ContactCommand {
        public VerifyOtp {
            Objects.requireNonNull(job, "job id");
            code = asciiDigits(code);
        }

        /** {@code code}'s decimal digits as ASCII, spaces dropped; fails on anything but 4-8 digits. */
        private static String asciiDigits(String code) {
            StringBuilder digits = new StringBuilder(8);
            for (int i = 0; code != null && i < code.length() && digits.length() <= 8; i++) {
                char c = code.charAt(i);
                if (Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER) {
                    digits.append((char) ('0' + Character.digit(c, 10)));
                } else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                    digits.setLength(0);
                    break;
                }
            }
            if (digits.length() < 4 || digits.length() > 8) {
                throw new IllegalArgumentException("a one-time code is 4-8 digits");
            }
            return digits.toString();
        }

        /** Keeps the code out of logs. */
        @Override
        public String toString() {
            return "VerifyOtp[job=" + job + ", code=****]";
        }
    }

    /**
     * Record that a message about the job reached {@code status} (see {@link JobEvent.MessageStatusChanged}); a
     * status the job already has for the message, or one behind it, changes nothing. SYSTEM only; also on a finished
     * job (a cancellation notice is delivered after the job is cancelled).
     */
    record RecordMessageStatus(JobId job, String message, String template, String recipient, MessageChannel channel,
                               DeliveryStatus status, String providerReference, String detail) implements ContactCommand {
        public RecordMessageStatus {
            Objects.requireNonNull(job, "job id");
            Objects.requireNonNull(message, "message key");
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * Record that the customer was asked to pay (a UPI link sent, an M-Pesa STK push made); the same reference again
     * changes nothing. SYSTEM only, once the job is COMPLETED.
     */
    record RecordPaymentRequest(JobId job, PaymentMode mode, Money amount, String reference, String payer, String link)
            implements ContactCommand {
        public RecordPaymentRequest {
            Objects.requireNonNull(job, "job id");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(reference, "reference");
        }
    }

    /**
     * Record the provider's answer to one of the job's M-Pesa payment requests; a paid answer must be for the amount
     * asked (else INVALID_INPUT, nothing recorded); the same answer again changes nothing. SYSTEM only.
     */
    record RecordPaymentCallback(JobId job, String reference, boolean paid, String resultCode, String resultDescription,
                                 String receipt, Money amount) implements ContactCommand {
        public RecordPaymentCallback {
            Objects.requireNonNull(job, "job id");
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(resultCode, "result code");
        }
    }

    /**
     * Record the customer's rating (1-5) and comment, once the job is COMPLETED; a job takes one feedback (the same
     * again changes nothing). OWNER, DISPATCHER or SYSTEM (the customer's link goes through the host), never the
     * technician.
     */
    record RecordFeedback(JobId job, int rating, String comment) implements ContactCommand {
        public RecordFeedback {
            Objects.requireNonNull(job, "job id");
            if (rating < 1 || rating > 5) {
                throw new IllegalArgumentException("a rating is 1-5, was " + rating);
            }
            comment = comment == null ? "" : comment.strip();
        }
    }
}
