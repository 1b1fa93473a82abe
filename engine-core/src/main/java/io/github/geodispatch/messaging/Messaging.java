package io.github.geodispatch.messaging;

import io.github.geodispatch.contract.ContractPortfolio;
import io.github.geodispatch.contract.ReminderSender;
import io.github.geodispatch.dispatch.HaversineTravelTimes;
import io.github.geodispatch.job.CommandResult;
import io.github.geodispatch.job.JobRecord;
import io.github.geodispatch.memory.InMemoryMessageSender;
import io.github.geodispatch.memory.InMemoryMessageStore;
import io.github.geodispatch.messaging.internal.EngineMessaging;
import io.github.geodispatch.messaging.internal.MessagingSetup;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.DeliveryReport;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.MessageSender;
import io.github.geodispatch.spi.MessageStore;
import io.github.geodispatch.spi.Notifier;
import io.github.geodispatch.spi.PaymentCallback;
import io.github.geodispatch.spi.PaymentRequests;
import io.github.geodispatch.spi.StatementCredit;
import io.github.geodispatch.spi.StoredMessage;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.spi.TravelTimes;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Talking to customers and technicians from the job record ({@code docs/messaging.md}). Built over a {@link JobRecord}
 * it listens to: each stored job event becomes the messages its {@link Template}s say (booking confirmed, technician
 * assigned, on the way with an ETA, arrived, completed with the amount and how to pay, rescheduled, cancelled; the
 * technician's own notices, including a job taken off them), in each person's language, each sent once per event and
 * recipient (the {@link MessageStore} holds its idempotency key, so restarts, redeliveries and other instances over
 * the same store do not send it again), held through quiet hours and the per-customer rate limit, and its delivery
 * statuses recorded on the job. Also: one-time codes for the customer's approval, payment requests and their
 * callbacks, feedback from the completion message's link, live ETAs and "where is my technician".
 *
 * <p>Thread-safe.
 */
public interface Messaging {

    static Builder builder() {
        return new Builder();
    }

    /**
     * Sends the held messages whose time came (after quiet hours, the rate limit or a retry), expires those that
     * stopped mattering, and fails those whose sender stopped while sending (they are not sent again, so none is sent
     * twice). A host calls it every minute or so. Returns how many messages were handed to a provider.
     */
    int sendDue();

    /**
     * A provider's delivery report (a WhatsApp status webhook): the message's status moves forward and its job records
     * it. False when no message has the report's id (yet): the host answers the webhook with an error so the provider
     * retries. A report behind the message's status changes nothing and is true.
     */
    boolean report(DeliveryReport report);

    /**
     * Sends the job's customer a one-time code to approve the work, asked by {@code actor} (the job's technician, a
     * dispatcher, the owner): a fresh code replaces any earlier one. Only the code's salted hash is recorded. A job is
     * sent at most {@link io.github.geodispatch.job.JobCommand.IssueOtp#MAX_PER_JOB} codes over its life; a request
     * past them is {@link OtpResult.Outcome#NO_CODES_LEFT} and sends nothing.
     */
    OtpResult requestOtp(Actor actor, JobId job);

    /** Checks the customer's {@code code}, entered by {@code actor}: the right code records the customer's approval. */
    OtpResult verifyOtp(Actor actor, JobId job, String code);

    /**
     * The provider's answer to a payment request of {@code job} (its callback URL names the job): recorded on the job;
     * a payment is also recorded on the job (M-Pesa, the receipt number as its reference) and, as a statement credit,
     * given to the reconciliation. Replays change nothing. A callback for no M-Pesa request of the job, or paid for
     * another amount than the request asked, is rejected (INVALID_INPUT) with nothing recorded.
     */
    CommandResult paymentCallback(JobId job, PaymentCallback callback);

    /** The link the completion message carries for the customer to rate {@code job}. */
    String feedbackLink(JobId job);

    /**
     * The customer's rating (1-5) and comment from the feedback link: recorded on the job when {@code token} is the
     * link's, else rejected (INVALID_INPUT) with nothing recorded.
     */
    CommandResult feedback(JobId job, String token, int rating, String comment);

    /** Where the job's technician is, from their last position, with the ETA while on the way; empty when unassigned. */
    Optional<TechnicianWhereabouts> whereIs(Actor actor, JobId job);

    /** Where technicians' positions go in. */
    LiveEta eta();

    /** Sends contract renewal and warranty reminders as {@link Template#RENEWAL_DUE} and {@link Template#WARRANTY_EXPIRING}. */
    ReminderSender reminders();

    /** The message with {@code key}, as the store holds it. */
    Optional<StoredMessage> message(String key);

    /**
     * Configures and builds {@link Messaging}; the built engine subscribes itself to the job record. Required:
     * {@link #business}, {@link #jobs}, {@link #contacts}, {@link #policy}. Each setter fails at once on null or a
     * second call, naming the setting. Not thread-safe.
     */
    final class Builder {
        private TenantId tenant;
        private Currency currency;
        private ZoneId zone;
        private JobRecord jobs;
        private ContactBook contacts;
        private MessagingPolicy policy;
        private MessageStore store;
        private MessageSender sender;
        private Notifier notifier;
        private PaymentRequests paymentRequests;
        private Consumer<StatementCredit> paymentCredits;
        private ContractPortfolio contracts;
        private TravelTimes travelTimes;
        private InstantSource clock;
        private RandomGenerator codes;
        private Boolean afterInvoice;

        private Builder() {}

        /** Required: the business, its currency and zone (quiet hours and message times are in it). */
        public Builder business(TenantId tenant, Currency currency, ZoneId zone) {
            this.tenant = once(this.tenant, tenant, "business tenant");
            this.currency = Objects.requireNonNull(currency, "business currency");
            this.zone = Objects.requireNonNull(zone, "business zone");
            return this;
        }

        /** Required: the job record whose events are talked about and where statuses, codes and feedback are recorded. */
        public Builder jobs(JobRecord value) {
            jobs = once(jobs, value, "job record");
            return this;
        }

        /** Required: how customers and technicians are reached. */
        public Builder contacts(ContactBook value) {
            contacts = once(contacts, value, "contact book");
            return this;
        }

        /** Required: quiet hours, rate limit, ETA, codes, retries, links. */
        public Builder policy(MessagingPolicy value) {
            policy = once(policy, value, "messaging policy");
            return this;
        }

        /** Where messages and their idempotency keys are kept; in memory when not set. */
        public Builder store(MessageStore value) {
            store = once(store, value, "message store");
            return this;
        }

        /** Who hands WhatsApp, SMS and e-mail messages to a provider; kept in memory when not set. */
        public Builder sender(MessageSender value) {
            sender = once(sender, value, "message sender");
            return this;
        }

        /** Who delivers technicians' app notifications (APP channel); nobody when not set. */
        public Builder notifier(Notifier value) {
            notifier = once(notifier, value, "notifier");
            return this;
        }

        /** Who pushes M-Pesa payment prompts for KES jobs; none when not set (the completion message asks to pay the technician). */
        public Builder paymentRequests(PaymentRequests value) {
            paymentRequests = once(paymentRequests, value, "payment requests");
            return this;
        }

        /** Where a paid callback goes as a statement credit (the reconciliation); nowhere when not set. */
        public Builder paymentCredits(Consumer<StatementCredit> value) {
            paymentCredits = once(paymentCredits, value, "payment credits");
            return this;
        }

        /** The contracts: a created job that is a contract's preventive visit is announced as {@link Template#AMC_VISIT_DUE}. */
        public Builder contracts(ContractPortfolio value) {
            contracts = once(contracts, value, "contracts");
            return this;
        }

        /** Travel times for ETAs; great-circle distance at city speeds when not set. */
        public Builder travelTimes(TravelTimes value) {
            travelTimes = once(travelTimes, value, "travel times");
            return this;
        }

        /** The clock; the system clock when not set. */
        public Builder clock(InstantSource value) {
            clock = once(clock, value, "clock");
            return this;
        }

        /** Where one-time codes and their salts come from; a {@link SecureRandom} when not set (tests pass a seeded one). */
        public Builder codes(RandomGenerator value) {
            codes = once(codes, value, "code generator");
            return this;
        }

        /**
         * True when the completion message waits for the job's invoice hand-off (billing is on: it states the invoice
         * total); false (default) to send it on COMPLETED with the amount due from the job record.
         */
        public Builder paymentMessageAfterInvoice(boolean value) {
            afterInvoice = once(afterInvoice, value, "payment message after invoice");
            return this;
        }

        public Messaging build() {
            if (tenant == null) {
                throw new IllegalStateException("Messaging needs the business: call business(tenant, currency, zone)");
            }
            require(jobs, "jobs(jobRecord)");
            require(contacts, "contacts(contactBook)");
            require(policy, "policy(messagingPolicy)");
            EngineMessaging engine = new EngineMessaging(new MessagingSetup(tenant, currency, zone, jobs, contacts, policy,
                    store != null ? store : new InMemoryMessageStore(), sender != null ? sender : new InMemoryMessageSender(),
                    notifier != null ? notifier : Notifier.none(),
                    paymentRequests,
                    paymentCredits != null ? paymentCredits : credit -> { }, contracts,
                    travelTimes != null ? travelTimes : HaversineTravelTimes.defaults(),
                    clock != null ? clock : InstantSource.system(), codes != null ? codes : new SecureRandom(),
                    afterInvoice != null && afterInvoice));
            jobs.subscribe(engine);
            return engine;
        }

        private static void require(Object value, String call) {
            if (value == null) {
                throw new IllegalStateException("Messaging needs " + call);
            }
        }

        private static <T> T once(T current, T value, String name) {
            Objects.requireNonNull(value, name);
            if (current != null) {
                throw new IllegalStateException(name + " was already set to " + current);
            }
            return value;
        }
    }
}
