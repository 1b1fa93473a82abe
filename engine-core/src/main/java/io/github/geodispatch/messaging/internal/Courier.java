package io.github.geodispatch.messaging.internal;

import io.github.geodispatch.job.CommandResult;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.job.JobRecord;
import io.github.geodispatch.messaging.MessagingPolicy;
import io.github.geodispatch.messaging.Template;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.DeliveryReport;
import io.github.geodispatch.spi.DeliveryStatus;
import io.github.geodispatch.spi.MessageChannel;
import io.github.geodispatch.spi.MessageSender;
import io.github.geodispatch.spi.MessageStore;
import io.github.geodispatch.spi.Notifier;
import io.github.geodispatch.spi.OutboundMessage;
import io.github.geodispatch.spi.ProviderException;
import io.github.geodispatch.spi.StoredMessage;
import io.github.geodispatch.spi.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets messages from the store to the providers, once each. A message is enqueued under its key (a key already in the
 * store is not sent again) and tried at once: it waits (QUEUED, due later) through quiet hours and the per-customer rate
 * limit, is taken by one sender (QUEUED to SENDING is a compare-and-set on the store's version, so of several engine
 * instances exactly one sends it), is handed to the provider, and becomes SENT, or FAILED, or QUEUED again for a
 * retry with back-off. A message past its expiry becomes EXPIRED; one whose sender stopped while sending (its lease
 * ran out) becomes FAILED rather than being sent again. Every status from SENT on is recorded on the message's job.
 * App messages go through the {@link Notifier}, the others through the {@link MessageSender}. Thread-safe: all state
 * is in the store.
 */
final class Courier {
    private static final Logger LOG = LoggerFactory.getLogger(Courier.class);
    private static final int BATCH = 200;
    private static final int MAX_PASSES = 1_000;
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final TenantId tenant;
    private final MessageStore store;
    private final MessageSender sender;
    private final Notifier notifier;
    private final JobRecord jobs;
    private final Actor system;
    private final MessagingPolicy policy;
    private final InstantSource clock;
    private final ZoneId zone;

    Courier(MessagingSetup setup) {
        this.tenant = setup.tenant();
        this.store = setup.store();
        this.sender = setup.sender();
        this.notifier = setup.notifier();
        this.jobs = setup.jobs();
        this.system = Actor.system(setup.tenant());
        this.policy = setup.policy();
        this.clock = setup.clock();
        this.zone = setup.zone();
    }

    /**
     * Enqueues {@code stored} and tries to send it; {@code sent} is what goes to the provider (the same message, or for
     * a one-time code the message with the code, which the store never sees: such a message is tried once). False
     * when the store already had the key.
     */
    boolean deliver(OutboundMessage stored, OutboundMessage sent, boolean once) {
        Instant now = clock.instant();
        if (!store.enqueue(stored, now)) {
            return false;
        }
        store.find(tenant, stored.key()).ifPresent(m -> attempt(m, sent, once, now));
        return true;
    }

    /** Enqueues {@code message} to be sent by the next {@link #sendDue()} (from the ping path: no provider call here). */
    boolean enqueue(OutboundMessage message) {
        return store.enqueue(message, clock.instant());
    }

    int sendDue() {
        Instant now = clock.instant();
        for (StoredMessage stuck : store.due(tenant, DeliveryStatus.SENDING, now, BATCH)) {
            moveAndRecord(stuck, stuck.reported(DeliveryStatus.FAILED, "the sender stopped while sending; not sent again "
                    + "so that it cannot arrive twice", now));
        }
        int sent = 0;
        List<StoredMessage> due;
        int passes = 0;
        do {
            // every message a pass takes leaves "QUEUED and due" (sent, held later, expired, failed, or taken by
            // another sender), so the next pass sees the next ones
            due = store.due(tenant, DeliveryStatus.QUEUED, now, BATCH);
            for (StoredMessage m : due) {
                if (m.message().template().equals(Template.APPROVAL_CODE.id())) {
                    moveAndRecord(m, m.reported(DeliveryStatus.FAILED, "the code is not kept, so it cannot be sent later; "
                            + "ask for a new one", now));
                } else if (attempt(m, m.message(), false, now)) {
                    sent++;
                }
            }
        } while (due.size() == BATCH && ++passes < MAX_PASSES);
        return sent;
    }

    boolean report(DeliveryReport report) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<StoredMessage> found = store.byProviderMessageId(report.providerMessageId());
            if (found.isEmpty() || !found.get().message().tenant().equals(tenant)) {
                return false;
            }
            StoredMessage m = found.get();
            if (m.status() == report.status() || !m.status().canMoveTo(report.status())) {
                return true;
            }
            if (moveAndRecord(m, m.reported(report.status(), report.detail(), report.at()))) {
                return true;
            }
        }
        return true;
    }

    Optional<StoredMessage> find(String key) {
        return store.find(tenant, key);
    }

    /** Tries {@code m} now; true when it was handed to the provider. */
    private boolean attempt(StoredMessage m, OutboundMessage actual, boolean once, Instant now) {
        if (m.status() != DeliveryStatus.QUEUED || m.dueAt().isAfter(now)) {
            return false;
        }
        OutboundMessage message = m.message();
        if (!now.isBefore(message.expiresAt())) {
            moveAndRecord(m, m.reported(DeliveryStatus.EXPIRED, "not sent before it expired at " + message.expiresAt(), now));
            return false;
        }
        if (message.address() == null) {
            moveAndRecord(m, m.reported(DeliveryStatus.FAILED, "no phone number, e-mail address or app to reach "
                    + message.recipient().text(), now));
            return false;
        }
        Template template = Template.of(message.template());
        if (!template.anytime() && policy.quiet(now.atZone(zone).toLocalTime())) {
            store.replace(m, m.deferred(quietEnd(now), "quiet hours", now));
            return false;
        }
        if (template.rateLimited()
                && store.sentSince(tenant, message.recipient(), now.minus(policy.rateLimitWindow())) >= policy.rateLimitMessages()) {
            Duration wait = policy.rateLimitWindow().dividedBy(policy.rateLimitMessages());
            store.replace(m, m.deferred(now.plus(wait.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : wait),
                    "rate limit: " + policy.rateLimitMessages() + " messages per " + policy.rateLimitWindow(), now));
            return false;
        }
        StoredMessage sending = m.sending(now, now.plus(policy.sendLease()));
        if (!store.replace(m, sending)) {
            return false; // another sender took it
        }
        String providerId;
        try {
            providerId = actual.channel() == MessageChannel.APP ? notify(actual) : sender.send(actual);
        } catch (ProviderException e) {
            failed(sending, e, e.kind() == ProviderException.Kind.PERMANENT || once, e.retryAfter().orElse(null));
            return false;
        } catch (RuntimeException e) {
            LOG.warn("sending message {} failed", message.key(), e);
            failed(sending, ProviderException.transientFailure(String.valueOf(e.getMessage()), e), once, null);
            return false;
        }
        // the provider took it: whatever follows, it is never retried
        if (providerId == null || providerId.isBlank()) {
            LOG.warn("the message sender took message {} but gave no provider id; its delivery reports cannot be matched",
                    message.key());
            providerId = "unknown:" + message.key();
        }
        moveAndRecord(sending, sending.sent(providerId, clock.instant()));
        return true;
    }

    private String notify(OutboundMessage message) {
        notifier.notify(message.address(), "Job " + (message.job() == null ? "" : message.job().value()), message.text());
        return "app:" + message.key();
    }

    private void failed(StoredMessage sending, ProviderException e, boolean permanent, Duration retryAfter) {
        Instant now = clock.instant();
        if (permanent || sending.attempts() >= policy.sendAttempts()) {
            moveAndRecord(sending, sending.reported(DeliveryStatus.FAILED, e.kind() + ": " + e.getMessage(), now));
            return;
        }
        Duration backoff = policy.retryBackoff().multipliedBy(1L << Math.min(20, sending.attempts() - 1));
        if (backoff.compareTo(MAX_BACKOFF) > 0) {
            backoff = MAX_BACKOFF;
        }
        if (retryAfter != null && retryAfter.compareTo(backoff) > 0) {
            // past its expiry the message is not sent anyway: it waits no longer than that
            Duration life = Duration.between(now, sending.message().expiresAt());
            backoff = retryAfter.compareTo(life) < 0 ? retryAfter : life;
        }
        store.replace(sending, sending.deferred(now.plus(backoff), e.kind() + ": " + e.getMessage(), now));
    }

    /** The end of the quiet hours {@code now} falls in. */
    private Instant quietEnd(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime end = local.with(policy.quietUntil());
        return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
    }

    /** Stores {@code next} over {@code current} and records the status on the job; false when another writer was first. */
    private boolean moveAndRecord(StoredMessage current, StoredMessage next) {
        if (!store.replace(current, next)) {
            return false;
        }
        OutboundMessage m = next.message();
        if (m.job() != null && next.status().reportedOnJob()) {
            CommandResult result = jobs.execute(system, new JobCommand.RecordMessageStatus(m.job(), m.key(), m.template(),
                    m.recipient().text(), m.channel(), next.status(), next.providerMessageId(), next.detail()));
            if (result instanceof CommandResult.Rejected r) {
                LOG.warn("status {} of message {} not recorded on job {}: {}", next.status(), m.key(), m.job(),
                        r.rejection().message());
            }
        }
        return true;
    }
}
