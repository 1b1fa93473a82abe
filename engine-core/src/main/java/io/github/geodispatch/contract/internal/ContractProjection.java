package io.github.geodispatch.contract.internal;
import io.github.geodispatch.contract.ContractKpis;
import io.github.geodispatch.contract.ContractPortfolio;
import io.github.geodispatch.contract.DueVisit;
import io.github.geodispatch.contract.Instalment;
import io.github.geodispatch.contract.InstalmentDue;
import io.github.geodispatch.contract.Entitlement;
import io.github.geodispatch.contract.Reminder;
import io.github.geodispatch.contract.RenewalDue;
import io.github.geodispatch.contract.ScheduledVisit;
import io.github.geodispatch.contract.VisitSchedule;
import io.github.geodispatch.contract.VisitStatus;
import io.github.geodispatch.contract.WarrantyExpiry;
import io.github.geodispatch.customer.ContractRecord;
import io.github.geodispatch.customer.ContractStatus;
import io.github.geodispatch.customer.CustomerState;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.CalendarRange;
import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.ContractTerms;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.CoverageKind;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.CustomerEvent;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.Equipment;
import io.github.geodispatch.spi.EquipmentId;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@link ContractPortfolio} behind {@link ContractPortfolio#create}: the customers' states folded from their
 * events, and per job an AMC contract covers only what the contracts need (its type, the contract its coverage names,
 * when it was completed); a job no contract covers is not kept, so memory grows with the contracts, not with the jobs
 * done. Entitlements and visit statuses are computed per contract when asked, from that contract's jobs only.
 * Thread-safe: every method holds this object's monitor.
 */
public final class ContractProjection implements ContractPortfolio {
    private static final int REMINDER_DAYS = 30;
    private static final int KPI_YEAR_DAYS = 365;

    private final ZoneId zone;
    private final Currency currency;
    private final Map<CustomerId, CustomerState> customers = new LinkedHashMap<>();
    private final Map<ContractId, CustomerId> owners = new LinkedHashMap<>();
    /** Each customer's sites, for the one nearest a job's point. */
    private final Map<CustomerId, NearestSites> sitesNear = new HashMap<>();
    /** Each customer's contracts by the sites they name and the contracts they renew. */
    private final Map<CustomerId, Drafts> drafts = new HashMap<>();
    /** The jobs an AMC contract covers (no other job is kept). */
    private final Map<JobId, ContractJob> jobs = new HashMap<>();
    private final Map<ContractId, List<ContractJob>> jobsByContract = new HashMap<>();
    /**
     * Per contract, its jobs that use the entitlement in rank order (completion time, then id), built when a rank is
     * first asked and kept up to date as its jobs complete (only a job's completion and the contract's terms decide
     * whether and where it counts). A rank is then a binary search, not a sort of the contract's jobs.
     */
    private final Map<ContractId, List<ContractJob>> ranked = new HashMap<>();
    private static final Comparator<ContractJob> RANK_ORDER = Comparator.comparing((ContractJob j) -> j.completedAt)
            .thenComparing(j -> j.id);

    /** What a contract needs of one job. */
    private static final class ContractJob {
        final JobId id;
        final ContractId contract;
        final String jobType;
        Instant completedAt;

        ContractJob(JobId id, ContractId contract, String jobType) {
            this.id = id;
            this.contract = contract;
            this.jobType = jobType;
        }
    }

    public ContractProjection(ZoneId zone, Currency currency) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public synchronized void accept(CustomerEvent event) {
        CustomerId id = event.header().customer();
        CustomerState known = customers.get(id);
        long version = event.header().version();
        if (known != null && version <= known.version()) {
            return;
        }
        CustomerState next;
        if (event instanceof CustomerEvent.CustomerRegistered registered && known == null) {
            next = CustomerState.of(registered);
        } else if (known == null || version != known.version() + 1) {
            throw new IllegalArgumentException("customer event " + event.header().eventId() + " is version " + version
                    + " of " + id + ", which is at version " + (known == null ? 0 : known.version()));
        } else {
            next = known.apply(event);
        }
        customers.put(id, next);
        if (event instanceof CustomerEvent.SiteAdded added) {
            sitesNear.computeIfAbsent(id, c -> new NearestSites()).put(added.site());
        } else if (event instanceof CustomerEvent.ContractDrafted drafted) {
            ContractId contract = drafted.terms().id();
            owners.put(contract, id);
            ranked.remove(contract); // its terms decide which jobs count
            if (known.contracts().containsKey(contract)) { // drafted again (decisions refuse it; a stream may hold it)
                Drafts again = new Drafts();
                next.contracts().values().forEach(c -> again.add(c.terms()));
                drafts.put(id, again);
            } else {
                drafts.computeIfAbsent(id, c -> new Drafts()).add(drafted.terms());
            }
        }
    }

    /** One customer's contracts, in the order drafted, by each site they name and by the contract they renew. */
    private static final class Drafts {
        final Map<SiteId, List<ContractId>> atSite = new HashMap<>();
        final Map<ContractId, List<ContractId>> renewing = new HashMap<>();

        void add(ContractTerms terms) {
            for (SiteId site : terms.sites()) {
                atSite.computeIfAbsent(site, s -> new ArrayList<>(1)).add(terms.id());
            }
            if (terms.renews() != null) {
                renewing.computeIfAbsent(terms.renews(), r -> new ArrayList<>(1)).add(terms.id());
            }
        }
    }

    @Override
    public synchronized void accept(JobEvent event) {
        JobId id = event.header().job();
        if (event instanceof JobEvent.JobCreated created) {
            Coverage coverage = created.coverage();
            if (coverage == null || coverage.kind() != CoverageKind.AMC || jobs.containsKey(id)) {
                return;
            }
            ContractId contract = ContractId.of(coverage.reference());
            ContractJob job = new ContractJob(id, contract, created.jobType());
            jobs.put(id, job);
            jobsByContract.computeIfAbsent(contract, c -> new ArrayList<>()).add(job);
        } else if (event instanceof JobEvent.StatusChanged s && s.status() == JobStatus.COMPLETED) {
            ContractJob job = jobs.get(id);
            if (job != null && job.completedAt == null) {
                job.completedAt = s.header().occurredAt();
                List<ContractJob> rankOrder = ranked.get(job.contract);
                if (rankOrder != null) { // a rank list exists only once the contract is known
                    ContractRecord c = contract(job.contract).orElseThrow();
                    if (counts(c, job, c.terms().end())) {
                        rankOrder.add(-Collections.binarySearch(rankOrder, job, RANK_ORDER) - 1, job);
                    }
                }
            }
        }
    }

    @Override
    public synchronized Optional<CustomerState> customer(CustomerId customer) {
        return Optional.ofNullable(customers.get(customer));
    }

    @Override
    public synchronized Optional<BranchId> branch(CustomerId customer) {
        return Optional.ofNullable(customers.get(customer)).map(CustomerState::branch);
    }

    @Override
    public synchronized Optional<SiteId> siteOf(CustomerId customer, Site site) {
        CustomerState state = customers.get(customer);
        if (state == null) {
            return Optional.empty();
        }
        if (state.sites().containsKey(site.id())) {
            return Optional.of(site.id());
        }
        NearestSites near = sitesNear.get(customer);
        return near == null ? Optional.empty() : near.nearest(site.location(), site.radiusMetres());
    }

    @Override
    public synchronized Optional<ContractRecord> contract(ContractId contract) {
        CustomerId owner = owners.get(contract);
        return owner == null ? Optional.empty() : Optional.of(customers.get(owner).contracts().get(contract));
    }

    @Override
    public synchronized List<ContractRecord> contracts() {
        List<ContractRecord> all = new ArrayList<>();
        for (ContractId id : owners.keySet()) {
            all.add(customers.get(owners.get(id)).contracts().get(id));
        }
        return all;
    }

    @Override
    public synchronized List<DueVisit> visits(ContractId contract) {
        return contract(contract).map(c -> VisitSchedule.of(c, customers.get(c.customer()).equipment())).orElse(List.of());
    }

    @Override
    public synchronized Optional<ContractRecord> covering(CustomerId customer, SiteId site, String jobType, LocalDate day) {
        ContractRecord best = null;
        for (ContractRecord c : forSite(customer, site, jobType)) {
            if (c.covers(day, zone) && (best == null || !c.terms().start().isBefore(best.terms().start()))) {
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public synchronized Optional<ContractRecord> lapsed(CustomerId customer, SiteId site, String jobType, LocalDate day) {
        if (covering(customer, site, jobType, day).isPresent()) {
            return Optional.empty();
        }
        ContractRecord best = null;
        LocalDate bestEnd = null;
        for (ContractRecord c : forSite(customer, site, jobType)) {
            LocalDate cancelled = c.cancelledOn(zone);
            LocalDate coverEnd = cancelled != null && !cancelled.isAfter(c.terms().end()) ? cancelled.minusDays(1)
                    : c.terms().end();
            if (c.activated() && coverEnd.isBefore(day) && (bestEnd == null || !coverEnd.isBefore(bestEnd))) {
                best = c;
                bestEnd = coverEnd;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The contracts of {@code customer} naming {@code site} and covering {@code jobType}, in the order drafted. */
    private List<ContractRecord> forSite(CustomerId customer, SiteId site, String jobType) {
        Drafts ofCustomer = drafts.get(customer);
        List<ContractId> atSite = ofCustomer == null ? List.of() : ofCustomer.atSite.getOrDefault(site, List.of());
        List<ContractRecord> out = new ArrayList<>(atSite.size());
        if (atSite.isEmpty()) {
            return out;
        }
        Map<ContractId, ContractRecord> contracts = customers.get(customer).contracts();
        for (ContractId id : atSite) {
            ContractRecord c = contracts.get(id);
            if (c.terms().plan().covers(jobType)) {
                out.add(c);
            }
        }
        return out;
    }

    @Override
    public synchronized Optional<Coverage> coverage(CustomerId customer, SiteId site, EquipmentId equipment,
                                                    String jobType, LocalDate day) {
        Optional<ContractRecord> contract = covering(customer, site, jobType, day);
        if (contract.isPresent() && contract.get().terms().plan().labourCovered()) {
            return Optional.of(contract.get().labourCoverage(zone));
        }
        CustomerState state = customers.get(customer);
        Equipment unit = state == null || equipment == null ? null : state.equipment().get(equipment);
        if (unit != null && unit.warrantyUntil() != null && !day.isAfter(unit.warrantyUntil())
                && !day.isBefore(unit.installedOn())) {
            return Optional.of(new Coverage(CoverageKind.WARRANTY, unit.id().value(), unit.warrantyUntil(), List.of()));
        }
        return Optional.empty();
    }

    @Override
    public synchronized List<Entitlement> entitlements(LocalDate asOf) {
        CalendarRange.require(asOf, "asOf");
        List<Entitlement> out = new ArrayList<>();
        for (ContractRecord c : contracts()) {
            if (c.activated()) {
                out.add(entitlementOf(c, asOf));
            }
        }
        return out;
    }

    @Override
    public synchronized Optional<Entitlement> entitlement(ContractId contract, LocalDate asOf) {
        CalendarRange.require(asOf, "asOf");
        return contract(contract).filter(ContractRecord::activated).map(c -> entitlementOf(c, asOf));
    }

    @Override
    public synchronized OptionalInt callsUsed(ContractId contract, LocalDate asOf) {
        return contract(contract).filter(ContractRecord::activated).map(c -> OptionalInt.of(used(c, asOf)))
                .orElse(OptionalInt.empty());
    }

    private Entitlement entitlementOf(ContractRecord c, LocalDate asOf) {
        int used = used(c, asOf);
        List<ScheduledVisit> visits = statuses(c, asOf);
        int done = 0, due = 0, overdue = 0;
        for (ScheduledVisit v : visits) {
            switch (v.status()) {
                case DONE -> done++;
                case DUE -> due++;
                case OVERDUE -> overdue++;
                case UPCOMING -> { }
            }
        }
        int entitled = Entitlement.entitled(c.terms());
        return new Entitlement(c.id(), c.customer(), c.branch(), c.status(asOf, zone), c.terms().start(), c.terms().end(),
                entitled, used, entitled - used, visits.size(), done, due, overdue);
    }

    /** True when {@code job} uses the contract's entitlement by {@code asOf}: covered type, completed in term by then. */
    private boolean counts(ContractRecord c, ContractJob job, LocalDate asOf) {
        if (job.completedAt == null || !c.terms().plan().covers(job.jobType)) {
            return false;
        }
        LocalDate day = LocalDate.ofInstant(job.completedAt, zone);
        return c.terms().inTerm(day) && !day.isAfter(asOf);
    }

    @Override
    public synchronized OptionalInt entitlementRank(ContractId contract, JobId job) {
        Optional<ContractRecord> c = contract(contract);
        if (c.isEmpty()) {
            return OptionalInt.empty();
        }
        LocalDate end = c.get().terms().end();
        ContractJob j = jobs.get(job);
        if (j == null || !j.contract.equals(contract) || !counts(c.get(), j, end)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Collections.binarySearch(rankOrder(c.get()), j, RANK_ORDER) + 1);
    }

    /** The contract's jobs that use its entitlement, in rank order (built on first use, then kept up to date). */
    private List<ContractJob> rankOrder(ContractRecord c) {
        return ranked.computeIfAbsent(c.id(), k -> {
            List<ContractJob> using = new ArrayList<>();
            for (ContractJob job : jobsByContract.getOrDefault(c.id(), List.of())) {
                if (counts(c, job, c.terms().end())) {
                    using.add(job);
                }
            }
            using.sort(RANK_ORDER);
            return using;
        });
    }

    /**
     * How many of the contract's jobs used its entitlement by {@code asOf}: in rank order (by completion time), those
     * completed before the next day began; all of them from the term's end on.
     */
    private int used(ContractRecord c, LocalDate asOf) {
        List<ContractJob> rankOrder = rankOrder(c);
        if (!asOf.isBefore(c.terms().end())) {
            return rankOrder.size();
        }
        Instant nextDay = asOf.plusDays(1).atStartOfDay(zone).toInstant();
        int low = 0, high = rankOrder.size(); // the first job completed at or after nextDay lies in [low, high]
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (rankOrder.get(mid).completedAt.isBefore(nextDay)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    @Override
    public synchronized List<ScheduledVisit> visitStatuses(ContractId contract, LocalDate asOf) {
        CalendarRange.require(asOf, "asOf");
        return contract(contract).map(c -> statuses(c, asOf)).orElse(List.of());
    }

    /** The earliest visits, as many as the contract's completed visit-type jobs by {@code asOf}, are the done ones. */
    private List<ScheduledVisit> statuses(ContractRecord c, LocalDate asOf) {
        List<DueVisit> visits = VisitSchedule.of(c, customers.get(c.customer()).equipment());
        int done = 0;
        for (ContractJob job : jobsByContract.getOrDefault(c.id(), List.of())) {
            if (job.jobType.equals(c.terms().plan().visitJobType()) && counts(c, job, asOf)) {
                done++;
            }
        }
        List<ScheduledVisit> out = new ArrayList<>(visits.size());
        for (DueVisit v : visits) {
            VisitStatus status = done-- > 0 ? VisitStatus.DONE
                    : v.windowEnd().isBefore(asOf) ? VisitStatus.OVERDUE
                    : v.dueOn().isAfter(asOf) ? VisitStatus.UPCOMING : VisitStatus.DUE;
            out.add(new ScheduledVisit(v, status));
        }
        return out;
    }

    @Override
    public synchronized List<ScheduledVisit> openVisits(LocalDate asOf, int horizonDays) {
        CalendarRange.require(asOf, "asOf");
        if (horizonDays < 0) {
            throw new IllegalArgumentException("horizon must not be negative, was " + horizonDays);
        }
        LocalDate until = asOf.plusDays(horizonDays);
        List<ScheduledVisit> out = new ArrayList<>();
        for (ContractRecord c : contracts()) {
            if (!c.activated() || c.cancelledAt() != null) {
                continue;
            }
            for (ScheduledVisit v : statuses(c, asOf)) {
                if (v.status() != VisitStatus.DONE && !v.visit().dueOn().isAfter(until)) {
                    out.add(v);
                }
            }
        }
        out.sort(Comparator.comparing((ScheduledVisit v) -> v.visit().dueOn()).thenComparing(v -> v.visit().job()));
        return out;
    }

    @Override
    public synchronized List<RenewalDue> renewalsDue(LocalDate asOf) {
        CalendarRange.require(asOf, "asOf");
        List<RenewalDue> out = new ArrayList<>();
        for (ContractRecord c : contracts()) {
            long daysLeft = ChronoUnit.DAYS.between(asOf, c.terms().end());
            if (c.status(asOf, zone) != ContractStatus.ACTIVE || c.renewedBy() != null || daysLeft > REMINDER_DAYS
                    || c.terms().start().isAfter(asOf)) {
                continue;
            }
            ContractId drafted = null;
            CustomerState customer = customers.get(c.customer());
            for (ContractId renewal : drafts.get(c.customer()).renewing.getOrDefault(c.id(), List.of())) {
                if (customer.contracts().get(renewal).cancelledAt() == null) {
                    drafted = renewal;
                }
            }
            out.add(new RenewalDue(c.id(), c.customer(), c.branch(), c.terms().end(), (int) daysLeft,
                    RenewalDue.stage(daysLeft), drafted, c.terms().price()));
        }
        out.sort(Comparator.comparing(RenewalDue::end).thenComparing(RenewalDue::contract));
        return out;
    }

    @Override
    public synchronized List<WarrantyExpiry> warrantyExpiries(LocalDate asOf) {
        CalendarRange.require(asOf, "asOf");
        List<WarrantyExpiry> out = new ArrayList<>();
        for (CustomerState customer : customers.values()) {
            for (Equipment e : customer.equipment().values()) {
                if (e.warrantyUntil() == null) {
                    continue;
                }
                long daysLeft = ChronoUnit.DAYS.between(asOf, e.warrantyUntil());
                if (daysLeft >= 0 && daysLeft <= REMINDER_DAYS) {
                    out.add(new WarrantyExpiry(customer.id(), customer.branch(), e, (int) daysLeft,
                            RenewalDue.stage(daysLeft)));
                }
            }
        }
        out.sort(Comparator.comparing((WarrantyExpiry w) -> w.equipment().warrantyUntil())
                .thenComparing(w -> w.equipment().id()));
        return out;
    }

    @Override
    public synchronized List<Reminder> remindersDue(LocalDate asOf) {
        CalendarRange.require(asOf, "asOf");
        List<Reminder> out = new ArrayList<>();
        for (RenewalDue r : renewalsDue(asOf)) {
            out.add(new Reminder("renewal:" + r.contract() + ":" + r.stage(), Reminder.Kind.RENEWAL, r.customer(),
                    "Your contract " + r.contract() + " ends on " + r.end(),
                    "Contract " + r.contract() + " ends in " + r.daysLeft() + " days (" + r.end() + "). Renew for "
                            + r.price() + " to keep your visits and cover."));
        }
        for (WarrantyExpiry w : warrantyExpiries(asOf)) {
            Equipment e = w.equipment();
            out.add(new Reminder("warranty:" + w.customer() + ":" + e.id() + ":" + w.stage(), Reminder.Kind.WARRANTY,
                    w.customer(), "Warranty of your " + (e.make() + " " + e.model()).strip() + " ends on " + e.warrantyUntil(),
                    "The warranty of " + e.type() + " serial " + e.serial() + " ends in " + w.daysLeft()
                            + " days. Ask us for an AMC to keep it covered."));
        }
        return out;
    }

    @Override
    public synchronized List<InstalmentDue> instalmentsDue(LocalDate asOf) {
        CalendarRange.require(asOf, "asOf");
        List<InstalmentDue> out = new ArrayList<>();
        for (ContractRecord c : contracts()) {
            if (!c.activated()) {
                continue;
            }
            LocalDate cancelled = c.cancelledOn(zone);
            Map<Integer, CustomerEvent.ContractInvoiced> invoiced = customers.get(c.customer()).invoices(c.id());
            for (Instalment i : Instalment.of(c.terms())) {
                if (!i.dueOn().isAfter(asOf) && (cancelled == null || i.dueOn().isBefore(cancelled))
                        && !invoiced.containsKey(i.number())) {
                    out.add(new InstalmentDue(c.id(), c.customer(), c.branch(), c.terms().plan().visitJobType(), i));
                }
            }
        }
        out.sort(Comparator.comparing((InstalmentDue d) -> d.instalment().dueOn()));
        return out;
    }

    @Override
    public synchronized ContractKpis kpis(LocalDate asOf) {
        CalendarRange.require(asOf, "asOf");
        int active = 0, renewed = 0, ended = 0, due = 0, overdue = 0;
        long revenue = 0;
        LocalDate yearAgo = asOf.minusDays(KPI_YEAR_DAYS);
        for (ContractRecord c : contracts()) {
            if (!c.activated()) {
                continue;
            }
            ContractStatus status = c.status(asOf, zone);
            boolean cancelled = status == ContractStatus.CANCELLED;
            if (status == ContractStatus.ACTIVE && !c.terms().start().isAfter(asOf)) {
                active++;
            }
            LocalDate end = c.terms().end();
            if (!cancelled && end.isAfter(yearAgo) && end.isBefore(asOf)) {
                ended++;
                if (status == ContractStatus.RENEWED) {
                    renewed++;
                }
            }
            for (CustomerEvent.ContractInvoiced invoice : customers.get(c.customer()).invoices(c.id()).values()) {
                if (invoice.date().isAfter(yearAgo) && !invoice.date().isAfter(asOf)
                        && invoice.taxableValue().currency() == currency) {
                    revenue = Math.addExact(revenue, invoice.taxableValue().minor());
                }
            }
            if (!cancelled) {
                for (ScheduledVisit v : statuses(c, asOf)) {
                    due += v.status() == VisitStatus.DUE ? 1 : 0;
                    overdue += v.status() == VisitStatus.OVERDUE ? 1 : 0;
                }
            }
        }
        return new ContractKpis(asOf, active, renewalsDue(asOf).size(), renewed, ended, Money.ofMinor(revenue, currency),
                due, overdue);
    }
}
