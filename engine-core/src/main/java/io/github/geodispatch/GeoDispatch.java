package io.github.geodispatch;
import io.github.geodispatch.billing.IndiaGst;
import io.github.geodispatch.billing.Invoice;
import io.github.geodispatch.billing.Party;
import io.github.geodispatch.billing.PriceBasis;
import io.github.geodispatch.billing.SellerProfile;
import io.github.geodispatch.billing.TaxRegime;
import io.github.geodispatch.billing.TaxTable;
import io.github.geodispatch.contract.ContractPortfolio;
import io.github.geodispatch.contract.Reminder;
import io.github.geodispatch.contract.ReminderSender;
import io.github.geodispatch.customer.CustomerRecord;
import io.github.geodispatch.customer.CustomerResult;
import io.github.geodispatch.customer.ServiceHistory;
import io.github.geodispatch.dispatch.Dispatcher;
import io.github.geodispatch.dispatch.HaversineTravelTimes;
import io.github.geodispatch.dispatch.Schedule;
import io.github.geodispatch.dispatch.ScoringWeights;
import io.github.geodispatch.dispatch.TeamCalendar;
import io.github.geodispatch.dispatch.plan.DayPlanner;
import io.github.geodispatch.dispatch.plan.PlanTermination;
import io.github.geodispatch.geofence.DailyAttendance;
import io.github.geodispatch.geofence.FenceIndex;
import io.github.geodispatch.geofence.GeofenceListener;
import io.github.geodispatch.geofence.JobVisitFinding;
import io.github.geodispatch.geofence.Ping;
import io.github.geodispatch.geofence.PingOutcome;
import io.github.geodispatch.geofence.SuspectVisitPolicy;
import io.github.geodispatch.geofence.TechnicianFeed;
import io.github.geodispatch.geofence.VisitLog;
import io.github.geodispatch.insight.OwnerView;
import io.github.geodispatch.internal.GeoDispatchSettings;
import io.github.geodispatch.internal.MessagingWiring;
import io.github.geodispatch.internal.WiredGeoDispatch;
import io.github.geodispatch.job.ClosurePolicies;
import io.github.geodispatch.job.CommandResult;
import io.github.geodispatch.job.IdGenerator;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.job.JobRecord;
import io.github.geodispatch.job.RedeliveryPolicy;
import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.leakage.LeakagePolicy;
import io.github.geodispatch.memory.InMemoryAccountsHandoff;
import io.github.geodispatch.memory.InMemoryCustomerEventStore;
import io.github.geodispatch.memory.InMemoryInvoiceSequence;
import io.github.geodispatch.memory.InMemoryJobEventStore;
import io.github.geodispatch.memory.InMemoryMessageSender;
import io.github.geodispatch.memory.InMemoryMessageStore;
import io.github.geodispatch.messaging.Contact;
import io.github.geodispatch.messaging.ContactBook;
import io.github.geodispatch.messaging.Messaging;
import io.github.geodispatch.messaging.MessagingPolicy;
import io.github.geodispatch.memory.InMemoryStockEventStore;
import io.github.geodispatch.payment.CashDeposit;
import io.github.geodispatch.payment.CollectionsView;
import io.github.geodispatch.spi.AccountsHandoff;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.CustomerEventStore;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.EquipmentId;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.InvoiceSequence;
import io.github.geodispatch.spi.JobEventStore;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.MessageSender;
import io.github.geodispatch.spi.MessageStore;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.Notifier;
import io.github.geodispatch.spi.PaymentRequests;
import io.github.geodispatch.spi.StatementCredit;
import io.github.geodispatch.spi.StockEventStore;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.spi.TravelTimes;
import io.github.geodispatch.stock.StockLedger;
import io.github.geodispatch.stock.UsualParts;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The front door: one business's whole service loop over the host's ports, built by {@link #builder()}. Each
 * capability is reached by name, and the engines behind them are already wired to each other:
 * <ul>
 *   <li>{@link #jobs()}, the job record: every command and fact about a job, hash-chained;</li>
 *   <li>{@link #visits()}: technicians' pings become site visits; a created job's site becomes a fence, a visit
 *       at the site of an assigned job records its arrival (or verifies the technician's tap), and completions
 *       no visit backs are listed;</li>
 *   <li>{@link #dispatch()}, the live board: its assignments and removals are recorded on the job record;</li>
 *   <li>{@link #schedule()}, with a {@link Builder#calendar team calendar}: the board over a horizon of days
 *       (today's board is {@link #dispatch()}), its reschedules recorded on the job record with their slot;</li>
 *   <li>{@link #planner()}, the day planner, over the same travel times; with {@link Builder#usualParts usual
 *       parts} it prefers a technician whose van holds the job's parts;</li>
 *   <li>{@link #payments()}: every job event, site visit, statement credit and cash deposit reaches the
 *       payment reconciliation and the leakage rules;</li>
 *   <li>{@link #billing()}: a completed job's GST invoice is drafted from its record, handed to accounts and
 *       the hand-off recorded on the job;</li>
 *   <li>{@link #owner()}, the owner's view, fed every job event, stock event, deposit, attendance day and
 *       finding;</li>
 *   <li>{@link #customers()}, customers, sites, equipment and contracts, hash-chained like jobs, and
 *       {@link #contracts()}: a created job's coverage comes from the contract covering its site and type on its
 *       day (when the command carries none), contracts schedule their preventive visits as jobs, and the leakage
 *       rules and the owner's view read the contracts;</li>
 *   <li>{@link #messaging()} (when given a policy): each job event becomes its customer's and technicians' messages,
 *       in their languages, recorded on the job as they are delivered; pings feed the live ETA; reminders go as
 *       templates; a paid payment request reaches the reconciliation as a statement credit;</li>
 *   <li>{@link #stock()}, parts and van stock: a part the job record uses on a job is taken from the van of the
 *       job's technician, and every stock event reaches the leakage rules and the owner's view.</li>
 * </ul>
 *
 * <pre>{@code
 * GeoDispatch gd = GeoDispatch.builder()
 *         .business(TenantId.of("coolair-blr"), Currency.INR, ZoneId.of("Asia/Kolkata"))
 *         .eventStore(jdbcStore)                 // or the in-memory default
 *         .seller(sellerProfile)                 // turns billing on
 *         .build();
 * gd.jobs().execute(dispatcher, createJob).orThrow();
 * }</pre>
 *
 * <p>Thread-safe: every capability may be used from any thread.
 */
public interface GeoDispatch {

    /** A new builder; {@link Builder#business} is required, every other setting has a default. */
    static Builder builder() {
        return new Builder();
    }

    /** The business (tenant) this front door serves. */
    TenantId tenant();

    /** The job record: commands in, typed results out. */
    JobRecord jobs();

    /** Pings, site visits and attendance. */
    Visits visits();

    /** The live dispatch board (with a calendar: today's board of the {@link #schedule()}); its decisions are recorded on the job record. */
    Dispatcher dispatch();

    /**
     * The dispatch board over the calendar's days: free slots for a customer, bookings and reschedules across days.
     *
     * @throws IllegalStateException when the builder was given no {@link Builder#calendar calendar}
     */
    Schedule schedule();

    /**
     * The multi-technician day planner. With {@link Builder#usualParts usual parts} it prefers, as a soft rule, a
     * technician whose van holds the job type's usual parts: a point per part held in full, worth five minutes of
     * travel, as the van stock stands when a plan starts.
     */
    DayPlanner planner();

    /** Payment reconciliation, cash and leakage findings. */
    Payments payments();

    /**
     * GST invoicing of completed jobs.
     *
     * @throws IllegalStateException when the builder was given no {@link Builder#seller seller profile}
     */
    Billing billing();

    /** The owner's KPIs, updated as events happen (with the contract KPIs). */
    OwnerView owner();

    /** Customers, their sites and equipment, and their contracts. */
    CustomerRecord customers();

    /** Coverage, entitlements, preventive visits, renewals and reminders, and service history. */
    Contracts contracts();

    /**
     * Talking to customers and technicians: messages from job events, one-time codes, payment requests, feedback,
     * live ETAs.
     *
     * @throws IllegalStateException when the builder was given no {@link Builder#messaging messaging policy}
     */
    Messaging messaging();

    /**
     * Parts and van stock. Each part the job record records on a job ({@code UsePart}) is taken from the van of the
     * job's assigned technician (off-book when the van's book holds too few); a technician with no van, or a SKU
     * not in the catalogue, is not tracked.
     */
    StockLedger stock();

    /** The contracts of the business at work. Thread-safe. */
    interface Contracts {
        /** The contracts and the jobs done under them: coverage, entitlements, visits, renewals, warranty, KPIs. */
        ContractPortfolio portfolio();

        /** The service history by customer, site and equipment. */
        ServiceHistory history();

        /**
         * Creates, as {@code actor}, the job of every preventive visit of an active contract due on or before
         * {@code through} that has no job yet (each visit's job id is fixed, so a visit is never scheduled twice,
         * across restarts too) and is not already counted done. A visit whose window has passed (after a gap) is
         * caught up with a window from today; one of a contract that has ended is left to the leakage rules.
         * Each job's window spans the visit's days, and its coverage comes from the contract.
         *
         * @return the jobs created now, in due order
         */
        List<JobId> scheduleVisits(Actor actor, LocalDate through);

        /**
         * Creates a job for one unit of the customer's equipment, as {@code actor}: the job gets the coverage of the
         * contract covering its site and type on its day (its window's first day, else today), else the unit's
         * warranty when the unit is under warranty that day (kind WARRANTY, reference the equipment id), else none;
         * and the unit's service history lists it. A command carrying another coverage is rejected
         * ({@code COVERAGE_DISAGREES}), as through {@link #jobs()}.
         */
        CommandResult createJob(Actor actor, JobCommand.CreateJob command, EquipmentId equipment);

        /**
         * Renews {@code contract} as {@code renewal}: the same customer, sites, equipment and plan, for a term of the
         * same length starting the day after it ends, at {@code price}; drafted and activated as {@code actor}. A
         * renewal the terms cannot carry (one past the year 9999, a negative price, {@code renewal} equal to
         * {@code contract}) is {@link CustomerResult.Rejected rejected} with
         * {@link io.github.geodispatch.customer.CustomerRejection.Reason#INVALID_INPUT INVALID_INPUT}, as any draft.
         *
         * @throws IllegalArgumentException when no contract has the id {@code contract}
         */
        CustomerResult renew(Actor actor, ContractId contract, ContractId renewal, Money price);

        /**
         * Invoices every contract instalment due on or before {@code asOf} that is not invoiced yet
         * ({@link ContractPortfolio#instalmentsDue}): a GST invoice per instalment, dated {@code asOf} (an instalment
         * billed after its due day is not back-dated), from the
         * branch's series, one line at the instalment's amount before tax under the SAC of the plan's visit type, to
         * the buyer {@code buyers} gives for the customer; each is handed to the accounts port, listed by
         * {@link Billing#invoices()} and recorded on the customer ({@code ContractInvoiced}), so a second call, or one
         * after a restart over the same stores, invoices nothing again.
         *
         * @return the invoices issued now, by due day
         * @throws IllegalStateException when billing is off (no seller)
         */
        List<Invoice> billDue(LocalDate asOf, Function<CustomerId, Party> buyers);

        /** Sends the renewal and warranty reminders due on {@code asOf} that were not sent before; returns those sent. */
        List<Reminder> sendReminders(LocalDate asOf);
    }

    /** Technicians' pings turned into site visits and attendance. Thread-safe. */
    interface Visits {
        /**
         * The fences pings are matched against. Each created job's site is added as a SITE fence; the host adds
         * its branches (BRANCH, for check-in) and service areas (SERVICE_AREA, read by the dispatch board).
         */
        FenceIndex fences();

        /** Ingests one ping. Duplicates and rejected pings change nothing. */
        PingOutcome accept(Ping ping);

        /** One technician's ping feed, for a host that keeps a handle per device connection. */
        TechnicianFeed feed(TechnicianId technician);

        /** Replays held pings and closes open stays (at the end of input, or of the day). */
        void flush();

        /**
         * Lets go of the technicians with no ping since {@code before} ({@link VisitTracker#forgetIdle}): their
         * open stays close and what was kept to read their next ping is dropped; their visits stay in the log for
         * the visit retention before {@code before}.
         * A host that runs for months calls it now and then (say daily, with a time a day or more back), so that
         * technicians who left do not stay in memory.
         *
         * @return how many technicians were let go
         */
        int forgetIdle(Instant before);

        /** The completed visits kept for the visit retention. */
        VisitLog log();

        /**
         * Each technician's attendance on {@code day} (in the business's zone) from the visit log. Every technician
         * on the dispatch board whose shift starts that day also gets the day counted in the owner's view against
         * the shift, visits or none (a technician never seen did not check in). A call reads the visit log once,
         * whatever the day.
         *
         * @throws IllegalArgumentException when {@code day} is outside years 0001-9999 (a visit or shift within a day
         *         of the range's ends may fall, in the business's zone, on a day of the year 0000 or 10000: no call
         *         reaches it)
         */
        List<DailyAttendance> attendance(LocalDate day);

        /** Arrivals the visits recorded or verified since the last call (each reported once). */
        List<JobVisitFinding> takeArrivals();

        /** COMPLETED jobs with no visit of their technician at their site, judged as of {@code asOf}. */
        List<JobVisitFinding.CompletedWithoutVisit> completedWithoutVisit(Instant asOf);
    }

    /** Payment reconciliation, technicians' cash and the leakage rules. Thread-safe. */
    interface Payments {
        /** A bank or M-Pesa statement credit (UPI settlement row, C2B confirmation). Replays change nothing. */
        void credit(StatementCredit credit);

        /** A technician's cash deposit at the branch. Replays change nothing. */
        void deposit(CashDeposit deposit);

        /** Pending collections and cash in hand as of {@code asOf}. */
        CollectionsView collections(Instant asOf);

        /** The leakage findings as of {@code asOf}; each is also counted in the owner's view (once). */
        List<Finding> audit(Instant asOf);
    }

    /** GST invoices of completed jobs, handed to accounts. Thread-safe. */
    interface Billing {
        /**
         * Drafts the job's invoice from its record (labour, billable parts and expenses, tax by the regime),
         * hands it to the accounts port and records the hand-off on the job. Empty when nothing on the job is
         * chargeable, or when the job was already handed off (then nothing is drafted or delivered again).
         *
         * @throws io.github.geodispatch.billing.BillingException when the job is unknown or not COMPLETED or CLOSED
         */
        Optional<Invoice> invoice(JobId job, Party buyer);

        /** The invoices this front door drafted, in order. */
        List<Invoice> invoices();
    }

    /**
     * Configures a {@link GeoDispatch}. Each setter fails at once on null or a second call, naming the setting.
     * Not thread-safe; build once and share the result.
     */
    final class Builder {
        private TenantId tenant;
        private Currency currency;
        private ZoneId zone;
        private JobEventStore eventStore;
        private TravelTimes travelTimes;
        private Notifier notifier;
        private AccountsHandoff accountsHandoff;
        private InvoiceSequence invoiceSequence;
        private InstantSource clock;
        private IdGenerator idGenerator;
        private ClosurePolicies closurePolicies;
        private LeakagePolicy leakagePolicy;
        private ScoringWeights scoringWeights;
        private PlanTermination planTermination;
        private Long planSeed;
        private Duration arrivalGrace;
        private SellerProfile seller;
        private TaxRegime taxRegime;
        private PriceBasis priceBasis;
        private CustomerEventStore customerStore;
        private ReminderSender reminders;
        private MessagingPolicy messaging;
        private MessageSender messageSender;
        private MessageStore messageStore;
        private PaymentRequests paymentRequests;
        private Function<TechnicianId, Optional<Contact>> technicianContacts;
        private TeamCalendar calendar;
        private Integer horizonDays;
        private SuspectVisitPolicy suspectVisits;
        private RedeliveryPolicy redelivery;
        private Duration offlineReorderWindow;
        private StockEventStore stockStore;
        private UsualParts usualParts;
        private final List<GeofenceListener> geofenceListeners = new ArrayList<>();

        private Builder() {}

        /** Required: the business (tenant) served, its currency and its time zone (for days, KPIs and invoices). */
        public Builder business(TenantId tenant, Currency currency, ZoneId zone) {
            this.tenant = once(this.tenant, tenant, "business tenant");
            this.currency = Objects.requireNonNull(currency, "business currency");
            this.zone = Objects.requireNonNull(zone, "business zone");
            return this;
        }

        /** Where job streams live; in memory when not set. */
        public Builder eventStore(JobEventStore store) {
            eventStore = once(eventStore, store, "event store");
            return this;
        }

        /** Travel times for dispatch and planning; great-circle distance at city speeds when not set. */
        public Builder travelTimes(TravelTimes travel) {
            travelTimes = once(travelTimes, travel, "travel times");
            return this;
        }

        /** Who tells technicians about assignments, cancellations and reschedules; nobody when not set. */
        public Builder notifier(Notifier value) {
            notifier = once(notifier, value, "notifier");
            return this;
        }

        /** Where invoices go; kept in memory ({@link InMemoryAccountsHandoff}) when not set. */
        public Builder accountsHandoff(AccountsHandoff accounts) {
            accountsHandoff = once(accountsHandoff, accounts, "accounts handoff");
            return this;
        }

        /** Invoice numbers per series; in memory when not set (use a persistent one in production). */
        public Builder invoiceSequence(InvoiceSequence sequence) {
            invoiceSequence = once(invoiceSequence, sequence, "invoice sequence");
            return this;
        }

        /** The clock of events, pings' skew check and the board; the system clock when not set. */
        public Builder clock(InstantSource value) {
            clock = once(clock, value, "clock");
            return this;
        }

        /** Event and job ids; random when not set (a sequential generator makes a seeded run repeatable). */
        public Builder idGenerator(IdGenerator ids) {
            idGenerator = once(idGenerator, ids, "id generator");
            return this;
        }

        /** The proof each job type needs before COMPLETED and CLOSED; {@link ClosurePolicies#defaults()} when not set. */
        public Builder closurePolicies(ClosurePolicies policies) {
            closurePolicies = once(closurePolicies, policies, "closure policies");
            return this;
        }

        /** Graces and thresholds of the leakage rules; {@link LeakagePolicy#defaults()} in the business zone when not set. */
        public Builder leakagePolicy(LeakagePolicy policy) {
            leakagePolicy = once(leakagePolicy, policy, "leakage policy");
            return this;
        }

        /** How the live board weighs travel, slack, SLA, workload; {@link ScoringWeights#defaults()} when not set. */
        public Builder scoringWeights(ScoringWeights weights) {
            scoringWeights = once(scoringWeights, weights, "scoring weights");
            return this;
        }

        /**
         * When the day planner stops; {@link PlanTermination#DEFAULT} (a step count per movable visit, so a seeded
         * plan is the same on any machine) when not set.
         */
        public Builder planTermination(PlanTermination termination) {
            planTermination = once(planTermination, termination, "plan termination");
            return this;
        }

        /** The day planner's random seed; 0 when not set. */
        public Builder planSeed(long seed) {
            planSeed = once(planSeed, seed, "plan seed");
            return this;
        }

        /**
         * How long after a completion a site visit may still be confirmed before the job counts as completed
         * without a visit (at least the tracker's dwell plus reorder window); 10 minutes when not set.
         */
        public Builder arrivalGrace(Duration grace) {
            Objects.requireNonNull(grace, "arrival grace");
            if (grace.isNegative()) {
                throw new IllegalArgumentException("arrival grace must not be negative, was " + grace);
            }
            arrivalGrace = once(arrivalGrace, grace, "arrival grace");
            return this;
        }

        /**
         * The selling business on invoices, with its series per branch, and whether its job prices (quotes, parts,
         * expenses) include the tax: turns {@link GeoDispatch#billing()} on.
         */
        public Builder seller(SellerProfile profile, PriceBasis basis) {
            seller = once(seller, profile, "seller");
            priceBasis = Objects.requireNonNull(basis, "price basis");
            return this;
        }

        /** Tax on invoices; India GST with the default HSN/SAC rates when not set. */
        public Builder taxRegime(TaxRegime regime) {
            taxRegime = once(taxRegime, regime, "tax regime");
            return this;
        }

        /** Where customer streams (profiles, sites, equipment, contracts) live; in memory when not set. */
        public Builder customerStore(CustomerEventStore store) {
            customerStore = once(customerStore, store, "customer store");
            return this;
        }

        /**
         * Turns {@link GeoDispatch#messaging()} on: job events become customer and technician messages (technicians'
         * notices then go through messaging, in their language, instead of the job record's notifier), reminders go
         * as templates, and pings feed the live ETA.
         */
        public Builder messaging(MessagingPolicy policy) {
            messaging = once(messaging, policy, "messaging policy");
            return this;
        }

        /** Who hands WhatsApp, SMS and e-mail messages to a provider; kept in memory when not set. */
        public Builder messageSender(MessageSender sender) {
            messageSender = once(messageSender, sender, "message sender");
            return this;
        }

        /** Where messages and their idempotency keys are kept; in memory when not set (use a persistent one in production). */
        public Builder messageStore(MessageStore store) {
            messageStore = once(messageStore, store, "message store");
            return this;
        }

        /** Who pushes M-Pesa payment prompts for KES jobs; none when not set. */
        public Builder paymentRequests(PaymentRequests requests) {
            paymentRequests = once(paymentRequests, requests, "payment requests");
            return this;
        }

        /** How technicians are reached and named; in the app, by id, in English when not set. */
        public Builder technicianContacts(Function<TechnicianId, Optional<Contact>> contacts) {
            technicianContacts = once(technicianContacts, contacts, "technician contacts");
            return this;
        }

        /** Who delivers renewal and warranty reminders to customers; messaging when on, else the notifier, when not set. */
        public Builder reminders(ReminderSender sender) {
            reminders = once(reminders, sender, "reminder sender");
            return this;
        }

        /**
         * When each technician works, which turns {@link GeoDispatch#schedule()} on: the board over {@code days} days
         * (1-62, a week is 7) from the clock's date. The calendar's zone must be the business's.
         */
        public Builder calendar(TeamCalendar teamCalendar, int days) {
            if (days < 1 || days > 62) {
                throw new IllegalArgumentException("the calendar's horizon must be 1-62 days, was " + days);
            }
            calendar = once(calendar, teamCalendar, "calendar");
            horizonDays = days;
            return this;
        }

        /**
         * What a visit built from suspect pings (mock location, impossible speed, repeated coordinates) counts for:
         * flagged ({@link SuspectVisitPolicy#FLAG}, the default) or refused as evidence of an arrival, in attendance
         * and in the leakage rules.
         */
        public Builder suspectVisits(SuspectVisitPolicy policy) {
            suspectVisits = once(suspectVisits, policy, "suspect visit policy");
            return this;
        }

        /** How a job-record listener that throws gets its batch again, or is parked; {@link RedeliveryPolicy#defaults()} when not set. */
        public Builder redelivery(RedeliveryPolicy policy) {
            redelivery = once(redelivery, policy, "redelivery policy");
            return this;
        }

        /**
         * How long commands queued on an offline phone are held to be applied in device-time order
         * ({@link JobRecord#offline()}); 30 s when not set, 0-10 min.
         */
        public Builder offlineReorderWindow(Duration window) {
            Objects.requireNonNull(window, "offline reorder window");
            if (window.isNegative() || window.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("offline reorder window must be 0-10 min, was " + window);
            }
            offlineReorderWindow = once(offlineReorderWindow, window, "offline reorder window");
            return this;
        }

        /** Where the stock streams live; in memory when not set. */
        public Builder stockStore(StockEventStore store) {
            stockStore = once(stockStore, store, "stock store");
            return this;
        }

        /**
         * The parts each job type usually needs, for van restock lists and the planner's preference for a van that
         * holds them; none when not set.
         */
        public Builder usualParts(UsualParts parts) {
            usualParts = once(usualParts, parts, "usual parts");
            return this;
        }

        /** Also tells {@code listener} of every visit started and ended and every rejected ping. */
        public Builder geofenceListener(GeofenceListener listener) {
            geofenceListeners.add(Objects.requireNonNull(listener, "geofence listener"));
            return this;
        }

        public GeoDispatch build() {
            if (tenant == null) {
                throw new IllegalStateException("GeoDispatch needs the business: call business(tenant, currency, zone)");
            }
            if (calendar != null && !calendar.zone().equals(zone)) {
                throw new IllegalStateException("the calendar's zone " + calendar.zone() + " is not the business's " + zone);
            }
            return new WiredGeoDispatch(new GeoDispatchSettings(tenant, currency, zone,
                    eventStore != null ? eventStore : new InMemoryJobEventStore(),
                    travelTimes != null ? travelTimes : HaversineTravelTimes.defaults(),
                    notifier != null ? notifier : Notifier.none(),
                    accountsHandoff != null ? accountsHandoff : new InMemoryAccountsHandoff(),
                    invoiceSequence != null ? invoiceSequence : new InMemoryInvoiceSequence(),
                    clock != null ? clock : InstantSource.system(),
                    idGenerator != null ? idGenerator : IdGenerator.random(),
                    closurePolicies != null ? closurePolicies : ClosurePolicies.defaults(),
                    leakagePolicy != null ? leakagePolicy : LeakagePolicy.defaults().withZone(zone),
                    scoringWeights != null ? scoringWeights : ScoringWeights.defaults(),
                    planTermination != null ? planTermination : PlanTermination.DEFAULT,
                    planSeed != null ? planSeed : 0L,
                    arrivalGrace != null ? arrivalGrace : Duration.ofMinutes(10),
                    seller,
                    taxRegime != null ? taxRegime : new IndiaGst(TaxTable.indiaDefaults()),
                    priceBasis,
                    geofenceListeners,
                    customerStore != null ? customerStore : new InMemoryCustomerEventStore(),
                    reminders != null || messaging != null ? reminders
                            : ReminderSender.through(notifier != null ? notifier : Notifier.none()),
                    messaging == null ? null : new MessagingWiring(messaging,
                            messageSender != null ? messageSender : new InMemoryMessageSender(),
                            messageStore != null ? messageStore : new InMemoryMessageStore(), paymentRequests,
                            technicianContacts != null ? technicianContacts : ContactBook::inApp),
                    suspectVisits != null ? suspectVisits : SuspectVisitPolicy.FLAG,
                    redelivery != null ? redelivery : RedeliveryPolicy.defaults(),
                    offlineReorderWindow != null ? offlineReorderWindow : Duration.ofSeconds(30),
                    calendar,
                    horizonDays == null ? 0 : horizonDays,
                    stockStore != null ? stockStore : new InMemoryStockEventStore(),
                    usualParts != null ? usualParts : UsualParts.none()));
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
