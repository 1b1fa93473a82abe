package io.github.geodispatch.examples.cityweek;

import io.github.geodispatch.GeoDispatch;
import io.github.geodispatch.customer.CustomerResult;
import io.github.geodispatch.examples.cityday.CityBusiness;
import io.github.geodispatch.job.CommandResult;
import io.github.geodispatch.job.JobState;
import io.github.geodispatch.journal.CustomerRecords;
import io.github.geodispatch.memory.InMemoryMessageSender;
import io.github.geodispatch.memory.InMemoryMessageStore;
import io.github.geodispatch.messaging.MessagingPolicy;
import io.github.geodispatch.messaging.OtpResult;
import io.github.geodispatch.messaging.Template;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.CustomerProfile;
import io.github.geodispatch.spi.DeliveryReport;
import io.github.geodispatch.spi.DeliveryStatus;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.MessageRecipient;
import io.github.geodispatch.spi.MessageStore;
import io.github.geodispatch.spi.OutboundMessage;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.StoredMessage;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The week's customers on WhatsApp, through the front door's messaging: every customer of a day's requests is in the
 * customer record (with a phone and a language) before the day, the job record's events become their messages under
 * the real policy (quiet hours 21:00-08:00, the rate limit, each message once), the held ones are sent every five
 * simulated minutes, the provider's delivery reports come back (delivered, read or failed, drawn from the seed and
 * the message's key), customers approve installations and repairs with a one-time code when the work starts, and a
 * share of them answer the completion message's feedback link with a rating. Every draw is from the seed and the
 * message or job, so the same settings give the same messages and ratings. Not thread-safe (the simulation is
 * single-threaded; the ports it gives the front door are).
 */
final class WeekMessages {
    static final LocalTime QUIET_FROM = LocalTime.of(21, 0);
    static final LocalTime QUIET_UNTIL = LocalTime.of(8, 0);
    /** Work the customer approves with a code before the technician starts. */
    static final Set<String> APPROVED_BY_CODE = Set.of("CCTV_INSTALL", "AC_REPAIR");
    private static final Duration ROUND = Duration.ofMinutes(5);
    private static final String[] LOW_COMMENTS = {"Technician came late and did not call", "Problem came back the same evening",
            "Charged more than the quote", "Left the place dirty", "Had to explain the problem three times"};
    private static final String[] HIGH_COMMENTS = {"", "", "Quick and polite", "Explained everything clearly", "On time"};

    /** A customer's answer to the feedback link of a completed job. */
    record Rating(JobId job, CustomerId customer, TechnicianId technician, BranchId branch, int rating, String comment,
                  Instant at) {
        boolean satisfied() {
            return rating >= 4;
        }
    }

    /** A message to a customer as the store last held it, with the time it was queued. */
    record CustomerMessage(StoredMessage stored, Instant queuedAt, boolean heldForQuietHours) {}

    private final long seed;
    private final TenantId tenant;
    private final ZoneId zone;
    private final InMemoryMessageSender provider = new InMemoryMessageSender();
    private final Ledger store = new Ledger();
    private GeoDispatch gd;
    private Actor owner;
    private final Set<CustomerId> registered = new LinkedHashSet<>();
    /** Jobs whose work started and whose customer approves it with a code, in the order they started. */
    private final Set<JobId> toApprove = new LinkedHashSet<>();
    private final Set<JobId> approved = new LinkedHashSet<>();
    /** Completion messages sent, by job, waiting for the customer to answer (or not) the feedback link. */
    private final Map<JobId, Instant> feedbackDue = new LinkedHashMap<>();
    private final List<Rating> ratings = new ArrayList<>();
    private int reported;
    /** The simulated time as this class last heard it (the morning of a day, then its ticks). */
    private Instant now;

    WeekMessages(long seed, TenantId tenant, ZoneId zone) {
        this.seed = seed;
        this.tenant = tenant;
        this.zone = zone;
    }

    /** The front door's messaging settings: the policy, the in-memory provider and the store this class reads. */
    GeoDispatch.Builder configure(GeoDispatch.Builder builder) {
        byte[] secret = ("cool-care-feedback-" + seed).getBytes(StandardCharsets.UTF_8);
        return builder.messaging(MessagingPolicy.builder()
                        .quietHours(QUIET_FROM, QUIET_UNTIL)
                        .upiPayee("coolcare@okaxis", "Cool Care Home Services")
                        .feedbackLinks("https://coolcare.example/rate", secret)
                        .build())
                .messageSender(provider)
                .messageStore(store);
    }

    /** Listens to the business's front door: call once, after the business opened. */
    void attach(CityBusiness business) {
        this.gd = business.frontDoor();
        this.owner = Actor.owner(tenant, "owner");
        gd.jobs().subscribe(tenant, this::heard);
        business.beforeEachDay(this::register);
        business.onTick(this::tick);
    }

    /** Customers already in the customer record (the AMC customers) keep their profile; the others are registered. */
    private void register(List<CityBusiness.JobLine> day) {
        for (CityBusiness.JobLine line : day) {
            CustomerId id = CustomerId.of(line.customerId());
            if (!registered.add(id) || gd.customers().customer(owner, id).isPresent()) {
                continue;
            }
            SplittableRandom r = draw(line.customerId());
            String phone = String.format("+9197%08d", r.nextLong(100_000_000L));
            String language = switch (r.nextInt(4)) {
                case 0 -> "kn";
                case 1 -> "hi";
                default -> "en";
            };
            Instant at = now;
            CustomerResult result = gd.customers().execute(owner, new CustomerRecords.Registered(id,
                    OffsetDateTime.ofInstant(at, zone), line.branch(), new CustomerProfile(line.customerName(),
                    List.of(phone), null, language, null, "29", line.address())).command());
            if (result instanceof CustomerResult.Rejected rejected) {
                throw new IllegalStateException("the customer record refused customer " + id.value() + ": " + rejected);
            }
        }
    }

    /** The morning of a day, before it is played: the day's customers are registered at {@code at}. */
    void morning(Instant at) {
        now = at;
    }

    /** The job record's events: an approval to ask for when the work of an installation or a repair starts. */
    private void heard(List<StoredEvent> events) {
        for (StoredEvent stored : events) {
            if (stored.event() instanceof JobEvent.StatusChanged s && s.status() == JobStatus.WORK_STARTED
                    && !approved.contains(s.header().job())) {
                toApprove.add(s.header().job());
            }
        }
    }

    /** Every five simulated minutes: what is due is sent, codes are asked for and entered, reports and ratings come in. */
    private void tick(Instant at) {
        if (at.getEpochSecond() % ROUND.getSeconds() != 0) {
            return;
        }
        now = at;
        gd.messaging().sendDue();
        approve();
        reportDeliveries();
        answerFeedback(false);
    }

    /**
     * The morning after the last day, 08:05: what quiet hours held is sent and reported, and the customers who will
     * answer a feedback link have answered.
     */
    void finish(LocalDate lastDay, CityBusiness business) {
        Instant morning = lastDay.plusDays(1).atTime(QUIET_UNTIL.plusMinutes(5)).atZone(zone).toInstant();
        business.advanceClockTo(morning);
        now = morning;
        gd.messaging().sendDue();
        reportDeliveries();
        answerFeedback(true);
    }

    /**
     * The customers of installations and repairs approve the work with the code sent to their phone; one in eight
     * first types a wrong code.
     */
    private void approve() {
        for (JobId job : List.copyOf(toApprove)) {
            toApprove.remove(job);
            JobState state = gd.jobs().job(owner, job).orElseThrow();
            if (!APPROVED_BY_CODE.contains(state.jobType()) || state.technician() == null || !approved.add(job)) {
                continue;
            }
            Actor technician = Actor.technician(tenant, state.branch(), state.technician());
            OtpResult issued = gd.messaging().requestOtp(technician, job);
            if (issued.outcome() != OtpResult.Outcome.ISSUED) {
                throw new IllegalStateException("no code for job " + job.value() + ": " + issued.message());
            }
            String code = lastCode(job);
            if (draw(job.value() + "/otp").nextInt(8) == 0) {
                gd.messaging().verifyOtp(technician, job, code.equals("000000") ? "111111" : "000000");
            }
            OtpResult entered = gd.messaging().verifyOtp(technician, job, code);
            if (entered.outcome() != OtpResult.Outcome.APPROVED) {
                throw new IllegalStateException("the customer's code for job " + job.value() + " was not taken: "
                        + entered.message());
            }
        }
    }

    /** The code the customer's phone received last for {@code job}. */
    private String lastCode(JobId job) {
        List<OutboundMessage> sent = provider.sent();
        for (int i = sent.size() - 1; i >= 0; i--) {
            OutboundMessage m = sent.get(i);
            if (job.equals(m.job()) && m.template().equals(Template.APPROVAL_CODE.id())) {
                return m.parameters().get(0);
            }
        }
        throw new IllegalStateException("no code reached the customer of job " + job.value());
    }

    /**
     * The provider's reports on what it was handed since the last round: 3 in 100 fail (the number is not on
     * WhatsApp), the others are delivered and six in ten of those read.
     */
    private void reportDeliveries() {
        List<OutboundMessage> sent = provider.sent();
        for (; reported < sent.size(); reported++) {
            OutboundMessage m = sent.get(reported);
            String id = "mem-" + (reported + 1); // the in-memory provider's ids, in the order it was handed messages
            int roll = draw(m.key()).nextInt(100);
            if (roll < 3) {
                gd.messaging().report(new DeliveryReport(id, DeliveryStatus.FAILED, now, "the number is not on WhatsApp"));
                continue;
            }
            gd.messaging().report(new DeliveryReport(id, DeliveryStatus.DELIVERED, now, ""));
            if (roll < 63) {
                gd.messaging().report(new DeliveryReport(id, DeliveryStatus.READ, now, ""));
            }
            if (m.template().equals(Template.JOB_COMPLETED.id())) {
                feedbackDue.putIfAbsent(m.job(), now.plus(Duration.ofMinutes(20 + draw(m.job().value() + "/wait").nextInt(160))));
            }
        }
    }

    /**
     * Four in ten customers whose completion message arrived answer its link, once their time came ({@code all}: the
     * week is over and everyone who will answer has). How they rate depends on their technician's way with customers
     * and a draw of their own; low ratings come with a complaint.
     */
    private void answerFeedback(boolean all) {
        Iterator<Map.Entry<JobId, Instant>> it = feedbackDue.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<JobId, Instant> due = it.next();
            if (!all && due.getValue().isAfter(now)) {
                continue;
            }
            it.remove();
            JobId job = due.getKey();
            SplittableRandom r = draw(job.value() + "/rating");
            if (r.nextInt(10) >= 4) {
                continue;
            }
            JobState state = gd.jobs().job(owner, job).orElseThrow();
            int rating = rating(state.technician(), r);
            String comment = rating <= 2 ? LOW_COMMENTS[r.nextInt(LOW_COMMENTS.length)]
                    : HIGH_COMMENTS[r.nextInt(HIGH_COMMENTS.length)];
            String link = gd.messaging().feedbackLink(job);
            String token = link.substring(link.indexOf("&t=") + 3);
            if (gd.messaging().feedback(job, token, rating, comment) instanceof CommandResult.Rejected rejected) {
                throw new IllegalStateException("the feedback on job " + job.value() + " was refused: " + rejected);
            }
            ratings.add(new Rating(job, state.customer(), state.technician(), state.branch(), rating, comment, now));
        }
    }

    /** 1-5 stars: a technician's way with customers (from the seed) shifts every customer's own draw. */
    private int rating(TechnicianId technician, SplittableRandom customer) {
        int care = technician == null ? 0 : draw(technician.value() + "/care").nextInt(3) - 1; // -1, 0 or +1
        int roll = customer.nextInt(100) + care * 10;
        return roll < 6 ? 1 : roll < 12 ? 2 : roll < 25 ? 3 : roll < 60 ? 4 : 5;
    }

    private SplittableRandom draw(String what) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ what.hashCode() * 0xC2B2AE3D27D4EB4FL);
    }

    /** The ratings customers gave, in the order they came in. */
    List<Rating> ratings() {
        return List.copyOf(ratings);
    }

    /** Every message the provider was handed, in order (the approval codes with their code). */
    List<OutboundMessage> handedToProvider() {
        return provider.sent();
    }

    /** The messages to customers as the store holds them now, in the order they were queued. */
    List<CustomerMessage> toCustomers() {
        return store.toCustomers();
    }

    /**
     * The store the front door's messaging writes to: the in-memory store, watched for what the report counts
     * (when each message was queued, which waited for the quiet hours to end, where each stands). Thread-safe.
     */
    private static final class Ledger implements MessageStore {
        private final InMemoryMessageStore store = new InMemoryMessageStore();
        private final Map<String, Instant> queuedAt = new LinkedHashMap<>();
        private final Map<String, StoredMessage> latest = new LinkedHashMap<>();
        private final Set<String> heldForQuietHours = new LinkedHashSet<>();

        @Override
        public synchronized boolean enqueue(OutboundMessage message, Instant at) {
            boolean queued = store.enqueue(message, at);
            if (queued && message.recipient().kind() == MessageRecipient.Kind.CUSTOMER) {
                queuedAt.put(message.key(), at);
                latest.put(message.key(), StoredMessage.queued(message, at));
            }
            return queued;
        }

        @Override
        public synchronized Optional<StoredMessage> find(TenantId tenant, String key) {
            return store.find(tenant, key);
        }

        @Override
        public synchronized boolean replace(StoredMessage current, StoredMessage next) {
            boolean replaced = store.replace(current, next);
            if (replaced && latest.containsKey(next.key())) {
                latest.put(next.key(), next);
                if (next.status() == DeliveryStatus.QUEUED && next.detail().equals("quiet hours")) {
                    heldForQuietHours.add(next.key());
                }
            }
            return replaced;
        }

        @Override
        public synchronized List<StoredMessage> due(TenantId tenant, DeliveryStatus status, Instant now, int limit) {
            return store.due(tenant, status, now, limit);
        }

        @Override
        public synchronized Optional<StoredMessage> byProviderMessageId(String providerMessageId) {
            return store.byProviderMessageId(providerMessageId);
        }

        @Override
        public synchronized int sentSince(TenantId tenant, MessageRecipient recipient, Instant since) {
            return store.sentSince(tenant, recipient, since);
        }

        synchronized List<CustomerMessage> toCustomers() {
            List<CustomerMessage> out = new ArrayList<>();
            latest.forEach((key, m) -> out.add(new CustomerMessage(m, queuedAt.get(key), heldForQuietHours.contains(key))));
            return out;
        }
    }
}
