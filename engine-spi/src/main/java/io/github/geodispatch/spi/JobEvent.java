package io.github.geodispatch.spi;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Every fact about a job is one of these, appended to that job's stream. Current state is a fold of
 * the stream. All variants are immutable records. Every component is part of the event's hash: a component
 * added to a variant must get a tag of its own in {@link CanonicalEncoding} (a test fails until it has one), so
 * components are records, enums, strings, numbers, instants and lists only.
 */
public sealed interface JobEvent {
    EventHeader header();

    /** The same event with another header (a chain migration re-chains events this way). */
    JobEvent withHeader(EventHeader header);

    /** The job was created (version 1 of its stream). */
    record JobCreated(EventHeader header, BranchId branch, CustomerId customer, Site site, String issue,
                      String jobType, List<SkillRequirement> requiredSkills, Priority priority,
                      TimeWindow window, java.time.Instant slaDeadline, int estimatedMinutes, Money quote,
                      Coverage coverage, TechnicianId preferredTechnician) implements JobEvent {
        public JobCreated {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(site, "site");
            issue = issue == null ? "" : issue;
            if (!CodeShapes.upperSnake(jobType)) {
                throw new IllegalArgumentException("job type must be UPPER_SNAKE_CASE, was '" + jobType + "'");
            }
            requiredSkills = List.copyOf(requiredSkills == null ? List.of() : requiredSkills);
            Objects.requireNonNull(priority, "priority");
            if (estimatedMinutes < 1 || estimatedMinutes > 24 * 60) {
                throw new IllegalArgumentException("estimated minutes must be 1-1440, was " + estimatedMinutes);
            }
            Objects.requireNonNull(quote, "quote").requireNonNegative("quote");
            // window, slaDeadline, coverage and preferredTechnician are optional (null)
        }

        @Override
        public JobCreated withHeader(EventHeader header) {
            return new JobCreated(header, branch, customer, site, issue, jobType, requiredSkills, priority, window, slaDeadline,
                    estimatedMinutes, quote, coverage, preferredTechnician);
        }
    }

    /** A technician was assigned; {@code overrideReason} is set when a dispatcher overrode the recommendation. */
    record JobAssigned(EventHeader header, TechnicianId technician, String overrideReason) implements JobEvent {
        public JobAssigned {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(technician, "technician");
        }

        @Override
        public JobAssigned withHeader(EventHeader header) {
            return new JobAssigned(header, technician, overrideReason);
        }
    }

    /** The assigned technician was taken off the job. */
    record JobUnassigned(EventHeader header, TechnicianId technician, String reason) implements JobEvent {
        public JobUnassigned {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(technician, "technician");
            reason = reason == null ? "" : reason;
        }

        @Override
        public JobUnassigned withHeader(EventHeader header) {
            return new JobUnassigned(header, technician, reason);
        }
    }

    /**
     * The job moved to {@code status}. {@code reason} explains ON_HOLD, DELAYED, RESCHEDULED and
     * CANCELLED; {@code evidence} names what proves it (for ARRIVED, the geofence visit), or is null;
     * {@code slot} is where a RESCHEDULED job goes (the technician and the window for the work to start), or
     * null (always for other statuses, and on histories written before reschedules carried their slot).
     */
    record StatusChanged(EventHeader header, JobStatus status, String reason, String evidence, VisitSlot slot)
            implements JobEvent {
        public StatusChanged {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(status, "status");
            reason = reason == null ? "" : reason;
            if (slot != null && status != JobStatus.RESCHEDULED) {
                throw new IllegalArgumentException("only a RESCHEDULED status carries a slot, not " + status);
            }
        }

        /** A status change without a slot. */
        public StatusChanged(EventHeader header, JobStatus status, String reason, String evidence) {
            this(header, status, reason, evidence, null);
        }

        /**
         * The canonical text: without a slot exactly as before slots existed, so hashes of earlier histories still
         * verify; with one, the slot follows.
         */
        @Override
        public String toString() {
            return "StatusChanged[header=" + header + ", status=" + status + ", reason=" + reason + ", evidence=" + evidence
                    + (slot == null ? "" : ", slot=" + slot) + "]";
        }

        @Override
        public StatusChanged withHeader(EventHeader header) {
            return new StatusChanged(header, status, reason, evidence, slot);
        }
    }

    /**
     * Proof of work: a photo or document (by reference and sha256), a signature, an OTP approval or a note.
     * {@code sha256} may be null on imported history (a journal that never recorded it); the command path
     * requires it for PHOTO, DOCUMENT and SIGNATURE (see {@link ProofKind#needsContentHash()}).
     */
    record ProofAdded(EventHeader header, ProofKind kind, String label, String reference, String sha256)
            implements JobEvent {
        public ProofAdded {
            Objects.requireNonNull(header, "header");
            requireValidProof(kind, reference, sha256);
            label = label == null ? "" : label;
        }

        @Override
        public ProofAdded withHeader(EventHeader header) {
            return new ProofAdded(header, kind, label, reference, sha256);
        }

        /** The checks a proof must pass, shared by this record and the command that adds it. */
        public static void requireValidProof(ProofKind kind, String reference, String sha256) {
            Objects.requireNonNull(kind, "proof kind");
            if (reference == null || reference.isBlank()) {
                throw new IllegalArgumentException("proof reference must not be blank");
            }
            if (sha256 != null && !Ids.isSha256Hex(sha256)) {
                throw new IllegalArgumentException("proof sha256 must be 64 lower-case hex chars, was " + sha256);
            }
        }
    }

    /** A part used on the job. */
    record PartUsed(EventHeader header, String sku, String hsn, int quantity, Money unitPrice, boolean billable)
            implements JobEvent {

        public PartUsed {
            Objects.requireNonNull(header, "header");
            requireValidPart(sku, hsn, quantity, unitPrice);
        }

        @Override
        public PartUsed withHeader(EventHeader header) {
            return new PartUsed(header, sku, hsn, quantity, unitPrice, billable);
        }

        /** The checks a part line must pass, shared by this record and the command that records it. */
        public static void requireValidPart(String sku, String hsn, int quantity, Money unitPrice) {
            if (sku == null || sku.isBlank()) {
                throw new IllegalArgumentException("part sku must not be blank");
            }
            if (hsn != null && !CodeShapes.digitsOrCapitals(hsn, 4, 8, false)) {
                throw new IllegalArgumentException("HSN code must be 4-8 digits, was '" + hsn + "'");
            }
            if (quantity < 1) {
                throw new IllegalArgumentException("part quantity must be >= 1, was " + quantity);
            }
            Objects.requireNonNull(unitPrice, "unit price").requireNonNegative("part unit price");
        }

        /**
         * The checks where a part line enters the engine (a command, a journal line, a billable job): its unit
         * price and its line total are single amounts ({@link Money#requireAmount}); a line total too large
         * even for a {@code long} is refused the same way. Stored events are not held to it, so a history
         * written before the limit still reads.
         */
        public static void requireAmounts(int quantity, Money unitPrice) {
            unitPrice.requireAmount("part unit price");
            if (quantity > 0 && unitPrice.minor() > Money.MAX_AMOUNT_MINOR / quantity) {
                throw AmountOutOfRangeException.lineTotal(quantity, unitPrice);
            }
        }

        public Money lineTotal() {
            return unitPrice.times(quantity);
        }
    }

    /** An expense incurred on the job (parking, travel, consumables). */
    record ExpenseAdded(EventHeader header, String kind, Money amount, boolean billable) implements JobEvent {
        public ExpenseAdded {
            Objects.requireNonNull(header, "header");
            requireValidExpense(kind, amount);
        }

        @Override
        public ExpenseAdded withHeader(EventHeader header) {
            return new ExpenseAdded(header, kind, amount, billable);
        }

        /** The checks an expense must pass, shared by this record and the command that records it. */
        public static void requireValidExpense(String kind, Money amount) {
            if (kind == null || kind.isBlank()) {
                throw new IllegalArgumentException("expense kind must not be blank");
            }
            Objects.requireNonNull(amount, "amount").requireNonNegative("expense amount");
        }
    }

    /**
     * A payment (or payment status) recorded on the job. {@code reference} is the UTR/RRN, M-Pesa
     * TransID, card auth code, AMC contract id or warranty ref; {@code promisedOn} is set for PENDING;
     * {@code approvedBy} is the OWNER actor id for WAIVED. The event records what happened, so it accepts a
     * malformed reference from imported history; the command path rejects one with
     * {@link PaymentMode#referenceProblem(String)}, and the leakage rules flag it.
     */
    record PaymentRecorded(EventHeader header, PaymentMode mode, Money amount, String reference,
                           LocalDate promisedOn, String approvedBy) implements JobEvent {
        public PaymentRecorded {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(mode, "payment mode");
            Objects.requireNonNull(amount, "amount").requireNonNegative("payment amount");
        }

        @Override
        public PaymentRecorded withHeader(EventHeader header) {
            return new PaymentRecorded(header, mode, amount, reference, promisedOn, approvedBy);
        }
    }

    /** The invoice for the job was handed to accounts. */
    record InvoiceHandedOff(EventHeader header, String invoiceNumber, Money total, List<String> partSkus)
            implements JobEvent {
        public InvoiceHandedOff {
            Objects.requireNonNull(header, "header");
            if (invoiceNumber == null || invoiceNumber.isBlank()) {
                throw new IllegalArgumentException("invoice number must not be blank");
            }
            Objects.requireNonNull(total, "total");
            partSkus = List.copyOf(partSkus == null ? List.of() : partSkus);
        }

        @Override
        public InvoiceHandedOff withHeader(EventHeader header) {
            return new InvoiceHandedOff(header, invoiceNumber, total, partSkus);
        }
    }

    /**
     * A fact about talking with the job's customer and technicians (issue 21): a message's delivery status, a one-time
     * code issued and a wrong code entered, a payment request and its callback, the customer's feedback. None of
     * these moves the job's status.
     */
    sealed interface ContactEvent extends JobEvent {}

    /**
     * A message about the job reached {@code status} (SENT, DELIVERED, READ, FAILED or EXPIRED): the message's
     * idempotency {@code message} key, its {@code template}, its {@code recipient} ({@link MessageRecipient#text()}),
     * channel, the provider's id for it (null before it was sent) and what the provider or the engine said.
     */
    record MessageStatusChanged(EventHeader header, String message, String template, String recipient,
                                MessageChannel channel, DeliveryStatus status, String providerReference, String detail)
            implements ContactEvent {
        public MessageStatusChanged {
            Objects.requireNonNull(header, "header");
            OutboundMessage.requireKey(message);
            OutboundMessage.requireTemplate(template);
            MessageRecipient.parse(recipient);
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(status, "status");
            if (!status.reportedOnJob()) {
                throw new IllegalArgumentException("a job records SENT, DELIVERED, READ, FAILED or EXPIRED, not " + status);
            }
            detail = detail == null ? "" : detail;
        }

        @Override
        public MessageStatusChanged withHeader(EventHeader header) {
            return new MessageStatusChanged(header, message, template, recipient, channel, status, providerReference,
                    detail);
        }
    }

    /**
     * A one-time code was sent to the customer to approve the work. Only its salted hash is kept: {@code codeHash} is
     * PBKDF2 with HMAC-SHA-256 over the code, salted with the bytes of {@code salt}, {@link #HASH_ITERATIONS}
     * iterations, 256 bits, as lower-case hex (the engine's {@code OtpCodes}). It is accepted until {@code expiresAt},
     * for at most {@code maxAttempts} wrong codes.
     */
    record OtpIssued(EventHeader header, String salt, String codeHash, java.time.Instant expiresAt, int maxAttempts)
            implements ContactEvent {
        /** PBKDF2 iterations of the code hash: slow enough to make guessing a stored code expensive. */
        public static final int HASH_ITERATIONS = 4096;

        public OtpIssued {
            Objects.requireNonNull(header, "header");
            if (salt == null || !salt.matches("[0-9a-f]{32}")) {
                throw new IllegalArgumentException("OTP salt must be 32 lower-case hex chars, was " + salt);
            }
            if (codeHash == null || !codeHash.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("OTP hash must be 64 lower-case hex chars");
            }
            Objects.requireNonNull(expiresAt, "expiresAt");
            if (!expiresAt.isAfter(header.occurredAt())) {
                throw new IllegalArgumentException("an OTP must expire after it is issued, was " + expiresAt);
            }
            if (maxAttempts < 1 || maxAttempts > 10) {
                throw new IllegalArgumentException("OTP attempts must be 1-10, was " + maxAttempts);
            }
        }

        @Override
        public OtpIssued withHeader(EventHeader header) {
            return new OtpIssued(header, salt, codeHash, expiresAt, maxAttempts);
        }
    }

    /** A wrong code was entered for the one-time code issued by event {@code otp}. */
    record OtpAttemptFailed(EventHeader header, java.util.UUID otp) implements ContactEvent {
        public OtpAttemptFailed {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(otp, "otp");
        }

        @Override
        public OtpAttemptFailed withHeader(EventHeader header) {
            return new OtpAttemptFailed(header, otp);
        }
    }

    /**
     * The customer was asked to pay {@code amount}: by a UPI intent {@code link} (mode UPI, {@code reference} the
     * {@code tr} the payment carries back) or an M-Pesa STK push to {@code payer}'s phone (mode MPESA,
     * {@code reference} the provider's request id, which its callback names).
     */
    record PaymentRequested(EventHeader header, PaymentMode mode, Money amount, String reference, String payer,
                            String link) implements ContactEvent {
        public PaymentRequested {
            Objects.requireNonNull(header, "header");
            if (mode != PaymentMode.UPI && mode != PaymentMode.MPESA) {
                throw new IllegalArgumentException("a payment request is by UPI or MPESA, not " + mode);
            }
            Objects.requireNonNull(amount, "amount");
            if (!amount.isPositive()) {
                throw new IllegalArgumentException("a payment request asks for a positive amount, was " + amount);
            }
            if (reference == null || reference.isBlank()) {
                throw new IllegalArgumentException("payment request reference must not be blank");
            }
        }

        @Override
        public PaymentRequested withHeader(EventHeader header) {
            return new PaymentRequested(header, mode, amount, reference, payer, link);
        }
    }

    /**
     * The provider answered the payment request {@code reference}: paid (with the M-Pesa {@code receipt} number and
     * the amount) or not (the result code and description say why).
     */
    record PaymentCallbackReceived(EventHeader header, String reference, boolean paid, String resultCode,
                                   String resultDescription, String receipt, Money amount) implements ContactEvent {
        public PaymentCallbackReceived {
            Objects.requireNonNull(header, "header");
            if (reference == null || reference.isBlank()) {
                throw new IllegalArgumentException("payment callback reference must not be blank");
            }
            Objects.requireNonNull(resultCode, "result code");
            resultDescription = resultDescription == null ? "" : resultDescription;
            if (paid && (receipt == null || receipt.isBlank() || amount == null)) {
                throw new IllegalArgumentException("a paid callback carries the receipt number and the amount");
            }
        }

        @Override
        public PaymentCallbackReceived withHeader(EventHeader header) {
            return new PaymentCallbackReceived(header, reference, paid, resultCode, resultDescription, receipt, amount);
        }
    }

    /** The customer rated the job {@code rating} (1-5) and said {@code comment} (may be empty). */
    record FeedbackRecorded(EventHeader header, int rating, String comment) implements ContactEvent {
        public FeedbackRecorded {
            Objects.requireNonNull(header, "header");
            if (rating < 1 || rating > 5) {
                throw new IllegalArgumentException("a rating is 1-5, was " + rating);
            }
            comment = comment == null ? "" : comment.strip();
            if (comment.length() > 1000) {
                throw new IllegalArgumentException("a feedback comment is at most 1000 chars, was " + comment.length());
            }
        }

        @Override
        public FeedbackRecorded withHeader(EventHeader header) {
            return new FeedbackRecorded(header, rating, comment);
        }
    }
}
