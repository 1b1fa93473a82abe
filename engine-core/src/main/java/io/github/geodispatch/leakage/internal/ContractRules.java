package io.github.geodispatch.leakage.internal;
import io.github.geodispatch.contract.ContractBook;
import io.github.geodispatch.contract.ContractCharges;
import io.github.geodispatch.contract.ScheduledVisit;
import io.github.geodispatch.contract.VisitStatus;
import io.github.geodispatch.customer.ContractRecord;
import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.leakage.LeakageCode;
import io.github.geodispatch.leakage.LeakagePolicy;
import io.github.geodispatch.payment.JobAccount;
import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.CoverageKind;
import io.github.geodispatch.spi.CustomerEvent;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.CustomerSite;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.SiteId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The leakage rules contracts open up, read against a {@link ContractBook}; a job is judged by them only when the
 * book knows its customer and its site ({@link ContractBook#siteOf}). On a job's service day (its completion day, else its creation day):
 * <ul>
 *   <li>AMC_CLAIM_UNCOVERED / EXPIRED_CONTRACT_WORK_NOT_BILLED: the job claims AMC but no contract covers its site
 *       and type that day — never one, or one that had lapsed (expired or cancelled). Either takes the place of the
 *       job's COVERAGE_INVALID (one finding per cause); amount: gross due less on-site payments;</li>
 *   <li>COVERED_JOB_CHARGED: a contract covering labour paid for the job (within its entitlement:
 *       {@link ContractCharges#withinEntitlement}) and the customer was charged the labour too: on-site payments or
 *       the invoice exceed the billable parts (as recorded: the front door records them at the contract's price,
 *       {@link ContractCharges#price}) and expenses by at least the quote; amount: the quote;</li>
 *   <li>EXTRA_VISIT_NOT_BILLED: the job is the contract's call beyond its entitlement and less than its quote was
 *       charged beyond the parts and expenses (no approved waiver), 24 h (the invoice grace) after completion;
 *       amount: the uncharged labour;</li>
 *   <li>CONTRACT_VISITS_MISSED (per contract, from the day after its end): preventive visits still undone;
 *       amount: the price times the missed share of the scheduled visits (rounded down).</li>
 * </ul>
 * Not thread-safe (it is part of the monitor).
 */
public final class ContractRules {
    private final LeakagePolicy policy;
    private final ContractBook book;
    private final Map<JobId, JobEvent.JobCreated> created = new HashMap<>();
    private final Map<CustomerId, CustomerJobs> jobsOfCustomer = new HashMap<>();
    /**
     * Where the book placed each job when it was last judged, and the jobs at each site: only a new site of the
     * customer can move a job, and a contract's events reach only the jobs at its sites.
     */
    private final Map<JobId, Placement> placements = new HashMap<>();
    private final Map<CustomerId, Map<SiteId, Set<JobId>>> jobsAtSite = new HashMap<>();
    /**
     * The first completion of each AMC job, per contract, in entitlement rank order: a completion moves the ranks of
     * the calls completed after it, and no other.
     */
    private final Map<ContractId, NavigableSet<Completion>> completions = new HashMap<>();
    private final Map<JobId, Completion> completionOf = new HashMap<>();
    /**
     * The service day each job at a site was last judged for: a call's completion changes the entitlement used on its
     * day and after, so it can change the findings of only those jobs judged for that day or a later one.
     */
    private final Map<JobId, LocalDate> judgedFor = new HashMap<>();

    /**
     * A job's site (null: no site of the customer within its radius) and how far it lies from the job's point: -1 when
     * the site has the job's own id, the job's radius when there is none, NaN when not known (the book placed it).
     * The nearest site within the radius wins, the last added of equally near ones; so a new site takes a job exactly
     * when it lies no farther than that distance.
     */
    private record Placement(SiteId site, double metres) {
        static final double BY_ID = -1;
    }

    /**
     * A customer's jobs as a new site of theirs may move them: by their latitude (a site farther in latitude alone
     * than the widest job radius reaches none) and by their site's id (a site with that id takes the job anywhere).
     */
    private static final class CustomerJobs {
        private final NavigableMap<Double, Set<JobId>> byLatitude = new TreeMap<>();
        private final Map<SiteId, Set<JobId>> bySiteId = new HashMap<>();
        /** How many of the jobs held have each site radius: the widest is the last key, and shrinks as jobs go. */
        private final NavigableMap<Double, Integer> radii = new TreeMap<>();

        void add(JobEvent.JobCreated job) {
            byLatitude.computeIfAbsent(job.site().location().lat(), k -> new LinkedHashSet<>()).add(job.header().job());
            bySiteId.computeIfAbsent(job.site().id(), k -> new LinkedHashSet<>()).add(job.header().job());
            radii.merge(job.site().radiusMetres(), 1, Integer::sum);
        }

        /** Removes the job; true when the customer has none left. */
        boolean remove(JobEvent.JobCreated job) {
            removeFrom(byLatitude, job.site().location().lat(), job.header().job());
            removeFrom(bySiteId, job.site().id(), job.header().job());
            radii.computeIfPresent(job.site().radiusMetres(), (radius, n) -> n == 1 ? null : n - 1);
            return bySiteId.isEmpty(); // every job is held by its site's id
        }

        /** The jobs {@code site} may take: those within the widest radius in latitude, and those naming its id. */
        Set<JobId> near(CustomerSite site) {
            double widestRadius = radii.isEmpty() ? 0 : radii.lastKey();
            double band = GeoPoint.latitudeBandDegrees(widestRadius);
            double lat = site.location().lat();
            Set<JobId> near = new LinkedHashSet<>(bySiteId.getOrDefault(site.id(), Set.of()));
            byLatitude.subMap(lat - band, true, lat + band, true).values().forEach(near::addAll);
            return near;
        }
    }

    private record Completion(Instant at, JobId job) implements Comparable<Completion> {
        @Override
        public int compareTo(Completion other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : job.compareTo(other.job);
        }
    }

    public ContractRules(LeakagePolicy policy, ContractBook book) {
        this.policy = policy;
        this.book = book;
    }

    /** Keeps what the rules need of a job event; returns the other jobs whose findings it may change. */
    public Set<JobId> accept(JobEvent event) {
        JobId job = event.header().job();
        if (event instanceof JobEvent.JobCreated c) {
            created(c);
        }
        JobEvent.JobCreated c = created.get(job);
        if (c != null && event instanceof JobEvent.StatusChanged s && s.status() == JobStatus.COMPLETED) {
            return completed(c, s.header().occurredAt());
        }
        return Set.of();
    }

    /**
     * Takes a job fed before these rules were turned on: its creation and its first completion (null: none yet). The
     * caller judges every job again.
     */
    public void seed(JobEvent.JobCreated job, Instant firstCompletion) {
        created(job);
        if (firstCompletion != null) {
            completed(job, firstCompletion);
        }
    }

    private void created(JobEvent.JobCreated c) {
        if (created.putIfAbsent(c.header().job(), c) == null) {
            jobsOfCustomer.computeIfAbsent(c.customer(), k -> new CustomerJobs()).add(c);
        }
    }

    /** A job's completion at {@code at}; returns the other jobs whose findings its first completion may change. */
    private Set<JobId> completed(JobEvent.JobCreated c, Instant at) {
        JobId job = c.header().job();
        ContractId contract = amcReference(c);
        if (contract == null || completionOf.containsKey(job)) {
            return Set.of();
        }
        // the job's first completion (the one the book ranks by) moves up the calls completed after it
        Completion completion = new Completion(at, job);
        completionOf.put(job, completion);
        NavigableSet<Completion> ofContract = completions.computeIfAbsent(contract, k -> new TreeSet<>());
        ofContract.add(completion);
        Set<JobId> later = new LinkedHashSet<>();
        for (Completion after : ofContract.tailSet(completion, false)) {
            later.add(after.job());
        }
        // and it uses up the entitlement the contract's other jobs at its sites (not calls on it) are judged by, from
        // its day on
        LocalDate day = LocalDate.ofInstant(at, book.zone());
        book.contract(contract).ifPresent(k -> {
            Map<SiteId, Set<JobId>> atSites = jobsAtSite.getOrDefault(k.customer(), Map.of());
            for (SiteId site : k.terms().sites()) {
                for (JobId other : atSites.getOrDefault(site, Set.of())) {
                    LocalDate judged = judgedFor.get(other);
                    if ((judged == null || !judged.isBefore(day)) && !claims(created.get(other), contract)) {
                        later.add(other);
                    }
                }
            }
        });
        return later;
    }

    /** Lets go of {@code job} (the monitor let it go): it is no longer judged again when its contract moves. */
    public void forget(JobId job) {
        JobEvent.JobCreated c = created.remove(job);
        if (c == null) {
            return;
        }
        CustomerJobs ofCustomer = jobsOfCustomer.get(c.customer());
        if (ofCustomer.remove(c)) {
            jobsOfCustomer.remove(c.customer());
        }
        unplace(c);
        judgedFor.remove(job);
        ContractId contract = amcReference(c);
        if (contract != null) {
            Completion completion = completionOf.remove(job);
            NavigableSet<Completion> ofContract = completions.get(contract);
            if (completion != null && ofContract != null && ofContract.remove(completion) && ofContract.isEmpty()) {
                completions.remove(contract);
            }
        }
    }

    private static <K> void removeFrom(Map<K, Set<JobId>> map, K key, JobId job) {
        Set<JobId> jobs = map.get(key);
        if (jobs != null && jobs.remove(job) && jobs.isEmpty()) {
            map.remove(key);
        }
    }

    /**
     * The jobs whose findings {@code event}, already taken by the book, may change: for a new site, the customer's
     * jobs it may now place (their site has its id, or it lies within their radius); for a contract activated or
     * cancelled, the jobs at its sites. Nothing else a customer records is read by these rules: a draft covers
     * nothing until it is activated, the contract a renewal renews gains only its successor's id, and the profile,
     * equipment and contract invoices are not read.
     */
    public Set<JobId> affectedBy(CustomerEvent event) {
        CustomerId customer = event.header().customer();
        Set<JobId> affected = new LinkedHashSet<>();
        if (event instanceof CustomerEvent.SiteAdded added) {
            CustomerJobs ofCustomer = jobsOfCustomer.get(customer);
            if (ofCustomer != null) {
                for (JobId job : ofCustomer.near(added.site())) {
                    Placement placed = placements.get(job);
                    if (placed != null && moves(created.get(job), placed, added.site())) {
                        affected.add(job);
                    }
                }
            }
        } else if (event instanceof CustomerEvent.ContractActivated activated) {
            addJobsAt(customer, activated.contract(), affected);
        } else if (event instanceof CustomerEvent.ContractCancelled cancelled) {
            addJobsAt(customer, cancelled.contract(), affected);
        }
        return affected;
    }

    private void addJobsAt(CustomerId customer, ContractId contract, Set<JobId> affected) {
        Map<SiteId, Set<JobId>> atSites = jobsAtSite.getOrDefault(customer, Map.of());
        book.contract(contract).ifPresent(c -> c.terms().sites()
                .forEach(site -> affected.addAll(atSites.getOrDefault(site, Set.of()))));
    }

    /**
     * Whether the customer's new {@code site} moves {@code job}, placed as {@code placed}; if so, places it anew (at
     * the new site, or not at all when how far its site lay was not known: the book places it at its next judgement).
     */
    private boolean moves(JobEvent.JobCreated job, Placement placed, CustomerSite site) {
        if (site.id().equals(job.site().id())) {
            place(job, new Placement(site.id(), Placement.BY_ID));
            return true;
        }
        if (placed.metres() == Placement.BY_ID) {
            return false;
        }
        if (site.id().equals(placed.site())) { // its site moved (the customer's rules refuse that; a stream may hold it)
            unplace(job);
            return true;
        }
        // the great-circle distance is at least the earth's radius times the latitude difference (less a margin
        // for rounding): a site farther than that in latitude alone is no nearer, and costs no distance
        double byLatitude = Math.toRadians(Math.abs(site.location().lat() - job.site().location().lat()))
                * GeoPoint.EARTH_RADIUS_M * (1 - 1e-9);
        double bound = Double.isNaN(placed.metres()) ? job.site().radiusMetres() : placed.metres();
        if (byLatitude > bound) {
            return false;
        }
        double metres = site.location().distanceMetres(job.site().location());
        if (metres > bound) {
            return false;
        }
        if (Double.isNaN(placed.metres())) {
            unplace(job);
        } else {
            place(job, new Placement(site.id(), metres));
        }
        return true;
    }

    /** The job's site as the book places it, kept until a new site of the customer may move it. */
    private SiteId place(JobEvent.JobCreated job) {
        Placement placed = placements.get(job.header().job());
        if (placed == null) {
            SiteId site = book.siteOf(job.customer(), job.site()).orElse(null);
            placed = new Placement(site, site == null ? job.site().radiusMetres()
                    : site.equals(job.site().id()) ? Placement.BY_ID : Double.NaN);
            place(job, placed);
        }
        return placed.site();
    }

    private void place(JobEvent.JobCreated job, Placement placement) {
        unplace(job);
        JobId id = job.header().job();
        placements.put(id, placement);
        if (placement.site() != null) {
            jobsAtSite.computeIfAbsent(job.customer(), k -> new HashMap<>())
                    .computeIfAbsent(placement.site(), k -> new LinkedHashSet<>()).add(id);
        }
    }

    private void unplace(JobEvent.JobCreated job) {
        Placement placed = placements.remove(job.header().job());
        if (placed != null && placed.site() != null) {
            Map<SiteId, Set<JobId>> atSites = jobsAtSite.get(job.customer());
            removeFrom(atSites, placed.site(), job.header().job());
            if (atSites.isEmpty()) {
                jobsAtSite.remove(job.customer());
            }
        }
    }

    /** The job's findings with the contract rules applied: COVERAGE_INVALID refined, contract findings added. */
    public List<Finding> refine(JobFacts f, List<Finding> found) {
        JobEvent.JobCreated job = created.get(f.account.job());
        SiteId site = job == null ? null : place(job);
        if (site == null) {
            return found;
        }
        JobAccount a = f.account;
        Instant serviceAt = a.completedAt() != null ? a.completedAt() : job.header().occurredAt();
        LocalDate day = LocalDate.ofInstant(serviceAt, book.zone());
        judgedFor.put(a.job(), day);
        List<Finding> out = new ArrayList<>(found);
        ContractRecord covering = book.covering(job.customer(), site, job.jobType(), day).orElse(null);
        JobEvent.PaymentRecorded claim = amcClaim(f);
        if (claim != null && covering == null) {
            out.removeIf(x -> x.code() == LeakageCode.COVERAGE_INVALID);
            ContractRecord lapsed = book.lapsed(job.customer(), site, job.jobType(), day).orElse(null);
            List<String> evidence = new ArrayList<>(List.of(f.createdEvent(), claim.header().eventId().toString()));
            if (lapsed != null) {
                evidence.add(lapsed.draftedEvent().toString());
            }
            out.add(finding(lapsed == null ? LeakageCode.AMC_CLAIM_UNCOVERED : LeakageCode.EXPIRED_CONTRACT_WORK_NOT_BILLED,
                    f, lapsed == null ? claim.reference() : lapsed.id().value(), nonNegative(a.grossDue().minus(a.paidOnSite())),
                    evidence, claim.header().occurredAt()));
        }
        if (covering != null && a.completedAt() != null) {
            OptionalInt rank = book.entitlementRank(covering.id(), a.job());
            boolean beyond = !ContractCharges.withinEntitlement(book, covering, a.job(), day);
            Money quote = job.quote();
            Money labourCharged = labourCharged(a, quote);
            if (covering.terms().plan().labourCovered() && !beyond && quote.isPositive() && labourCharged.compareTo(quote) >= 0) {
                out.add(charged(f, covering, quote));
            } else if (beyond && rank.isPresent() && quote.isPositive() && labourCharged.compareTo(quote) < 0 && !a.waived()) {
                out.add(finding(LeakageCode.EXTRA_VISIT_NOT_BILLED, f, covering.id().value(), quote.minus(labourCharged),
                        List.of(f.createdEvent(), f.completedEvent.toString(), covering.draftedEvent().toString()),
                        a.completedAt().plus(policy.invoiceGrace())));
            }
        }
        return out;
    }

    /** COVERED_JOB_CHARGED, detected at the last of the charges (on-site payments, invoice). */
    private Finding charged(JobFacts f, ContractRecord covering, Money quote) {
        List<String> evidence = new ArrayList<>(List.of(f.createdEvent(), covering.draftedEvent().toString()));
        Instant at = f.account.completedAt();
        for (JobEvent.PaymentRecorded p : f.payments) {
            if (p.mode().settlesOnSite()) {
                evidence.add(p.header().eventId().toString());
                at = later(at, p.header().occurredAt());
            }
        }
        JobEvent.InvoiceHandedOff invoice = f.account.invoice();
        if (invoice != null) {
            evidence.add(invoice.header().eventId().toString());
            at = later(at, invoice.header().occurredAt());
        }
        return finding(LeakageCode.COVERED_JOB_CHARGED, f, covering.id().value(), quote, evidence, at);
    }

    /** CONTRACT_VISITS_MISSED of every activated, never cancelled contract that ended before {@code asOf}'s day. */
    public List<Finding> ended(Instant asOf) {
        LocalDate today = LocalDate.ofInstant(asOf, book.zone());
        List<Finding> out = new ArrayList<>();
        for (ContractRecord c : book.contracts()) {
            LocalDate end = c.terms().end();
            if (!c.activated() || c.cancelledAt() != null || !end.isBefore(today)) {
                continue;
            }
            List<ScheduledVisit> visits = book.visitStatuses(c.id(), end);
            long missed = visits.stream().filter(v -> v.status() != VisitStatus.DONE).count();
            if (missed == 0) {
                continue;
            }
            Money price = c.terms().price();
            Money atRisk = Money.ofMinor(Math.multiplyExact(price.minor(), missed) / visits.size(), price.currency());
            out.add(new Finding(LeakageCode.CONTRACT_VISITS_MISSED, null, null, c.branch(), c.id().value(), atRisk,
                    List.of(c.draftedEvent().toString()), end.plusDays(1).atStartOfDay(book.zone()).toInstant()));
        }
        return out;
    }

    /** Whether the job's AMC coverage names {@code contract} (without making a contract id for it). */
    private static boolean claims(JobEvent.JobCreated job, ContractId contract) {
        return job.coverage() != null && job.coverage().kind() == CoverageKind.AMC
                && job.coverage().reference().equals(contract.value());
    }

    /** The contract a job's AMC coverage names (null: none). */
    private static ContractId amcReference(JobEvent.JobCreated job) {
        return job.coverage() != null && job.coverage().kind() == CoverageKind.AMC
                ? ContractId.of(job.coverage().reference()) : null;
    }

    private static JobEvent.PaymentRecorded amcClaim(JobFacts f) {
        for (JobEvent.PaymentRecorded p : f.payments) {
            if (p.mode() == PaymentMode.AMC) {
                return p;
            }
        }
        return null;
    }

    /**
     * What was charged beyond the billable parts and expenses (gross due less the quote): the larger of the on-site
     * payments and the invoice total, less those extras.
     */
    private static Money labourCharged(JobAccount a, Money quote) {
        Money charged = a.paidOnSite();
        if (a.invoice() != null && a.invoice().total().compareTo(charged) > 0) {
            charged = a.invoice().total();
        }
        return nonNegative(charged.minus(a.grossDue().minus(quote)));
    }

    private Finding finding(LeakageCode code, JobFacts f, String reference, Money amount, List<String> evidence, Instant at) {
        JobAccount a = f.account;
        return new Finding(code, a.job(), a.technician(), a.branch(), reference, amount, evidence, at);
    }

    private static Instant later(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }

    private static Money nonNegative(Money m) {
        return m.isNegative() ? Money.zero(m.currency()) : m;
    }
}
