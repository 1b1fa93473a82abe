package io.github.geodispatch.leakage;
import io.github.geodispatch.contract.ContractBook;
import io.github.geodispatch.leakage.internal.ContractRules;
import io.github.geodispatch.geofence.SpoofSignal;
import io.github.geodispatch.geofence.SuspectVisitPolicy;
import io.github.geodispatch.leakage.internal.EventIdSet;
import io.github.geodispatch.leakage.internal.JobFacts;
import io.github.geodispatch.leakage.internal.LooseCredits;
import io.github.geodispatch.leakage.internal.Rules;
import io.github.geodispatch.leakage.internal.StockRules;
import io.github.geodispatch.leakage.internal.TouchOrder;
import io.github.geodispatch.leakage.internal.VisitBook;
import io.github.geodispatch.payment.CashDeposit;
import io.github.geodispatch.payment.CashLedger;
import io.github.geodispatch.payment.CollectionsView;
import io.github.geodispatch.payment.CreditMatch;
import io.github.geodispatch.payment.JobAccount;
import io.github.geodispatch.payment.Reconciler;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.CalendarRange;
import io.github.geodispatch.spi.CustomerEvent;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.StatementCredit;
import io.github.geodispatch.spi.StockEvent;
import io.github.geodispatch.spi.TechnicianId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the leakage rules incrementally. Feed it what happens, in any order and more than once (job events
 * are idempotent on their event id, credits on their UTR/TransID, deposits on their slip reference):
 * {@link #accept(JobEvent)} from the engine's event listener, {@link #accept(StatementCredit)} from a
 * {@code PaymentFeed}, {@link #accept(CashDeposit)}, {@link #visit} from the visit detector; and
 * ask {@link #findings(Instant)} at any time. Each input re-evaluates only what it can change: its job; the other
 * jobs claiming its payment reference when the claim that reference belongs to changes; the credits of its reference
 * or bill reference; the unlinked credits of its amount within the amount-match window of its time. So the cost per
 * input does not grow with history, nor with how many jobs share a reference (only with a day's credits of one
 * amount); a journal audit ({@link LeakageAudit}) feeds the very same
 * methods, so live and batch give the same findings.
 *
 * <p>A finding's {@code detectedAt} is when its condition held and its grace ran out; {@code findings(asOf)}
 * returns the findings whose {@code detectedAt} is not after {@code asOf}, given everything fed so far (feed
 * only what happened up to {@code asOf} to audit a past moment).
 *
 * <p>Memory: {@link #retire} lets go of what nothing has touched for a while (done jobs, their claims, credits,
 * sites and stays, settled cash), keeping their findings as they stand, so a long-running monitor or a long
 * audit holds the live state only, not the whole history.
 *
 * <p>Not thread-safe: feed and query from one thread (an engine listener thread), or guard externally.
 */
public final class LeakageMonitor {
    private final LeakagePolicy policy;
    private final Rules rules;
    private final Reconciler reconciler;
    private final CashLedger cash = new CashLedger();
    private final Map<JobId, JobFacts> jobs = new HashMap<>();
    private final TouchOrder touchOrder = new TouchOrder();
    private final Map<TechnicianId, BranchId> technicianBranches = new HashMap<>();
    /** Credits not firmly linked (no bill reference or payment reference match yet): only they can move. */
    private final LooseCredits looseCredits;
    private final Map<String, List<StatementCredit>> creditsByBillRef = new HashMap<>();
    private final Map<String, CreditMatch> creditLinks = new HashMap<>();
    private final Map<JobId, Set<String>> linkedCredits = new HashMap<>();
    private final Map<JobId, List<Finding>> jobFindings = new HashMap<>();
    private final Map<String, Finding> creditFindings = new HashMap<>();
    /** When each credit was last (re)linked, by reference. */
    private final Map<String, Instant> creditsTouched = new HashMap<>();
    /** The findings of what was let go, as they stood. */
    private final List<Finding> settled = new ArrayList<>();
    /** The latest time of anything fed: events, credits, deposits, stays. */
    private Instant clock = Instant.MIN;
    private final VisitBook visits;
    /** Visits begun and not yet ended, by site: {@link #retire} keeps the jobs they can still change. */
    private final Map<SiteId, List<OpenVisit>> openVisits = new HashMap<>();
    private final StockRules stock = new StockRules();
    private final Set<JobId> dirtyJobs = new LinkedHashSet<>();
    /** Stock events seen, for idempotence (job events keep theirs per job, so that retiring a job lets them go). */
    private final EventIdSet stockEventIds = new EventIdSet();
    private final Set<String> dirtyCredits = new LinkedHashSet<>();
    /** The contract rules, once {@link #contracts} gave the book they read. */
    private ContractRules contractRules;

    private LeakageMonitor(LeakagePolicy policy) {
        this.policy = policy;
        this.reconciler = new Reconciler(policy.amountMatchWindow());
        this.looseCredits = new LooseCredits(policy.amountMatchWindow());
        this.rules = new Rules(policy, reconciler, this::linkedCredits, stock);
        this.visits = new VisitBook(policy);
    }

    /** A monitor with {@link LeakagePolicy#defaults()}. */
    public static LeakageMonitor create() {
        return new LeakageMonitor(LeakagePolicy.defaults());
    }

    public static LeakageMonitor create(LeakagePolicy policy) {
        return new LeakageMonitor(Objects.requireNonNull(policy, "policy"));
    }

    public LeakagePolicy policy() {
        return policy;
    }

    /** Registers a technician's home branch (the branch of their cash and visit findings). */
    public void technician(TechnicianId technician, BranchId branch) {
        technicianBranches.put(Objects.requireNonNull(technician, "technician"), Objects.requireNonNull(branch, "branch"));
        reconciler.technician(technician);
    }

    /**
     * Turns the contract rules on, reading {@code book} (its coverage, entitlements and visits must already reflect
     * each job event fed here); the rules learn the jobs fed before (their creation and first completion), and each job
     * is judged again. Then feed each customer event the book takes to {@link #customerChanged}.
     */
    public void contracts(ContractBook book) {
        contractRules = new ContractRules(policy, Objects.requireNonNull(book, "contract book"));
        for (JobFacts facts : jobs.values()) { // the jobs fed before: the rules learn them as they are now
            if (facts.created() != null) {
                contractRules.seed(facts.created(), facts.account.completedAt());
            }
        }
        dirtyJobs.addAll(jobs.keySet());
        flush();
    }

    /**
     * The book (see {@link #contracts}) has taken {@code event}: the jobs whose findings it may change are judged
     * again (a new site: the customer's jobs near it; a contract activated or cancelled: the jobs at its sites).
     */
    public void customerChanged(CustomerEvent event) {
        if (contractRules != null) {
            dirtyJobs.addAll(contractRules.affectedBy(Objects.requireNonNull(event, "customer event")));
            flush();
        }
    }

    /** Feeds one job event; a repeated event id changes nothing. */
    public void accept(JobEvent event) {
        JobId id = event.header().job();
        JobFacts facts = jobs.get(id);
        if (facts == null) {
            facts = new JobFacts(id, policy.zone());
            jobs.put(id, facts);
            touchOrder.touched(facts, clock);
        }
        if (!facts.eventIds.add(event.header().eventId())) {
            return;
        }
        tick(event.header().occurredAt());
        boolean counts = facts.apply(event);
        // the visit book is read by the visit rules only: with them off it is not kept (a job's site, assignment
        // days and completion would otherwise stay in memory for nothing)
        boolean visitRules = policy.visitRules();
        if (event instanceof JobEvent.JobCreated created) {
            reconciler.job(id);
            dirtyCredits(creditsByBillRef.get(id.value()));
            if (visitRules) {
                visits.site(id, created.site(), created.quote().currency());
            }
        } else if (event instanceof JobEvent.JobAssigned a) {
            if (visitRules) {
                visits.assigned(a.technician(), id, a.header().occurredAt());
            }
        } else if (event instanceof JobEvent.StatusChanged s && s.status() == JobStatus.COMPLETED) {
            if (visitRules) {
                visits.completed(id, s.header().occurredAt());
            }
        } else if (event instanceof JobEvent.PaymentRecorded p && counts) {
            payment(facts, p);
        }
        if (contractRules != null) {
            dirtyJobs.addAll(contractRules.accept(event));
        }
        judgeAgain(id);
    }

    /** Feeds one statement credit; a repeated UTR/TransID changes nothing. */
    public void accept(StatementCredit credit) {
        if (!reconciler.credit(credit)) {
            return;
        }
        tick(credit.at());
        looseCredits.add(credit);
        if (credit.billRef() != null) {
            creditsByBillRef.computeIfAbsent(credit.billRef(), r -> new ArrayList<>(1)).add(credit);
        }
        dirtyCredits.add(credit.reference());
        // the credit verifies the claims carrying its reference: they stop competing for amount matches
        for (Reconciler.Claim claim : reconciler.claims(credit.reference())) {
            dirtyJobs.add(claim.job());
            dirtyLoose(claim.amount(), claim.at());
        }
        flush();
    }

    /** Feeds one stock event (movements, counts, the catalogue, locations); a repeated event id changes nothing. */
    public void accept(StockEvent event) {
        if (stockEventIds.add(event.header().eventId())) {
            tick(event.header().occurredAt());
            JobId job = stock.apply(event);
            if (job != null) {
                judgeAgain(job);
            }
        }
    }

    /**
     * A record of {@code job} at {@code at} that this monitor's rules do not read (a payment, to a monitor that runs
     * only the stock rules): the job counts as touched then, so {@link #retire} lets it go only the window after its
     * last record, as if it had been fed. Nothing when the job is not held.
     */
    public void touch(JobId job, Instant at) {
        CalendarRange.require(at, "at");
        JobFacts facts = jobs.get(job);
        if (facts != null) {
            tick(at);
            touchOrder.touched(facts, clock);
        }
    }

    /** Feeds one cash deposit; a repeated slip reference changes nothing. */
    public void accept(CashDeposit deposit) {
        if (cash.deposited(deposit)) {
            tick(deposit.at());
        }
    }

    private record OpenVisit(TechnicianId technician, Instant from) {}

    /**
     * Says that a stay of {@code technician} at {@code site} from {@code from} has become a visit and goes on (the
     * visit detector's {@code VisitStarted}). Until it ends ({@link #visit} or {@link #suspectVisit} with the same
     * technician, site and start), {@link #retire} keeps the done jobs it can still change: a technician who stays on
     * at the site of a job they completed, and then goes quiet, would otherwise have the job let go with GHOST_VISIT
     * before the visit that clears it is reported.
     */
    public void visitStarted(TechnicianId technician, SiteId site, Instant from) {
        openVisits.computeIfAbsent(Objects.requireNonNull(site, "site"), s -> new ArrayList<>(1))
                .add(new OpenVisit(Objects.requireNonNull(technician, "technician"), CalendarRange.require(from, "from")));
    }

    /**
     * Feeds one stay of {@code technician} inside the fence of {@code site} (a job's site, as the visit
     * detector reports it), from {@code from} to {@code to}.
     */
    public void visit(TechnicianId technician, SiteId site, Instant from, Instant to) {
        suspectVisit(technician, site, from, to, Set.of(), SuspectVisitPolicy.FLAG);
    }

    /**
     * Feeds one stay built from pings that raised {@code signals} (a stay with none is an ordinary visit). Under
     * {@link SuspectVisitPolicy#FLAG} it counts as a visit, and a job that only such stays back is a SUSPECT_VISIT;
     * under {@link SuspectVisitPolicy#REFUSE} it is no visit, and is named in the job's GHOST_VISIT.
     */
    public void suspectVisit(TechnicianId technician, SiteId site, Instant from, Instant to, Set<SpoofSignal> signals,
                             SuspectVisitPolicy policy) {
        CalendarRange.require(from, "from");
        CalendarRange.require(to, "to");
        List<OpenVisit> open = openVisits.get(site);
        if (open != null && open.remove(new OpenVisit(technician, from)) && open.isEmpty()) {
            openVisits.remove(site);
        }
        tick(to);
        // only the jobs whose visit findings the stay can change are judged (and so touched) again: a site visited
        // day after day would otherwise keep its done jobs from ever being let go
        for (JobId job : visits.visit(technician, site, from, to, signals, policy == SuspectVisitPolicy.REFUSE)) {
            JobFacts facts = jobs.get(job);
            if (facts != null && Rules.stayCanChange(facts, technician, from, to)) {
                dirtyJobs.add(job);
            }
        }
        flush();
    }

    /**
     * What {@link #retire} let go: the jobs, and the sites no kept job uses (a visit detector may drop their fences;
     * none with the visit rules off, when the monitor keeps no sites).
     */
    public record Retired(List<JobId> jobs, List<SiteId> sites) {
        public Retired {
            jobs = List.copyOf(jobs);
            sites = List.copyOf(sites);
        }
    }

    /**
     * Lets go of what nothing has touched since {@code before}, keeping the findings as they stand: every job that
     * is done (completed, closed or cancelled, or never created) with its claims, the credits linked to it, its site,
     * its stays and what left stock for it (van takes for it stand explained); credits linked to no job; long stays
     * that ended before it (judged for OFF_BOOK_VISIT now); the cash its deposits settled (see
     * {@link CashLedger#settle}); days of assignments before it, but for those a visit still going on began on.
     * It keeps a done job that a visit still going on ({@link #visitStarted}) can change. "Touched" means fed an
     * event of the job, or a credit, claim or stay that re-examined it. Afterwards an input that would have touched
     * what was let go finds it gone: a record for the job starts a new one, a credit paying it links elsewhere or to
     * nothing, a claim reusing its payment reference is no duplicate, a stay at its site is not judged, a van take for
     * it is unexplained; {@link #collections} and positions before {@code before} leave it out. So call it with a time
     * far enough back that nothing will touch what it lets go (a batch audit uses a window of weeks).
     */
    public Retired retire(Instant before) {
        CalendarRange.require(before, "before");
        if (policy.visitRules()) {
            settled.addAll(visits.settleStays(before, this::branchOf));
        }
        List<JobId> gone = new ArrayList<>();
        List<SiteId> sites = new ArrayList<>();
        // oldest touch first; the walk ends at the first job touched since the cut
        for (JobFacts facts = touchOrder.first(), next; facts != null && facts.touchedBefore(before); facts = next) {
            next = touchOrder.next(facts);
            if (!facts.done() || stillVisited(facts)) {
                continue;
            }
            JobId job = facts.job;
            touchOrder.remove(facts);
            jobs.remove(job);
            gone.add(job);
            List<Finding> found = jobFindings.remove(job);
            if (found != null) {
                settled.addAll(found);
            }
            reconciler.forget(job, facts.claims);
            for (String reference : linkedCredits.getOrDefault(job, Set.of())) {
                forgetCredit(reference);
            }
            linkedCredits.remove(job);
            visits.forgetJob(job, openVisitsAt(facts).size()).ifPresent(sites::add);
            if (contractRules != null) {
                contractRules.forget(job);
            }
        }
        sites.addAll(visits.takeReleasedSites());
        stock.forget(new HashSet<>(gone));
        List<String> unlinked = new ArrayList<>();
        for (Map.Entry<String, Instant> e : creditsTouched.entrySet()) {
            if (e.getValue().isBefore(before) && !creditLinks.containsKey(e.getKey())) {
                unlinked.add(e.getKey());
            }
        }
        for (String reference : unlinked) {
            Finding finding = creditFindings.remove(reference);
            if (finding != null) {
                settled.add(finding);
            }
            forgetCredit(reference);
        }
        cash.settle(before);
        visits.forgetBefore(earliestOpenVisit(before));
        return new Retired(gone, sites);
    }

    /**
     * Whether a visit still going on can change the job's findings: its technician's, at its site, begun by its
     * completion (one that began later cannot, so a campus visited every day does not keep its done jobs).
     */
    private boolean stillVisited(JobFacts facts) {
        for (OpenVisit v : openVisitsAt(facts)) {
            if (Rules.stayCanChange(facts, v.technician(), v.from(), Instant.MAX)) {
                return true;
            }
        }
        return false;
    }

    /** The visits still going on at the job's site. */
    private List<OpenVisit> openVisitsAt(JobFacts facts) {
        return openVisits.isEmpty() || facts.created() == null ? List.of()
                : openVisits.getOrDefault(facts.created().site().id(), List.of());
    }

    /** The start of the earliest visit still going on, if before {@code cut} (the days it may be judged against). */
    private Instant earliestOpenVisit(Instant cut) {
        Instant earliest = cut;
        for (List<OpenVisit> open : openVisits.values()) {
            for (OpenVisit v : open) {
                if (v.from().isBefore(earliest)) {
                    earliest = v.from();
                }
            }
        }
        return earliest;
    }

    /** How many jobs the monitor holds now (see {@link #retire}). */
    public int jobsHeld() {
        return jobs.size();
    }

    /** How many sites of no job held the visit rules keep for stays still to be judged there (for tests). */
    int lapsedSitesHeld() {
        return visits.lapsedSitesHeld();
    }

    private void forgetCredit(String reference) {
        reconciler.credit(reference).ifPresent(credit -> {
            looseCredits.remove(credit);
            if (credit.billRef() != null) {
                List<StatementCredit> byBill = creditsByBillRef.get(credit.billRef());
                if (byBill != null && byBill.remove(credit) && byBill.isEmpty()) {
                    creditsByBillRef.remove(credit.billRef());
                }
            }
        });
        reconciler.forgetCredit(reference);
        creditLinks.remove(reference);
        creditsTouched.remove(reference);
    }

    private void tick(Instant at) {
        if (at.isAfter(clock)) {
            clock = at;
        }
    }

    /**
     * The findings of the codes the policy reports whose {@code detectedAt} is not after {@code asOf}, ordered by time,
     * code, job, technician, reference.
     */
    public List<Finding> findings(Instant asOf) {
        CalendarRange.require(asOf, "asOf");
        List<Finding> out = new ArrayList<>();
        for (Finding f : settled) {
            if (!f.detectedAt().isAfter(asOf)) {
                out.add(f);
            }
        }
        for (List<Finding> list : jobFindings.values()) {
            for (Finding f : list) {
                if (!f.detectedAt().isAfter(asOf)) {
                    out.add(f);
                }
            }
        }
        for (Finding f : creditFindings.values()) {
            if (!f.detectedAt().isAfter(asOf)) {
                out.add(f);
            }
        }
        for (TechnicianId t : cash.technicians()) {
            rules.cashNotDeposited(cash.position(t, asOf), branchOf(t)).ifPresent(out::add);
        }
        if (policy.visitRules()) {
            out.addAll(visits.offBook(asOf, this::branchOf));
        }
        if (contractRules != null) {
            out.addAll(contractRules.ended(asOf));
        }
        out.addAll(stock.findings(asOf, jobs::containsKey));
        out.removeIf(f -> !policy.reports(f.code()));
        out.sort(ORDER);
        return out;
    }

    /** Pending collections and cash in hand by technician, route and branch, at {@code asOf}. */
    public CollectionsView collections(Instant asOf) {
        CalendarRange.require(asOf, "asOf");
        List<JobAccount> accounts = new ArrayList<>(jobs.size());
        for (JobFacts f : jobs.values()) {
            accounts.add(f.account);
        }
        return CollectionsView.of(accounts, cash, this::branchOf, asOf, policy.zone());
    }

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::detectedAt)
            .thenComparing(Finding::code)
            .thenComparing(f -> f.job() == null ? "" : f.job().value())
            .thenComparing(f -> f.technician() == null ? "" : f.technician().value())
            .thenComparing(f -> f.reference() == null ? "" : f.reference());

    private void payment(JobFacts facts, JobEvent.PaymentRecorded p) {
        JobId job = p.header().job();
        TechnicianId technician = facts.account.technician();
        if (p.mode() == PaymentMode.CASH && technician != null) {
            cash.collected(technician, job, p.header().occurredAt(), p.amount(), p.header().eventId().toString());
        }
        if (Reconciler.traceable(p.mode())) {
            String reference = p.reference();
            Reconciler.Claim claim = new Reconciler.Claim(job, technician, p.mode(), p.amount(), reference,
                    p.header().occurredAt(), p.header().eventId());
            Optional<Reconciler.Claim> firstBefore =
                    reference == null ? Optional.empty() : reconciler.firstOfSeveral(reference);
            reconciler.claim(claim);
            facts.claims.add(claim);
            if (reference != null) {
                // the other jobs claiming the reference read only the claim it belongs to: when that stays, so do they
                // (a reference typed on many jobs, such as "NA", then costs one job's judgement, not all of theirs)
                if (!reconciler.firstOfSeveral(reference).equals(firstBefore)) {
                    dirtyClaimants(reference);
                }
                dirtyCredits.add(reference);
            }
            dirtyLoose(p.amount(), p.header().occurredAt());
        }
    }

    /** A claim of {@code amount} at {@code claimedAt} changed: the loose credits it can move are examined again. */
    private void dirtyLoose(Money amount, Instant claimedAt) {
        looseCredits.near(amount, claimedAt, dirtyCredits::add);
    }

    /** The jobs claiming {@code reference} are judged again. */
    private void dirtyClaimants(String reference) {
        for (Reconciler.Claim claim : reconciler.claims(reference)) {
            dirtyJobs.add(claim.job());
        }
    }

    private void dirtyCredits(List<StatementCredit> credits) {
        if (credits != null) {
            for (StatementCredit c : credits) {
                dirtyCredits.add(c.reference());
            }
        }
    }

    /**
     * Marks {@code job} dirty and flushes: when nothing else is dirty (one job event, the usual case), the job is
     * judged at once, as {@link #flush} would judge it, without passing through the dirty set.
     */
    private void judgeAgain(JobId job) {
        if (dirtyJobs.isEmpty() && dirtyCredits.isEmpty()) {
            judge(job);
        } else {
            dirtyJobs.add(job);
        }
        flush();
    }

    private void flush() {
        while (!dirtyCredits.isEmpty() || !dirtyJobs.isEmpty()) {
            if (!dirtyCredits.isEmpty()) {
                String reference = dirtyCredits.iterator().next();
                dirtyCredits.remove(reference);
                relink(reference);
                continue;
            }
            JobId job = dirtyJobs.iterator().next();
            dirtyJobs.remove(job);
            judge(job);
        }
    }

    /** Runs the job rules on {@code job} again and keeps what they find. */
    private void judge(JobId job) {
        JobFacts facts = jobs.get(job);
        if (facts != null) {
            touchOrder.touched(facts, clock);
        }
        if (facts != null && facts.account.created()) {
            List<Finding> found = rules.job(facts, visits);
            if (contractRules != null) {
                found = contractRules.refine(facts, found);
            }
            if (found.isEmpty()) {
                jobFindings.remove(job);
            } else {
                jobFindings.put(job, found);
            }
        }
    }

    private void relink(String reference) {
        Optional<StatementCredit> credit = reconciler.credit(reference);
        if (credit.isEmpty()) {
            return;
        }
        creditsTouched.put(reference, clock);
        Optional<CreditMatch> match = reconciler.match(credit.get());
        CreditMatch before = creditLinks.get(reference);
        JobId was = before == null ? null : before.job();
        JobId now = match.map(CreditMatch::job).orElse(null);
        if (!Objects.equals(was, now)) {
            // which claim of the credit's reference is the first (the others duplicates) follows the credit's link
            dirtyClaimants(reference);
            if (was != null) {
                linkedCredits.get(was).remove(reference);
                dirtyJobs.add(was);
            }
            if (now != null) {
                linkedCredits.computeIfAbsent(now, j -> new HashSet<>(2)).add(reference);
                dirtyJobs.add(now);
            }
        }
        if (match.isPresent()) {
            creditLinks.put(reference, match.get());
            creditFindings.remove(reference);
            if (match.get().basis() != CreditMatch.Basis.AMOUNT_AND_TIME) {
                // a bill-reference or payment-reference link never changes again: stop re-examining it
                looseCredits.remove(credit.get());
            }
        } else {
            creditLinks.remove(reference);
            creditFindings.put(reference, rules.unlinked(credit.get()));
        }
    }

    private Set<String> linkedCredits(JobId job) {
        return linkedCredits.getOrDefault(job, Set.of());
    }

    private BranchId branchOf(TechnicianId technician) {
        return technicianBranches.get(technician);
    }
}
