package io.github.geodispatch.internal;
import io.github.geodispatch.GeoDispatch;
import io.github.geodispatch.billing.BillingException;
import io.github.geodispatch.billing.Invoice;
import io.github.geodispatch.billing.Party;
import io.github.geodispatch.billing.Supply;
import io.github.geodispatch.contract.ContractPortfolio;
import io.github.geodispatch.contract.DueVisit;
import io.github.geodispatch.contract.Instalment;
import io.github.geodispatch.contract.InstalmentDue;
import io.github.geodispatch.contract.Reminder;
import io.github.geodispatch.contract.ReminderSender;
import io.github.geodispatch.contract.ScheduledVisit;
import io.github.geodispatch.contract.VisitStatus;
import io.github.geodispatch.customer.ContractRecord;
import io.github.geodispatch.customer.CustomerCommand;
import io.github.geodispatch.customer.CustomerRecord;
import io.github.geodispatch.customer.CustomerRejection;
import io.github.geodispatch.customer.CustomerResult;
import io.github.geodispatch.customer.CustomerState;
import io.github.geodispatch.customer.ServiceHistory;
import io.github.geodispatch.job.CommandResult;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.CalendarRange;
import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.ContractTerms;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.CustomerSite;
import io.github.geodispatch.spi.EquipmentId;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.TimeWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The front door's {@link GeoDispatch.Contracts}: preventive visits become jobs through the (covering) job record,
 * renewals are drafted and activated on the customer record, and reminders go out once each through the
 * {@link ReminderSender}. Thread-safe: scheduling and reminders each take their own lock.
 */
final class ContractDesk implements GeoDispatch.Contracts {
    private static final Logger LOG = LoggerFactory.getLogger(ContractDesk.class);
    /** The fence radius of a preventive visit's site (a customer site records no radius). */
    static final double VISIT_SITE_RADIUS_METRES = 100;

    private final ContractPortfolio portfolio;
    private final ServiceHistory history;
    private final CoveringJobRecord jobs;
    private final CustomerRecord customers;
    private final ReminderSender reminders;
    private final InstantSource clock;
    private final ZoneId zone;
    private final Currency currency;
    private final Set<String> sent = new HashSet<>();
    private final Object scheduling = new Object();
    private final Object invoicing = new Object();
    /** Drafts a supply's invoice and hands it to accounts; null when billing is off. */
    private final Function<Supply, Optional<Invoice>> issuer;
    private final Actor system;

    ContractDesk(ContractPortfolio portfolio, ServiceHistory history, CoveringJobRecord jobs, CustomerRecord customers,
                 ReminderSender reminders, InstantSource clock, ZoneId zone, Currency currency,
                 Function<Supply, Optional<Invoice>> issuer, Actor system) {
        this.portfolio = portfolio;
        this.history = history;
        this.jobs = jobs;
        this.customers = customers;
        this.reminders = reminders;
        this.clock = clock;
        this.zone = zone;
        this.currency = currency;
        this.issuer = issuer;
        this.system = system;
    }

    @Override
    public ContractPortfolio portfolio() {
        return portfolio;
    }

    @Override
    public ServiceHistory history() {
        return history;
    }

    @Override
    public List<JobId> scheduleVisits(Actor actor, LocalDate through) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(through, "through");
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        List<JobId> created = new ArrayList<>();
        synchronized (scheduling) {
            for (ContractRecord contract : portfolio.contracts()) {
                if (!contract.activated() || contract.cancelledAt() != null || contract.terms().end().isBefore(today)) {
                    continue;
                }
                for (ScheduledVisit v : portfolio.visitStatuses(contract.id(), today)) {
                    DueVisit visit = v.visit();
                    if (v.status() == VisitStatus.DONE || visit.dueOn().isAfter(through)
                            || jobs.job(actor, visit.job()).isPresent()) {
                        continue;
                    }
                    if (schedule(actor, contract, visit, today)) {
                        created.add(visit.job());
                    }
                }
            }
        }
        return created;
    }

    /** Creates the visit's job; its window starts today when its due day has passed (a catch-up after a gap). */
    private boolean schedule(Actor actor, ContractRecord contract, DueVisit visit, LocalDate today) {
        CustomerState customer = portfolio.customer(contract.customer()).orElseThrow();
        CustomerSite site = customer.sites().get(visit.site());
        LocalDate from = visit.dueOn().isBefore(today) ? today : visit.dueOn();
        LocalDate to = visit.windowEnd();
        if (to.isBefore(from)) {
            long window = ChronoUnit.DAYS.between(visit.dueOn(), visit.windowEnd());
            to = from.plusDays(window);
        }
        if (to.isAfter(contract.terms().end())) {
            to = contract.terms().end();
        }
        if (to.isBefore(from)) {
            return false;
        }
        if (customer.equipment().containsKey(EquipmentId.of(visit.unit()))) {
            history.link(visit.job(), EquipmentId.of(visit.unit()));
        }
        TimeWindow window = new TimeWindow(from.atStartOfDay(zone).toInstant(),
                to.atTime(LocalTime.MAX).atZone(zone).toInstant().truncatedTo(ChronoUnit.SECONDS));
        CommandResult result = jobs.execute(actor, JobCommand.CreateJob.builder(visit.job(), contract.branch(),
                        contract.customer(), new Site(site.id(), site.location(), VISIT_SITE_RADIUS_METRES, site.address()),
                        visit.jobType())
                .issue("Preventive visit " + visit.number() + " of " + visit.unit() + " under contract " + contract.id())
                .window(window).quote(Money.zero(currency)).build());
        if (result instanceof CommandResult.Rejected r) {
            LOG.warn("preventive visit {} of contract {} not scheduled: {}: {}", visit.job(), contract.id(),
                    r.rejection().reason(), r.rejection().message());
            return false;
        }
        return true;
    }

    @Override
    public CommandResult createJob(Actor actor, JobCommand.CreateJob command, EquipmentId equipment) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(equipment, "equipment");
        // the history lists a job under a unit from its creation, so the link comes first (a new job of the unit only)
        if (portfolio.customer(command.customer()).map(c -> c.equipment().containsKey(equipment)).orElse(false)
                && jobs.job(actor, command.job()).isEmpty()) {
            history.link(command.job(), equipment);
        }
        return jobs.create(actor, command, equipment);
    }

    @Override
    public CustomerResult renew(Actor actor, ContractId contract, ContractId renewal, Money price) {
        ContractRecord old = portfolio.contract(contract)
                .orElseThrow(() -> new IllegalArgumentException("no contract " + contract + " to renew"));
        ContractTerms t = old.terms();
        LocalDate start = t.end().plusDays(1);
        LocalDate end = start.plusDays(ChronoUnit.DAYS.between(t.start(), t.end()));
        ContractTerms terms;
        try {
            terms = new ContractTerms(renewal, t.kind(), t.sites(), t.equipment(), t.plan(), price, t.instalments(),
                    start, end, contract);
        } catch (IllegalArgumentException e) {
            // a term ending near year 9999 has no next term (ContractTermException), a negative price, the renewal
            // named as the contract: refused as the record refuses a draft whose terms it cannot carry
            return new CustomerResult.Rejected(old.customer(),
                    new CustomerRejection(CustomerRejection.Reason.INVALID_INPUT, e.getMessage()));
        }
        CustomerResult drafted = customers.execute(actor, new CustomerCommand.DraftContract(old.customer(), terms));
        return drafted.isAccepted() ? customers.execute(actor, new CustomerCommand.ActivateContract(old.customer(), renewal))
                : drafted;
    }

    @Override
    public List<Invoice> billDue(LocalDate asOf, Function<CustomerId, Party> buyers) {
        CalendarRange.require(asOf, "asOf");
        Objects.requireNonNull(buyers, "buyers");
        if (issuer == null) {
            throw new IllegalStateException("billing is off: give the builder the seller, "
                    + "GeoDispatch.builder().seller(profile, priceBasis)");
        }
        List<Invoice> issued = new ArrayList<>();
        synchronized (invoicing) {
            for (InstalmentDue due : portfolio.instalmentsDue(asOf)) {
                Instalment instalment = due.instalment();
                // the customer's stream in the store is the truth: an instalment invoiced by another instance, or
                // before a restart that the portfolio has not been fed again, is not invoiced twice
                if (customers.customer(system, due.customer())
                        .flatMap(c -> c.invoice(due.contract(), instalment.number())).isPresent()) {
                    continue;
                }
                ContractTerms terms = portfolio.contract(due.contract()).orElseThrow().terms();
                Party buyer = Objects.requireNonNull(buyers.apply(due.customer()), "buyer of customer " + due.customer());
                Supply supply = new Supply(JobId.of(due.contract().value() + "/" + instalment.number()), due.branch(),
                        due.jobType(), describe(terms, instalment), asOf, instalment.amount(), buyer, null);
                Optional<Invoice> invoice = issuer.apply(supply);
                Money taxable = invoice.map(Invoice::taxableValue).orElse(Money.zero(currency));
                Money total = invoice.map(Invoice::total).orElse(Money.zero(currency));
                // a zero instalment (a free contract) is recorded under its reference, so it is not asked for again
                String number = invoice.map(Invoice::number).orElse(supply.reference().value());
                CustomerResult recorded = customers.execute(system, new CustomerCommand.RecordContractInvoice(
                        due.customer(), due.contract(), instalment.number(), number, asOf, taxable, total));
                if (recorded instanceof CustomerResult.Rejected r) {
                    throw new BillingException("invoice " + number + " of contract " + due.contract() + " instalment "
                            + instalment.number() + " was handed off but the customer record refused it: "
                            + r.rejection().reason() + ": " + r.rejection().message());
                }
                invoice.ifPresent(issued::add);
            }
        }
        return issued;
    }

    /**
     * The invoice line of an instalment, e.g. {@code AMC AMC-1 2026-01-01 to 2026-12-31, instalment 2 of 4 due
     * 2026-04-02}.
     */
    private static String describe(ContractTerms terms, Instalment instalment) {
        return terms.kind() + " " + terms.id() + " " + terms.start() + " to " + terms.end()
                + (terms.instalments() == 1 ? "" : ", instalment " + instalment.number() + " of " + terms.instalments()
                + " due " + instalment.dueOn());
    }

    @Override
    public List<Reminder> sendReminders(LocalDate asOf) {
        List<Reminder> delivered = new ArrayList<>();
        synchronized (sent) {
            for (Reminder r : portfolio.remindersDue(asOf)) {
                if (sent.contains(r.key())) {
                    continue;
                }
                try {
                    reminders.send(r);
                    sent.add(r.key());
                    delivered.add(r);
                } catch (RuntimeException e) {
                    LOG.warn("reminder {} to customer {} failed; it is tried again on the next run", r.key(), r.customer(), e);
                }
            }
        }
        return delivered;
    }
}
