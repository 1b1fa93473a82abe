package io.github.geodispatch.messaging.internal;

import io.github.geodispatch.contract.ContractPortfolio;
import io.github.geodispatch.contract.Reminder;
import io.github.geodispatch.contract.ReminderSender;
import io.github.geodispatch.customer.CustomerState;
import io.github.geodispatch.job.CommandResult;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.job.JobEventListener;
import io.github.geodispatch.job.JobState;
import io.github.geodispatch.job.OtpCodes;
import io.github.geodispatch.job.Rejection;
import io.github.geodispatch.messaging.Contact;
import io.github.geodispatch.messaging.LiveEta;
import io.github.geodispatch.messaging.Messaging;
import io.github.geodispatch.messaging.OtpResult;
import io.github.geodispatch.messaging.Template;
import io.github.geodispatch.messaging.TechnicianWhereabouts;
import io.github.geodispatch.payment.UpiIntent;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.ContractTerms;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.DeliveryReport;
import io.github.geodispatch.spi.DeliveryStatus;
import io.github.geodispatch.spi.Equipment;
import io.github.geodispatch.spi.EquipmentId;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.MessageChannel;
import io.github.geodispatch.spi.MessageRecipient;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.OutboundMessage;
import io.github.geodispatch.spi.PaymentCallback;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.PaymentRequest;
import io.github.geodispatch.spi.PaymentRequestReceipt;
import io.github.geodispatch.spi.ProviderException;
import io.github.geodispatch.spi.Role;
import io.github.geodispatch.spi.StatementCredit;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.StoredMessage;
import io.github.geodispatch.spi.TechnicianId;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine behind {@link Messaging}: a listener of the job record that drafts each event's messages
 * ({@link EventMessages}), writes them in each recipient's language ({@link TemplateCatalog}) and hands them to the
 * {@link Courier} under a key derived from the event id, the template and the recipient; it also asks for the payment
 * on completion, issues and checks one-time codes, records feedback and payment callbacks, and keeps trips' ETAs
 * ({@link EtaTracker}). Thread-safe: the job states it keeps to know each event's before and after are guarded by their
 * own lock; everything else lives in the job record and the message store.
 */
public final class EngineMessaging implements Messaging, JobEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(EngineMessaging.class);
    private static final int CACHED_STATES = 10_000;
    /** What a stored approval-code message shows in place of the code: the code itself is never stored. */
    static final String HIDDEN_CODE = "******";
    /** The statement source of the credits paid payment requests give the reconciliation. */
    public static final String STK_SOURCE = "MPESA-STK";

    private final MessagingSetup setup;
    private final Actor system;
    private final TemplateCatalog catalog;
    private final Courier courier;
    private final EtaTracker tracker;
    private final FeedbackLinks links;
    private final EventMessages.Facts facts;
    private final Map<JobId, JobState> states = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<JobId, JobState> eldest) {
            return size() > CACHED_STATES;
        }
    };

    public EngineMessaging(MessagingSetup setup) {
        this.setup = setup;
        this.system = Actor.system(setup.tenant());
        this.catalog = new TemplateCatalog(setup.zone());
        this.courier = new Courier(setup);
        this.tracker = new EtaTracker(setup.travelTimes(), setup.policy().etaRecompute(), setup.policy().etaThreshold(),
                this::etaMoved);
        this.links = new FeedbackLinks(setup.policy().feedbackBase(), setup.policy().linkSecret(), setup.tenant());
        this.facts = new EventMessages.Facts() {
            @Override
            public String technicianName(TechnicianId technician) {
                return contact(MessageRecipient.technician(technician)).map(Contact::name).orElse(technician.value());
            }

            @Override
            public boolean preventiveVisit(JobState job) {
                return EngineMessaging.this.preventiveVisit(job);
            }

            @Override
            public Object expectedArrival(JobState job) {
                return tracker.expectedArrival(job.technician(), job.id()).<Object>map(t -> t).orElse(Phrase.SHORTLY);
            }
        };
    }

    @Override
    public void onEvents(List<StoredEvent> events) {
        for (StoredEvent stored : events) {
            JobEvent event = stored.event();
            if (!event.header().tenant().equals(setup.tenant())) {
                continue;
            }
            JobState[] around = around(event);
            if (around != null) {
                react(around[0], event, around[1]);
            }
        }
    }

    /** The job before and after {@code event}: from the states kept, else by folding its history up to the event. */
    private JobState[] around(JobEvent event) {
        JobId job = event.header().job();
        long version = event.header().version();
        if (event instanceof JobEvent.JobCreated created) {
            JobState after = JobState.of(created);
            keep(after);
            return new JobState[] {null, after};
        }
        JobState cached;
        synchronized (states) {
            cached = states.get(job);
        }
        if (cached != null && cached.version() == version - 1) {
            JobState after = cached.apply(event);
            keep(after);
            return new JobState[] {cached, after};
        }
        List<JobEvent> history = setup.jobs().history(system, job);
        if (history.size() < version) {
            LOG.warn("job {} has no event at version {}; its messages are not sent", job, version);
            return null;
        }
        JobState before = JobState.fold(history.subList(0, (int) version - 1));
        JobState after = before.apply(history.get((int) version - 1));
        keep(after);
        return new JobState[] {before, after};
    }

    private void keep(JobState state) {
        synchronized (states) {
            JobState known = states.get(state.id());
            if (known == null || known.version() < state.version()) {
                states.put(state.id(), state);
            }
        }
    }

    private void react(JobState before, JobEvent event, JobState after) {
        Instant now = setup.clock().instant();
        if (before != null && before.technician() != null && (event instanceof JobEvent.JobAssigned
                || event instanceof JobEvent.JobUnassigned || event instanceof JobEvent.StatusChanged s
                && s.status() != JobStatus.EN_ROUTE && s.status() != JobStatus.DELAYED)) {
            tracker.end(before.technician(), after.id());
        }
        if (event instanceof JobEvent.StatusChanged s && s.status() == JobStatus.EN_ROUTE && before.enRouteAt() == null) {
            tracker.start(new EtaTracker.Trip(after.technician(), after.id(), event.header().eventId().toString(),
                    after.site().location()), now);
        }
        for (Draft draft : EventMessages.draft(before, event, after, facts)) {
            send(draft, event.header().eventId().toString(), after.id(), now);
        }
        boolean completed = event instanceof JobEvent.StatusChanged s && s.status() == JobStatus.COMPLETED;
        boolean invoiced = event instanceof JobEvent.InvoiceHandedOff;
        if (setup.paymentMessageAfterInvoice() ? invoiced || completed && nothingDue(after) : completed) {
            complete(after, event.header().eventId().toString(), now);
        }
    }

    /**
     * Whether the completed job owes nothing (the contract covers it all): billing invoices nothing then, so with
     * billing on its completion message goes on completion instead of waiting for an invoice that never comes.
     */
    private boolean nothingDue(JobState job) {
        return !AmountDue.of(setup.jobs().history(system, job.id()), setup.zone()).isPositive();
    }

    /** The completion message, after asking for the payment the way the job's currency and the setup allow. */
    private void complete(JobState job, String eventKey, Instant now) {
        Money due = AmountDue.of(setup.jobs().history(system, job.id()), setup.zone());
        MessageRecipient customer = MessageRecipient.customer(job.customer());
        Object howToPay = due.isPositive() ? requestPayment(job, due) : Phrase.NOTHING_TO_PAY;
        send(Draft.of(Template.JOB_COMPLETED, customer, job.id().value(), due, howToPay, links.link(job.id())), eventKey,
                job.id(), now);
    }

    /**
     * A UPI link for INR jobs when a payee is set, an M-Pesa prompt for KES jobs when a payment-request port is set and
     * the customer has a phone; each recorded on the job once (a replayed completion reuses the recorded request).
     * Otherwise, or when the prompt fails, the customer is asked to pay the technician.
     */
    private Object requestPayment(JobState job, Money due) {
        if (due.currency() == Currency.INR && setup.policy().upiPayee() != null && job.id().value().matches("[A-Za-z0-9._/-]{1,35}")) {
            String link = UpiIntent.builder().payee(setup.policy().upiPayee(), setup.policy().upiPayeeName()).amount(due)
                    .reference(job.id().value()).note("Job " + job.id().value()).build().uri();
            record(new JobCommand.RecordPaymentRequest(job.id(), PaymentMode.UPI, due, job.id().value(), null, link));
            return link;
        }
        Optional<Contact> contact = contact(MessageRecipient.customer(job.customer()));
        boolean phone = contact.map(c -> c.channel() == MessageChannel.WHATSAPP || c.channel() == MessageChannel.SMS)
                .orElse(false);
        if (due.currency() != Currency.KES || setup.paymentRequests() == null || !phone) {
            return Phrase.PAY_TECHNICIAN;
        }
        // the job as recorded now, not as of the completion: a replayed completion finds the request it made
        JobState current = setup.jobs().job(system, job.id()).orElse(job);
        Instant completedAt = current.completedAt();
        boolean requested = current.contact().paymentRequests().stream().anyMatch(r -> r.mode() == PaymentMode.MPESA
                && completedAt != null && !r.header().occurredAt().isBefore(completedAt));
        if (requested) {
            return Phrase.PAY_MPESA;
        }
        // M-Pesa takes whole shillings: a fractional amount is asked for rounded up
        Money asked = Money.ofMinor(Math.floorDiv(due.minor() + 99, 100) * 100, Currency.KES);
        String payer = contact.get().address();
        try {
            PaymentRequestReceipt receipt = setup.paymentRequests().request(new PaymentRequest(setup.tenant(), job.id(),
                    asked, payer, job.id().value(), "Job " + job.id().value()));
            record(new JobCommand.RecordPaymentRequest(job.id(), PaymentMode.MPESA, asked, receipt.requestReference(), payer,
                    null));
            return Phrase.PAY_MPESA;
        } catch (ProviderException | IllegalArgumentException e) {
            LOG.warn("M-Pesa prompt for job {} failed; the customer is asked to pay the technician: {}", job.id(),
                    e.getMessage());
            return Phrase.PAY_TECHNICIAN;
        }
    }

    /** Writes {@code draft} for its recipient and hands it to the courier under its key; false when already sent. */
    private boolean send(Draft draft, String eventKey, JobId job, Instant now) {
        OutboundMessage message = message(draft, eventKey + "/" + draft.template().id() + "/" + draft.recipient().text(),
                job, now, lifeOf(draft, now));
        return courier.deliver(message, message, false);
    }

    /** Until when a message is worth sending: its lifetime from now, shorter for what is about the moment. */
    private Instant lifeOf(Draft draft, Instant now) {
        Duration life = draft.template().anytime() ? setup.policy().urgentLifetime() : setup.policy().lifetime();
        return now.plus(life);
    }

    /** {@code draft} written for its recipient: their channel, address and language. */
    private OutboundMessage message(Draft draft, String key, JobId job, Instant now, Instant expiresAt) {
        Optional<Contact> contact = contact(draft.recipient());
        String language = contact.map(Contact::language).orElse("en");
        List<String> parameters = catalog.parameters(draft.values(), language);
        MessageChannel channel = contact.map(Contact::channel).orElse(
                draft.recipient().kind() == MessageRecipient.Kind.CUSTOMER ? setup.policy().customerChannel() : MessageChannel.APP);
        return new OutboundMessage(key, setup.tenant(), job, draft.recipient(), channel,
                contact.map(Contact::address).orElse(null), draft.template().id(), language, parameters,
                catalog.render(draft.template(), language, parameters), now, expiresAt);
    }

    private Optional<Contact> contact(MessageRecipient recipient) {
        try {
            return recipient.kind() == MessageRecipient.Kind.CUSTOMER
                    ? setup.contacts().customer(CustomerId.of(recipient.id()))
                    : setup.contacts().technician(TechnicianId.of(recipient.id()));
        } catch (RuntimeException e) {
            LOG.warn("contact of {} could not be read", recipient.text(), e);
            return Optional.empty();
        }
    }

    private boolean preventiveVisit(JobState job) {
        ContractPortfolio contracts = setup.contracts();
        if (contracts == null || job.coverage() == null) {
            return false;
        }
        try {
            return contracts.visits(ContractId.of(job.coverage().reference())).stream().anyMatch(v -> v.job().equals(job.id()));
        } catch (IllegalArgumentException notAContract) {
            return false;
        }
    }

    /** The tracker's announcer: an ETA update, sent by the next {@link #sendDue()} (never from the ping path itself). */
    private void etaMoved(EtaTracker.Trip trip, Instant eta) {
        JobState job;
        synchronized (states) {
            job = states.get(trip.job());
        }
        if (job == null) {
            return;
        }
        Draft draft = Draft.of(Template.ETA_UPDATE, MessageRecipient.customer(job.customer()), job.id().value(),
                facts.technicianName(trip.technician()), eta);
        Instant now = setup.clock().instant();
        courier.enqueue(message(draft, trip.key() + "/" + Template.ETA_UPDATE.id() + "/" + tracker.bucket(eta), job.id(), now,
                lifeOf(draft, now)));
    }

    private void record(JobCommand command) {
        CommandResult result = setup.jobs().execute(system, command);
        if (result instanceof CommandResult.Rejected r) {
            LOG.warn("{} not recorded on job {}: {}", command.getClass().getSimpleName(), command.job(), r.rejection().message());
        }
    }

    /** {@link #record}, for a command built from a provider's data, which may not form a valid command. */
    private void recordFromProvider(JobId job, java.util.function.Supplier<JobCommand> command) {
        try {
            record(command.get());
        } catch (IllegalArgumentException e) {
            LOG.warn("not recorded on job {}: {}", job, e.getMessage());
        }
    }

    @Override
    public int sendDue() {
        return courier.sendDue();
    }

    @Override
    public boolean report(DeliveryReport report) {
        return courier.report(report);
    }

    @Override
    public OtpResult requestOtp(Actor actor, JobId job) {
        Optional<JobState> visible = setup.jobs().job(actor, job);
        if (visible.isEmpty() || actor.role() == Role.ACCOUNTANT) {
            return refused("no job " + job + " that " + actor.role() + " " + actor.id() + " may ask a code for");
        }
        JobState state = visible.get();
        MessageRecipient customer = MessageRecipient.customer(state.customer());
        if (contact(customer).isEmpty()) {
            return refused("customer " + state.customer() + " of job " + job + " has no phone or e-mail to send a code to");
        }
        String code = String.format("%06d", setup.codes().nextInt(1_000_000));
        byte[] saltBytes = new byte[16];
        setup.codes().nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        Instant now = setup.clock().instant();
        Instant expires = now.plus(setup.policy().otpValidity());
        CommandResult issued = setup.jobs().execute(system, new JobCommand.IssueOtp(job, salt,
                OtpCodes.hash(salt, code), expires, setup.policy().otpAttempts()));
        if (issued instanceof CommandResult.Rejected r) {
            return r.rejection().reason() == Rejection.Reason.OTP_CODES_EXHAUSTED
                    ? new OtpResult(OtpResult.Outcome.NO_CODES_LEFT, 0, null, r.rejection().message())
                    : refused(r.rejection().message());
        }
        UUID otp = ((CommandResult.Accepted) issued).events().get(0).event().header().eventId();
        String minutes = Long.toString(setup.policy().otpValidity().toMinutes());
        String key = otp + "/" + Template.APPROVAL_CODE.id() + "/" + customer.text();
        // the store keeps the message with the code hidden; only the provider is given the code
        courier.deliver(message(Draft.of(Template.APPROVAL_CODE, customer, HIDDEN_CODE, job.value(), minutes), key, job, now,
                        expires),
                message(Draft.of(Template.APPROVAL_CODE, customer, code, job.value(), minutes), key, job, now, expires), true);
        Optional<StoredMessage> sent = courier.find(key);
        if (sent.isPresent() && sent.get().status() == DeliveryStatus.FAILED) {
            return refused("the code could not be sent to the customer: " + sent.get().detail());
        }
        return new OtpResult(OtpResult.Outcome.ISSUED, setup.policy().otpAttempts(), expires,
                "a code was sent to the customer of job " + job + "; it is valid until " + expires);
    }

    private static OtpResult refused(String message) {
        return new OtpResult(OtpResult.Outcome.REFUSED, 0, null, message);
    }

    @Override
    public OtpResult verifyOtp(Actor actor, JobId job, String code) {
        JobCommand.VerifyOtp command;
        try {
            command = new JobCommand.VerifyOtp(job, code);
        } catch (IllegalArgumentException e) {
            return new OtpResult(OtpResult.Outcome.WRONG_CODE, attemptsLeft(actor, job), null, e.getMessage());
        }
        CommandResult result = setup.jobs().execute(actor, command);
        if (result instanceof CommandResult.Rejected r) {
            OtpResult.Outcome outcome = switch (r.rejection().reason()) {
                case OTP_NOT_ISSUED -> OtpResult.Outcome.NOT_ISSUED;
                case OTP_EXPIRED -> OtpResult.Outcome.EXPIRED;
                case OTP_ATTEMPTS_EXHAUSTED -> OtpResult.Outcome.NO_ATTEMPTS_LEFT;
                default -> OtpResult.Outcome.REFUSED;
            };
            return new OtpResult(outcome, 0, null, r.rejection().message());
        }
        CommandResult.Accepted accepted = (CommandResult.Accepted) result;
        JobState state = accepted.state();
        Instant expires = state.contact().otp().expiresAt();
        boolean wrong = accepted.events().stream().anyMatch(e -> e.event() instanceof JobEvent.OtpAttemptFailed);
        if (wrong) {
            return new OtpResult(OtpResult.Outcome.WRONG_CODE, state.contact().otpAttemptsLeft(), expires,
                    "wrong code for job " + job + "; " + state.contact().otpAttemptsLeft() + " attempts left");
        }
        return new OtpResult(OtpResult.Outcome.APPROVED, state.contact().otpAttemptsLeft(), expires,
                "the customer approved job " + job);
    }

    /** The attempts left as {@code actor} may see them: none on a job that is not theirs. */
    private int attemptsLeft(Actor actor, JobId job) {
        return setup.jobs().job(actor, job).map(s -> s.contact().otpAttemptsLeft()).orElse(0);
    }

    @Override
    public CommandResult paymentCallback(JobId job, PaymentCallback callback) {
        CommandResult result = setup.jobs().execute(system, new JobCommand.RecordPaymentCallback(job,
                callback.requestReference(), callback.paid(), callback.resultCode(), callback.resultDescription(),
                callback.receipt(), callback.amount()));
        if (result.isAccepted() && callback.paid()) {
            // a replay repeats these too: both are idempotent on the receipt, and a crash between them is repaired
            recordFromProvider(job, () -> new JobCommand.RecordPayment(job, PaymentMode.MPESA, callback.amount(),
                    callback.receipt(), null));
            setup.paymentCredits().accept(new StatementCredit(STK_SOURCE, callback.receipt(), callback.at(),
                    callback.amount(), job.value(), callback.payerPhone()));
        }
        return result;
    }

    @Override
    public String feedbackLink(JobId job) {
        return links.link(job);
    }

    @Override
    public CommandResult feedback(JobId job, String token, int rating, String comment) {
        if (!links.valid(job, token)) {
            return new CommandResult.Rejected(job, Rejection.of(Rejection.Reason.INVALID_INPUT,
                    "the feedback link's token is not job " + job + "'s"));
        }
        try {
            return setup.jobs().execute(system, new JobCommand.RecordFeedback(job, rating, comment));
        } catch (IllegalArgumentException e) {
            return new CommandResult.Rejected(job, Rejection.of(Rejection.Reason.INVALID_INPUT, e.getMessage()));
        }
    }

    @Override
    public Optional<TechnicianWhereabouts> whereIs(Actor actor, JobId job) {
        Optional<JobState> visible = setup.jobs().job(actor, job);
        if (visible.isEmpty() || visible.get().technician() == null) {
            return Optional.empty();
        }
        JobState state = visible.get();
        Optional<EtaTracker.Position> position = tracker.position(state.technician());
        Instant eta = state.status() == JobStatus.EN_ROUTE || state.status() == JobStatus.DELAYED
                ? tracker.expectedArrival(state.technician(), job).orElse(null) : null;
        return Optional.of(new TechnicianWhereabouts(job, state.technician(), state.status(),
                position.map(EtaTracker.Position::point).orElse(null), position.map(EtaTracker.Position::at).orElse(null),
                eta));
    }

    @Override
    public LiveEta eta() {
        return tracker;
    }

    @Override
    public ReminderSender reminders() {
        return this::remind;
    }

    /**
     * A contract reminder as a template message: its key (the contract desk's {@code renewal:CONTRACT:STAGE} or
     * {@code warranty:CUSTOMER:EQUIPMENT:STAGE}) names what it is about, read from the contracts.
     */
    private void remind(Reminder reminder) {
        ContractPortfolio contracts = setup.contracts();
        if (contracts == null) {
            throw new IllegalStateException("reminders need the contracts: Messaging.builder().contracts(portfolio)");
        }
        String[] key = reminder.key().split(":");
        boolean renewal = reminder.kind() == Reminder.Kind.RENEWAL;
        if (key.length < (renewal ? 2 : 3)) {
            throw new IllegalArgumentException("reminder " + reminder.key() + " is not keyed "
                    + (renewal ? "renewal:CONTRACT:STAGE" : "warranty:CUSTOMER:EQUIPMENT:STAGE"));
        }
        MessageRecipient customer = MessageRecipient.customer(reminder.customer());
        Draft draft;
        if (renewal) {
            ContractTerms terms = contracts.contract(ContractId.of(key[1])).orElseThrow(() ->
                    new IllegalArgumentException("reminder " + reminder.key() + " names no known contract")).terms();
            draft = Draft.of(Template.RENEWAL_DUE, customer, terms.id().value(), terms.end(), terms.price());
        } else {
            Equipment unit = contracts.customer(reminder.customer()).map(CustomerState::equipment)
                    .map(e -> e.get(EquipmentId.of(key[2]))).filter(e -> e.warrantyUntil() != null).orElseThrow(() ->
                            new IllegalArgumentException("reminder " + reminder.key() + " names no known equipment "
                                    + "under warranty"));
            String name = (unit.make() + " " + unit.model()).strip();
            draft = Draft.of(Template.WARRANTY_EXPIRING, customer, name.isEmpty() ? unit.type() : name, unit.warrantyUntil());
        }
        Instant now = setup.clock().instant();
        OutboundMessage message = message(draft, "reminder/" + reminder.key(), null, now, lifeOf(draft, now));
        courier.deliver(message, message, false);
    }

    @Override
    public Optional<StoredMessage> message(String key) {
        return courier.find(key);
    }
}
