package io.github.geodispatch.job;

import io.github.geodispatch.spi.DeliveryStatus;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobEvent.FeedbackRecorded;
import io.github.geodispatch.spi.JobEvent.OtpIssued;
import io.github.geodispatch.spi.JobEvent.PaymentCallbackReceived;
import io.github.geodispatch.spi.JobEvent.PaymentRequested;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a job's record says about talking with its customer: the one-time code last issued, how many wrong codes were
 * entered for it and how many codes the job was issued over its life, each message's latest delivery status (by
 * message key), the payment requests and their callbacks, and the customer's feedback. The fold of the job's
 * {@link JobEvent.ContactEvent}s; part of {@link JobState}. Immutable and thread-safe.
 */
public record CustomerContact(OtpIssued otp, int otpFailures, int otpsIssued, Map<String, DeliveryStatus> messages,
                              List<PaymentRequested> paymentRequests, List<PaymentCallbackReceived> paymentCallbacks,
                              FeedbackRecorded feedback) {
    /** A job nobody has talked to yet. */
    public static final CustomerContact NONE = new CustomerContact(null, 0, 0, Map.of(), List.of(), List.of(), null);

    public CustomerContact {
        messages = Map.copyOf(messages);
        paymentRequests = List.copyOf(paymentRequests);
        paymentCallbacks = List.copyOf(paymentCallbacks);
    }

    /** The contact after {@code event}. */
    public CustomerContact apply(JobEvent.ContactEvent event) {
        if (event instanceof JobEvent.MessageStatusChanged e) {
            Map<String, DeliveryStatus> next = new HashMap<>(messages);
            next.put(e.message(), e.status());
            return new CustomerContact(otp, otpFailures, otpsIssued, next, paymentRequests, paymentCallbacks, feedback);
        } else if (event instanceof OtpIssued e) {
            return new CustomerContact(e, 0, otpsIssued + 1, messages, paymentRequests, paymentCallbacks, feedback);
        } else if (event instanceof JobEvent.OtpAttemptFailed e) {
            boolean current = otp != null && otp.header().eventId().equals(e.otp());
            return current ? new CustomerContact(otp, otpFailures + 1, otpsIssued, messages, paymentRequests,
                    paymentCallbacks, feedback) : this;
        } else if (event instanceof PaymentRequested e) {
            return new CustomerContact(otp, otpFailures, otpsIssued, messages, appended(paymentRequests, e),
                    paymentCallbacks, feedback);
        } else if (event instanceof PaymentCallbackReceived e) {
            return new CustomerContact(otp, otpFailures, otpsIssued, messages, paymentRequests,
                    appended(paymentCallbacks, e), feedback);
        }
        return new CustomerContact(otp, otpFailures, otpsIssued, messages, paymentRequests, paymentCallbacks,
                (FeedbackRecorded) event);
    }

    /** Wrong codes the current one-time code still allows; 0 when none was issued. */
    public int otpAttemptsLeft() {
        return otp == null ? 0 : Math.max(0, otp.maxAttempts() - otpFailures);
    }

    /** Codes the job may still be issued: {@link JobCommand.IssueOtp#MAX_PER_JOB} less those it was issued. */
    public int otpsLeft() {
        return Math.max(0, JobCommand.IssueOtp.MAX_PER_JOB - otpsIssued);
    }

    /** True when a one-time code was issued and is past its validity at {@code now}. */
    public boolean otpExpired(Instant now) {
        return otp != null && now.isAfter(otp.expiresAt());
    }

    /** The message's latest status on this job. */
    public Optional<DeliveryStatus> message(String key) {
        return Optional.ofNullable(messages.get(key));
    }

    /** The payment request with {@code reference}. */
    public Optional<PaymentRequested> paymentRequest(String reference) {
        return paymentRequests.stream().filter(r -> r.reference().equals(reference)).findFirst();
    }

    /** The callback of the payment request {@code reference}. */
    public Optional<PaymentCallbackReceived> paymentCallback(String reference) {
        return paymentCallbacks.stream().filter(c -> c.reference().equals(reference)).findFirst();
    }

    private static <T> List<T> appended(List<T> list, T item) {
        List<T> next = new ArrayList<>(list.size() + 1);
        next.addAll(list);
        next.add(item);
        return next;
    }
}
