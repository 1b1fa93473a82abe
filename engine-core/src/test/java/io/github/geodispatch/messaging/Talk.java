package io.github.geodispatch.messaging;

import io.github.geodispatch.customer.CustomerCommand;
import io.github.geodispatch.customer.CustomerRecord;
import io.github.geodispatch.job.ArrivalEvidence;
import io.github.geodispatch.job.IdGenerator;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.job.JobRecord;
import io.github.geodispatch.job.JobState;
import io.github.geodispatch.memory.InMemoryCustomerEventStore;
import io.github.geodispatch.memory.InMemoryJobEventStore;
import io.github.geodispatch.memory.InMemoryMessageStore;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.CoverageKind;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.CustomerProfile;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.MessageChannel;
import io.github.geodispatch.spi.MessageSender;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.OutboundMessage;
import io.github.geodispatch.spi.PaymentRequests;
import io.github.geodispatch.spi.ProviderException;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.StatementCredit;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.spi.TimeWindow;
import io.github.geodispatch.spi.TravelEstimate;
import io.github.geodispatch.spi.TravelTimes;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * A business that talks to its customers, for the messaging tests: a job record and a customer record in memory, a
 * message store that outlives {@link #restart() restarts}, a sender that records what it is given and fails when
 * told, technicians reached on WhatsApp in their languages, and a clock the test moves (10:00 in Bengaluru on a
 * Monday to start with). Travel to any site takes {@link #TRAVEL}.
 */
final class Talk {
    static final TenantId TENANT = TenantId.of("coolair-blr");
    static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    static final BranchId BRANCH = BranchId.of("indiranagar");
    static final LocalDate DAY = LocalDate.of(2026, 11, 16);
    static final TechnicianId RAVI = TechnicianId.of("ravi");
    static final TechnicianId ASHA = TechnicianId.of("asha");
    static final Duration TRAVEL = Duration.ofMinutes(25);
    static final String FEEDBACK = "https://coolair.example/feedback";
    static final byte[] SECRET = "a secret of sixteen bytes or more".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    static final GeoPoint SITE = GeoPoint.of(12.9719, 77.6412);

    final Actor dispatcher = Actor.dispatcher(TENANT, BRANCH, "priya");
    final Actor owner = Actor.owner(TENANT, "owner");
    final Actor system = Actor.system(TENANT);
    Instant now = DAY.atTime(10, 0).atZone(ZONE).toInstant();
    final InstantSource clock = () -> now;
    final InMemoryJobEventStore events = new InMemoryJobEventStore();
    final InMemoryMessageStore store = new InMemoryMessageStore();
    final CustomerRecord customers = CustomerRecord.builder().store(new InMemoryCustomerEventStore()).clock(clock).build();
    final Sender sender = new Sender();
    final List<String> notified = new ArrayList<>();
    final List<StatementCredit> credits = new ArrayList<>();
    final List<io.github.geodispatch.spi.PaymentRequest> prompts = new ArrayList<>();
    /** Technicians reached on WhatsApp: Ravi in Kannada, Asha in Tamil; any other in the app. */
    final Map<TechnicianId, Contact> technicians = Map.of(
            RAVI, new Contact("Ravi Kumar", MessageChannel.WHATSAPP, "+919845000001", "kn"),
            ASHA, new Contact("Asha N", MessageChannel.WHATSAPP, "+919845000002", "ta"));
    private final Currency currency;
    private final UnaryOperator<MessagingPolicy.Builder> policy;
    private final UnaryOperator<Messaging.Builder> extra;
    private long sequence = 100;
    /** Travel times the engines use; {@link #TRAVEL} everywhere unless a test changes it. */
    TravelTimes travel = fixedTravel();
    JobRecord jobs;
    Messaging messaging;

    Talk() {
        this(p -> p, b -> b);
    }

    Talk(UnaryOperator<MessagingPolicy.Builder> policy, UnaryOperator<Messaging.Builder> extra) {
        this(Currency.INR, policy, extra);
    }

    /** A business pricing in {@code currency} (the zone stays Bengaluru's, so the tests' times read the same). */
    Talk(Currency currency, UnaryOperator<MessagingPolicy.Builder> policy, UnaryOperator<Messaging.Builder> extra) {
        this.currency = currency;
        this.policy = policy;
        this.extra = extra;
        restart();
    }

    /** A new job record and messaging engine over the same stores, as after a process restart. */
    Talk restart() {
        jobs = records().idGenerator(IdGenerator.sequential(sequence++)).build();
        messaging = build(jobs);
        return this;
    }

    /** Another engine instance over the same stores (its own job record); the one in use stays. */
    Messaging build(JobRecord record) {
        return extra.apply(Messaging.builder().business(TENANT, currency, ZONE).jobs(record)
                .contacts(ContactBook.of(customers, system, MessageChannel.WHATSAPP, t -> Optional.ofNullable(technicians.get(t)).or(() -> ContactBook.inApp(t))))
                .policy(policy.apply(MessagingPolicy.builder().feedbackLinks(FEEDBACK, SECRET)).build())
                .store(store).sender(sender).notifier((to, subject, body) -> notified.add(to + ": " + body))
                .paymentCredits(credits::add).travelTimes((from, to) -> travel.between(from, to)).clock(clock).codes(new Random(42))).build();
    }

    /** A job record builder over this business's store and clock whose ARRIVED finds the technician at the site. */
    JobRecord.Builder records() {
        return JobRecord.builder().eventStore(events).clock(clock).arrivalVisits((technician, site, from, to) ->
                List.of(ArrivalEvidence.Visit.of(technician, site, from)));
    }

    static TravelTimes fixedTravel() {
        return (from, to) -> new TravelEstimate(TRAVEL, 5_000);
    }

    /** A payment-request port that records each prompt and answers with request ids {@code ws_CO_1}, ... */
    PaymentRequests prompts() {
        return request -> {
            prompts.add(request);
            return new io.github.geodispatch.spi.PaymentRequestReceipt("ws_CO_" + prompts.size(), "Success. Request accepted");
        };
    }

    Talk customer(String id, String phone, String language) {
        customers.execute(owner, new CustomerCommand.RegisterCustomer(CustomerId.of(id), BRANCH,
                new CustomerProfile("Customer " + id, phone == null ? List.of() : List.of(phone), null, language, null, "29",
                        ""))).orThrow();
        return this;
    }

    /** Creates job {@code id} for {@code customer}: AC_SERVICE, a 14:00-16:00 window today, quote ₹1,499.00. */
    JobId job(String id, String customer) {
        return job(id, customer, Money.ofMinor(149_900, currency));
    }

    JobId job(String id, String customer, Money quote) {
        JobId job = JobId.of(id);
        jobs.execute(dispatcher, JobCommand.CreateJob.builder(job, BRANCH, CustomerId.of(customer),
                        new Site(SiteId.of("S-" + id), SITE, 60, "100 Feet Rd, Indiranagar"), "AC_SERVICE")
                .window(new TimeWindow(DAY.atTime(14, 0).atZone(ZONE).toInstant(), DAY.atTime(16, 0).atZone(ZONE).toInstant()))
                .quote(quote).build()).orThrow();
        return job;
    }

    /** A job the customer's AMC covers (a year from {@link #DAY}, AC service), booked with no window. */
    JobId amcJob(String id, String customer) {
        JobId job = JobId.of(id);
        jobs.execute(dispatcher, JobCommand.CreateJob.builder(job, BRANCH, CustomerId.of(customer),
                        new Site(SiteId.of("S-" + id), SITE, 60, "Whitefield"), "AC_SERVICE")
                .quote(Money.ofMinor(149_900, currency))
                .coverage(new Coverage(CoverageKind.AMC, "AMC-1", DAY.plusYears(1), List.of("AC_SERVICE"))).build()).orThrow();
        return job;
    }

    Actor tech(TechnicianId technician) {
        return Actor.technician(TENANT, BRANCH, technician);
    }

    JobState run(Actor actor, JobCommand command) {
        return jobs.execute(actor, command).orThrow();
    }

    /** Assigns {@code job} to Ravi and walks it to WORK_STARTED with the photos an AC service needs. */
    JobState atWork(JobId job) {
        run(dispatcher, JobCommand.Assign.of(job, RAVI));
        run(tech(RAVI), JobCommand.ChangeStatus.enRoute(job));
        run(tech(RAVI), JobCommand.ChangeStatus.arrived(job));
        run(tech(RAVI), JobCommand.ChangeStatus.workStarted(job));
        run(tech(RAVI), JobCommand.AddProof.photo(job, "before", "b.jpg", "a".repeat(64)));
        return run(tech(RAVI), JobCommand.AddProof.photo(job, "after", "a.jpg", "b".repeat(64)));
    }

    /** {@link #atWork}, the customer's signature, COMPLETED. */
    JobState completed(JobId job) {
        atWork(job);
        run(tech(RAVI), JobCommand.AddProof.signature(job, "sig.png", "c".repeat(64)));
        return run(tech(RAVI), JobCommand.ChangeStatus.completed(job));
    }

    void pass(Duration duration) {
        now = now.plus(duration);
    }

    void at(LocalTime time) {
        now = DAY.atTime(time).atZone(ZONE).toInstant();
    }

    /** The messages handed to the sender with {@code template}. */
    List<OutboundMessage> sent(Template template) {
        return sender.sent().stream().filter(m -> m.template().equals(template.id())).toList();
    }

    /** The one message handed to the sender with {@code template}. */
    OutboundMessage one(Template template) {
        List<OutboundMessage> found = sent(template);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + template.id() + " message, was " + found);
        }
        return found.get(0);
    }

    List<JobEvent> history(JobId job) {
        return jobs.history(owner, job);
    }

    /** Records every message and fails the next sends as scripted ({@link #failNext}). Thread-safe. */
    static final class Sender implements MessageSender {
        private final List<OutboundMessage> sent = new ArrayList<>();
        private final Deque<ProviderException> failures = new ArrayDeque<>();
        private int ids;
        private int noIds;

        @Override
        public synchronized String send(OutboundMessage message) {
            ProviderException failure = failures.poll();
            if (failure != null) {
                throw failure;
            }
            sent.add(message);
            ++ids;
            if (noIds > 0) {
                noIds--;
                return null;
            }
            return "wamid." + ids;
        }

        synchronized void failNext(ProviderException... next) {
            failures.addAll(List.of(next));
        }

        /** The next {@code count} messages are taken but answered with no provider id (a port breaking its contract). */
        synchronized void noIdNext(int count) {
            noIds += count;
        }

        synchronized List<OutboundMessage> sent() {
            return List.copyOf(sent);
        }
    }
}
