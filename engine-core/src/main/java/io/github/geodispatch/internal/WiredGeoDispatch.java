package io.github.geodispatch.internal;
import io.github.geodispatch.GeoDispatch;
import io.github.geodispatch.billing.BillableJob;
import io.github.geodispatch.billing.BillingException;
import io.github.geodispatch.billing.Invoice;
import io.github.geodispatch.billing.InvoiceDrafter;
import io.github.geodispatch.billing.InvoiceJson;
import io.github.geodispatch.billing.Party;
import io.github.geodispatch.billing.PriceBasis;
import io.github.geodispatch.billing.Supply;
import io.github.geodispatch.contract.ContractCharges;
import io.github.geodispatch.contract.ContractPortfolio;
import io.github.geodispatch.customer.ContractRecord;
import io.github.geodispatch.customer.CustomerRecord;
import io.github.geodispatch.customer.ServiceHistory;
import io.github.geodispatch.dispatch.Dispatcher;
import io.github.geodispatch.dispatch.Schedule;
import io.github.geodispatch.dispatch.ServiceAreaFences;
import io.github.geodispatch.dispatch.Technician;
import io.github.geodispatch.dispatch.plan.DayPlanner;
import io.github.geodispatch.geofence.DailyAttendance;
import io.github.geodispatch.geofence.FenceIndex;
import io.github.geodispatch.geofence.FenceKind;
import io.github.geodispatch.geofence.GeofenceEvent;
import io.github.geodispatch.geofence.JobVisitFinding;
import io.github.geodispatch.geofence.Ping;
import io.github.geodispatch.geofence.PingOutcome;
import io.github.geodispatch.geofence.SiteVisit;
import io.github.geodispatch.geofence.TechnicianFeed;
import io.github.geodispatch.geofence.VisitLog;
import io.github.geodispatch.geofence.VisitTracker;
import io.github.geodispatch.insight.AttendanceDay;
import io.github.geodispatch.insight.LeakageRisk;
import io.github.geodispatch.insight.OwnerView;
import io.github.geodispatch.job.ArrivalEvidence;
import io.github.geodispatch.job.JobRecord;
import io.github.geodispatch.job.JobState;
import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.leakage.LeakageCode;
import io.github.geodispatch.leakage.LeakageMonitor;
import io.github.geodispatch.messaging.ContactBook;
import io.github.geodispatch.messaging.Messaging;
import io.github.geodispatch.payment.CashDeposit;
import io.github.geodispatch.payment.CollectionsView;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.CalendarRange;
import io.github.geodispatch.spi.StoredCustomerEvent;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Notifier;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.StatementCredit;
import io.github.geodispatch.spi.StockEvent;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.StoredStockEvent;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.stock.StockCommand;
import io.github.geodispatch.stock.StockLedger;
import io.github.geodispatch.stock.UsualParts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@link GeoDispatch} the builder makes: one instance of each engine, wired as its javadoc says. The job
 * record's listeners, subscribed to this business's events only, feed the visit link, the owner's view and the
 * leakage monitor, and take each part used on a job from the van of the job's technician; the stock ledger's
 * listener feeds the owner's view and the leakage monitor; the job record checks an ARRIVED's visit with the visit
 * link; the visit tracker's listeners feed the visit link (arrivals), the leakage monitor (site stays, with their
 * spoof signals and the business's suspect-visit policy) and the host's listeners; the dispatch board records its
 * decisions on the job record. The customer record's listener feeds the contract portfolio, the service history
 * and the leakage rules; job events reach the portfolio before the leakage monitor, whose contract rules read it,
 * and created jobs take their coverage from it ({@link CoveringJobRecord}). With messaging on, it listens to the
 * job record, technicians' notices go through it instead of the job record's notifier, accepted pings reach its live
 * ETA, contract reminders go through it, and a paid payment request reaches the leakage monitor's reconciliation as a
 * statement credit. The leakage monitor is not thread-safe and is guarded by its own lock here. Thread-safe.
 */
public final class WiredGeoDispatch implements GeoDispatch {
    private final GeoDispatchSettings settings;
    private final Actor system;
    private final CoveringJobRecord jobs;
    private final FenceIndex fences;
    private final JobVisitLink visitLink;
    private final VisitTracker tracker;
    /** Today's board when there is no calendar; null with one (today's board is then the schedule's). */
    private final Dispatcher board;
    private final Schedule schedule;
    private final DayPlanner planner;
    private final OwnerView owner;
    private final LeakageMonitor monitor;
    /** The branch of each technician the leakage monitor has been told of (guarded by {@link #monitor}). */
    private final Map<TechnicianId, BranchId> technicianBranches = new HashMap<>();
    /** Findings already counted in the owner's view, by their key (guarded by {@link #monitor}). */
    private final Set<String> countedFindings = new HashSet<>();
    private final Visits visits = new TrackedVisits();
    private final Payments payments = new MonitoredPayments();
    private final Billing billing;
    private final CustomerRecord customers;
    private final ContractPortfolio portfolio;
    private final ServiceHistory history = new EquipmentLinks(ServiceHistory.create(), (job, unit) -> owner().link(job, unit));
    private final Contracts contracts;
    /** Null when messaging is off. */
    private final Messaging messaging;
    private final StockLedger stock;

    public WiredGeoDispatch(GeoDispatchSettings settings) {
        this.settings = settings;
        this.system = Actor.system(settings.tenant());
        this.portfolio = ContractPortfolio.create(settings.zone(), settings.currency());
        // an arrival's visit is checked with the visit link, made just below (the lookup runs only on commands);
        // with messaging on, technicians hear of their jobs through it (in their language) instead of the notifier
        this.jobs = new CoveringJobRecord(JobRecord.builder().eventStore(settings.eventStore()).clock(settings.clock())
                .notifier(settings.messaging() == null ? settings.notifier() : Notifier.none())
                .closurePolicies(settings.closurePolicies())
                .idGenerator(settings.idGenerator()).redelivery(settings.redelivery())
                .offlineReorderWindow(settings.offlineReorderWindow())
                .arrivalVisits(this::arrivalVisits).partPricing(new ContractPartPricing(portfolio)).build(),
                portfolio, settings.clock(), settings.zone());
        this.customers = CustomerRecord.builder().store(settings.customerStore()).clock(settings.clock())
                .idGenerator(settings.idGenerator()).build();
        this.fences = FenceIndex.builder().build();
        this.visitLink = new JobVisitLink(jobs, fences, settings.arrivalGrace(), settings.suspectVisits());
        this.owner = OwnerView.builder().tenant(settings.tenant()).currency(settings.currency()).zone(settings.zone())
                .partPricesIncludeTax(settings.priceBasis() == PriceBasis.TAX_INCLUSIVE).contracts(portfolio).build();
        this.monitor = LeakageMonitor.create(settings.leakagePolicy());
        monitor.contracts(portfolio);
        VisitTracker.Builder trackerBuilder = VisitTracker.builder(fences).clock(settings.clock())
                .listener(visitLink).listener(this::siteStay);
        settings.geofenceListeners().forEach(trackerBuilder::listener);
        this.tracker = trackerBuilder.build();
        ServiceAreaFences areas = this::serviceAreasAt;
        Dispatcher.Builder boards = Dispatcher.builder().travelTimes(settings.travelTimes()).clock(settings.clock())
                .weights(settings.scoringWeights()).serviceAreaFences(areas).listener(new JobRecordDispatchListener(jobs));
        this.board = settings.calendar() == null ? boards.build() : null;
        this.schedule = settings.calendar() == null ? null
                : Schedule.builder().calendar(settings.calendar()).days(settings.horizonDays()).boards(boards).build();
        this.billing = settings.seller() == null ? null : new HandedOffBilling(InvoiceDrafter.builder()
                .seller(settings.seller()).regime(settings.taxRegime()).sequence(settings.invoiceSequence())
                .priceBasis(settings.priceBasis()).build());
        this.messaging = settings.messaging() == null ? null : messaging(settings.messaging());
        this.contracts = new ContractDesk(portfolio, history, jobs, customers,
                settings.reminders() != null ? settings.reminders() : messaging.reminders(), settings.clock(),
                settings.zone(), settings.currency(), billing == null ? null : ((HandedOffBilling) billing)::issue, system);
        this.stock = StockLedger.builder().business(settings.tenant(), settings.currency()).store(settings.stockStore())
                .clock(settings.clock()).eventIds(settings.idGenerator()::nextEventId).usualParts(settings.usualParts())
                .build();
        stock.subscribe(this::stockEvents);
        DayPlanner.Builder plans = DayPlanner.builder().travelTimes(settings.travelTimes()).serviceAreaFences(areas)
                .termination(settings.planTermination()).seed(settings.planSeed());
        if (settings.usualParts() != UsualParts.none()) {
            // prefer a technician whose van holds the job's usual parts
            plans.partPreference(new VanStockPreference(settings.usualParts(), stock));
        }
        this.planner = plans.build();
        jobs.subscribe(settings.tenant(), visitLink);
        jobs.subscribe(settings.tenant(), this::ownEvents);
        customers.subscribe(this::customerEvents);
    }

    @Override
    public TenantId tenant() {
        return settings.tenant();
    }

    @Override
    public JobRecord jobs() {
        return jobs;
    }

    @Override
    public Visits visits() {
        return visits;
    }

    @Override
    public Dispatcher dispatch() {
        return schedule == null ? board : schedule.day(schedule.today());
    }

    @Override
    public Schedule schedule() {
        if (schedule == null) {
            throw new IllegalStateException("the schedule is off: give the builder the team's calendar, "
                    + "GeoDispatch.builder().calendar(teamCalendar, days)");
        }
        return schedule;
    }

    @Override
    public DayPlanner planner() {
        return planner;
    }

    @Override
    public Payments payments() {
        return payments;
    }

    @Override
    public Billing billing() {
        if (billing == null) {
            throw new IllegalStateException("billing is off: give the builder the seller, "
                    + "GeoDispatch.builder().seller(profile, priceBasis)");
        }
        return billing;
    }

    @Override
    public OwnerView owner() {
        return owner;
    }

    @Override
    public StockLedger stock() {
        return stock;
    }

    @Override
    public CustomerRecord customers() {
        return customers;
    }

    @Override
    public Contracts contracts() {
        return contracts;
    }

    @Override
    public Messaging messaging() {
        if (messaging == null) {
            throw new IllegalStateException("messaging is off: give the builder a policy, "
                    + "GeoDispatch.builder().messaging(MessagingPolicy.builder()...build())");
        }
        return messaging;
    }

    /**
     * Messaging over the job record, customers from the customer record, technicians as the settings say; a paid
     * payment request reaches the reconciliation as a statement credit; a job's payment message waits for its invoice
     * when billing is on.
     */
    private Messaging messaging(MessagingWiring wiring) {
        Messaging.Builder builder = Messaging.builder().business(settings.tenant(), settings.currency(), settings.zone())
                .jobs(jobs).policy(wiring.policy()).store(wiring.store()).sender(wiring.sender())
                .contacts(ContactBook.of(customers, system, wiring.policy().customerChannel(), wiring.technicians()))
                .notifier(settings.notifier()).paymentCredits(payments::credit).contracts(portfolio)
                .travelTimes(settings.travelTimes()).clock(settings.clock())
                .paymentMessageAfterInvoice(settings.seller() != null);
        if (wiring.paymentRequests() != null) {
            builder.paymentRequests(wiring.paymentRequests());
        }
        return builder.build();
    }

    /** The customer record's listener: the contracts, the service history and the leakage rules hear each event. */
    private void customerEvents(List<StoredCustomerEvent> stored) {
        for (StoredCustomerEvent s : stored) {
            if (!s.event().header().tenant().equals(settings.tenant())) {
                continue;
            }
            portfolio.accept(s.event());
            history.accept(s.event());
            synchronized (monitor) {
                monitor.customerChanged(s.event());
            }
        }
    }

    /** The job record's listener for this business's events: the owner's view and the leakage rules hear each. */
    private void ownEvents(List<StoredEvent> stored) {
        for (StoredEvent s : stored) {
            JobEvent e = s.event();
            owner.accept(e);
            portfolio.accept(e);
            history.accept(e);
            synchronized (monitor) {
                if (e instanceof JobEvent.JobAssigned assigned && !technicianBranches.containsKey(assigned.technician())) {
                    BranchId branch = branchOf(assigned.technician(), e.header().job());
                    technicianBranches.put(assigned.technician(), branch);
                    monitor.technician(assigned.technician(), branch);
                }
                monitor.accept(e);
            }
            if (e instanceof JobEvent.PartUsed part) {
                takeFromVan(part);
            }
        }
    }

    /** A part used on a job leaves the van of the job's technician; untracked when they have no van (or no SKU). */
    private void takeFromVan(JobEvent.PartUsed part) {
        TechnicianId technician = jobs.job(system, part.header().job()).map(JobState::technician).orElse(null);
        if (technician != null) {
            stock.execute(system, StockCommand.UseOnJob.of(part, technician));
        }
    }

    /** The stock ledger's listener: the owner's view and the leakage rules hear every stock event. */
    private void stockEvents(List<StoredStockEvent> stored) {
        for (StoredStockEvent s : stored) {
            StockEvent e = s.event();
            owner.accept(e);
            synchronized (monitor) {
                monitor.accept(e);
            }
        }
    }

    /** The job record's lookup of the visits behind an ARRIVED: the visit link's. */
    private List<ArrivalEvidence.Visit> arrivalVisits(TechnicianId technician, SiteId site, Instant from, Instant to) {
        return visitLink.visits(technician, site, from, to);
    }

    /** A technician's branch: their profile on the board, else the branch of the job they were given. */
    private BranchId branchOf(TechnicianId technician, JobId job) {
        return dispatch().technician(technician).map(Technician::branch)
                .or(() -> jobs.job(system, job).map(JobState::branch))
                .orElseThrow(() -> new IllegalStateException("job " + job + " of an assignment is unknown"));
    }

    /** The tracker's listener: each ended stay at a job site is a visit the leakage rules read. */
    private void siteStay(GeofenceEvent event) {
        if (event instanceof GeofenceEvent.VisitEnded ended && ended.visit().kind() == FenceKind.SITE) {
            SiteVisit v = ended.visit();
            synchronized (monitor) {
                monitor.suspectVisit(v.technician(), SiteId.of(v.fence().value()), v.enteredAt(), v.exitedAt(),
                        v.signals(), settings.suspectVisits());
            }
            history.visit(v.technician(), SiteId.of(v.fence().value()), v.enteredAt(), v.exitedAt());
        }
    }

    private Set<String> serviceAreasAt(io.github.geodispatch.spi.GeoPoint point) {
        return fences.fencesAt(point).stream().filter(f -> f.kind() == FenceKind.SERVICE_AREA)
                .map(f -> f.id().value()).collect(Collectors.toUnmodifiableSet());
    }

    private final class TrackedVisits implements Visits {
        @Override
        public FenceIndex fences() {
            return fences;
        }

        @Override
        public PingOutcome accept(Ping ping) {
            PingOutcome outcome = tracker.accept(ping);
            if (messaging != null && outcome.accepted()) {
                messaging.eta().position(ping.technician(), ping.at().toEpochMilli(), ping.point().lat(), ping.point().lng());
            }
            return outcome;
        }

        @Override
        public TechnicianFeed feed(TechnicianId technician) {
            TechnicianFeed feed = tracker.feed(technician);
            return messaging == null ? feed : new EtaFeed(feed, messaging.eta().sink(technician));
        }

        @Override
        public void flush() {
            tracker.flush();
        }

        @Override
        public int forgetIdle(Instant before) {
            return tracker.forgetIdle(before);
        }

        @Override
        public VisitLog log() {
            return tracker.visitLog();
        }

        @Override
        public List<DailyAttendance> attendance(LocalDate day) {
            CalendarRange.require(day, "day");
            Instant from = day.atStartOfDay(settings.zone()).toInstant();
            Instant to = day.plusDays(1).atStartOfDay(settings.zone()).toInstant();
            List<SiteVisit> entered = tracker.visitLog().all().stream()
                    .filter(v -> !v.enteredAt().isBefore(from) && v.enteredAt().isBefore(to)).toList();
            List<DailyAttendance> days = DailyAttendance.summarize(entered, settings.zone(), settings.suspectVisits());
            Map<TechnicianId, DailyAttendance> byTechnician = new HashMap<>();
            days.forEach(a -> byTechnician.put(a.technician(), a));
            for (Technician t : dispatch().technicians()) {
                if (t.shift() != null && t.shift().start().atZone(settings.zone()).toLocalDate().equals(day)) {
                    // a technician on shift with no visit at all counts too: not checked in, nothing on site
                    DailyAttendance a = byTechnician.get(t.id());
                    owner.accept(new AttendanceDay(t.id(), t.branch(), day, t.shift().start(), t.shift().end(),
                            a == null ? null : a.checkIn().orElse(null), a == null ? Duration.ZERO : a.onSites(),
                            a == null ? Duration.ZERO : a.travelling()));
                }
            }
            return days;
        }

        @Override
        public List<JobVisitFinding> takeArrivals() {
            return visitLink.takeArrivals();
        }

        @Override
        public List<JobVisitFinding.CompletedWithoutVisit> completedWithoutVisit(Instant asOf) {
            return visitLink.completedWithoutVisit(asOf);
        }
    }

    private final class MonitoredPayments implements Payments {
        @Override
        public void credit(StatementCredit credit) {
            synchronized (monitor) {
                monitor.accept(credit);
            }
        }

        @Override
        public void deposit(CashDeposit deposit) {
            BranchId branch;
            synchronized (monitor) {
                monitor.accept(deposit);
                branch = technicianBranches.get(deposit.technician());
            }
            if (branch == null) {
                branch = dispatch().technician(deposit.technician()).map(Technician::branch).orElse(null);
            }
            if (branch != null) {
                owner.accept(deposit, branch);
            }
        }

        @Override
        public CollectionsView collections(Instant asOf) {
            synchronized (monitor) {
                return monitor.collections(asOf);
            }
        }

        @Override
        public List<Finding> audit(Instant asOf) {
            List<Finding> findings;
            List<Finding> fresh = new ArrayList<>();
            synchronized (monitor) {
                findings = monitor.findings(asOf);
                for (Finding f : findings) {
                    if (countedFindings.add(f.code() + "|" + f.job() + "|" + f.technician() + "|" + f.reference())) {
                        fresh.add(f);
                    }
                }
            }
            fresh.forEach(f -> owner.accept(new LeakageRisk(f.code().name(), f.job(), f.technician(), f.reference(),
                    f.branch(), f.amountAtRisk(), leakedAt(f))));
            fresh.stream().filter(f -> f.job() != null)
                    .forEach(f -> history.finding(f.job(), f.code().name(), f.amountAtRisk(), f.detectedAt()));
            return findings;
        }

        /**
         * When the leak itself happened, the day the owner's view counts it on: for a job's finding its earliest
         * evidence on the job's record; for cash not deposited the first collection; otherwise when it was found.
         */
        private Instant leakedAt(Finding f) {
            if (f.job() != null) {
                Set<String> evidence = Set.copyOf(f.evidence());
                return jobs.history(system, f.job()).stream().filter(e -> evidence.contains(e.header().eventId().toString()))
                        .map(e -> e.header().occurredAt()).min(Instant::compareTo).orElse(f.detectedAt());
            }
            if (f.code() == LeakageCode.CASH_NOT_DEPOSITED) {
                return f.detectedAt().minus(settings.leakagePolicy().cashDepositGrace());
            }
            return f.detectedAt();
        }
    }

    private final class HandedOffBilling implements Billing {
        private final InvoiceDrafter drafter;
        private final InvoiceHandoff handoff;
        private final List<Invoice> drafted = new ArrayList<>();

        HandedOffBilling(InvoiceDrafter drafter) {
            this.drafter = drafter;
            this.handoff = new InvoiceHandoff(settings.accountsHandoff(), jobs, system);
        }

        @Override
        public Optional<Invoice> invoice(JobId job, Party buyer) {
            JobState state = jobs.job(system, job).orElseThrow(() -> new BillingException("job " + job
                    + " is unknown to business " + settings.tenant().value() + "; cannot invoice it"));
            if (state.invoice() != null) {
                return Optional.empty();
            }
            if (state.status() != JobStatus.COMPLETED && state.status() != JobStatus.CLOSED) {
                throw new BillingException("job " + job + " is " + state.status() + "; it is invoiced once COMPLETED");
            }
            Optional<Invoice> invoice = drafter.draft(underContract(state,
                    BillableJob.fromEvents(jobs.history(system, job), buyer, settings.zone())));
            invoice.ifPresent(i -> {
                handoff.handOff(i);
                synchronized (drafted) {
                    drafted.add(i);
                }
            });
            return invoice;
        }

        /**
         * The job as invoiced under the contract covering its site and type on its completion day, if any: its labour
         * covered within the entitlement and charged beyond it ({@link ContractCharges#invoiced}; the parts were priced
         * by the contract when recorded). A job of a customer or site the contracts do not know is billed as recorded.
         */
        private BillableJob underContract(JobState state, BillableJob billable) {
            Optional<ContractRecord> covering = portfolio.siteOf(state.customer(), state.site())
                    .flatMap(site -> portfolio.covering(state.customer(), site, state.jobType(), billable.completedOn()));
            return covering.map(c -> ContractCharges.invoiced(billable, c,
                    ContractCharges.withinEntitlement(portfolio, c, state.id(), billable.completedOn()), settings.zone()))
                    .orElse(billable);
        }

        /**
         * The invoice of {@code supply} (a contract's instalment), handed to the accounts port and kept with the job
         * invoices; empty when it totals zero. Recording it on the customer is the caller's.
         */
        Optional<Invoice> issue(Supply supply) {
            Optional<Invoice> invoice = drafter.draft(supply);
            invoice.ifPresent(i -> {
                settings.accountsHandoff().handOff(i.number(), InvoiceJson.write(i));
                synchronized (drafted) {
                    drafted.add(i);
                }
            });
            return invoice;
        }

        @Override
        public List<Invoice> invoices() {
            synchronized (drafted) {
                return List.copyOf(drafted);
            }
        }
    }
}
