package io.github.geodispatch.leakage.internal;
import io.github.geodispatch.job.ProofRequirement;
import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.leakage.LeakageCode;
import io.github.geodispatch.leakage.LeakagePolicy;
import io.github.geodispatch.payment.CashLedger;
import io.github.geodispatch.payment.JobAccount;
import io.github.geodispatch.payment.Reconciler;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.StatementCredit;
import io.github.geodispatch.spi.TechnicianId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The leakage rules, one method per rule, each a pure function of the indexed facts it is given. One finding
 * per cause: no payment status, an invalid coverage claim, a pending promise, an INVOICE_REQUIRED job or an
 * approved waiver each exclude SHORT_COLLECTION; a duplicate claim is not also unverified, nor part of the
 * claims CREDIT_BELOW_CLAIM weighs. The job's payments are those its {@link JobAccount} counts (the money
 * rules). Not thread-safe (it reads the monitor's indexes).
 */
public final class Rules {
    private final LeakagePolicy policy;
    /** The policy's codes, as an enum set: asked several times per job judged. */
    private final EnumSet<LeakageCode> reported;
    private final Reconciler reconciler;
    private final Function<JobId, Set<String>> linkedCredits;
    private final StockRules stock;

    public Rules(LeakagePolicy policy, Reconciler reconciler, Function<JobId, Set<String>> linkedCredits,
                 StockRules stock) {
        this.policy = policy;
        this.reported = EnumSet.copyOf(policy.codes());
        this.reconciler = reconciler;
        this.linkedCredits = linkedCredits;
        this.stock = stock;
    }

    public List<Finding> job(JobFacts f, VisitBook visits) {
        List<Finding> out = new ArrayList<>(1);
        JobAccount a = f.account;
        Instant completed = a.completedAt();
        // a rule runs only when the policy reports what it finds; coverage always, since it decides whether
        // SHORT_COLLECTION applies (the monitor leaves out the findings of codes not reported)
        boolean coverageInvalid = coverageInvalid(f, out);
        if (completed != null) {
            if (reports(LeakageCode.PAYMENT_STATUS_MISSING)) {
                paymentStatusMissing(f, out);
            }
            if (reports(LeakageCode.PROOF_MISSING)) {
                proofMissing(f, out);
            }
            if (reports(LeakageCode.INVOICE_DELAYED)) {
                invoiceDelayed(f, out);
            }
            if (policy.visitRules() && (reports(LeakageCode.GHOST_VISIT)
                    || reports(LeakageCode.SUSPECT_VISIT))) {
                ghostVisit(f, visits, out);
            }
            if (!coverageInvalid && reports(LeakageCode.SHORT_COLLECTION)) {
                shortCollection(f, out);
            }
        }
        if (reports(LeakageCode.DUPLICATE_PAYMENT_REFERENCE) || reports(LeakageCode.PAYMENT_UNVERIFIED)
                || reports(LeakageCode.CREDIT_BELOW_CLAIM)) {
            Set<String> duplicates = duplicates(f, out);
            unverified(f, duplicates, out);
            creditBelowClaim(f, duplicates, out);
        }
        if (reports(LeakageCode.PARTS_NOT_BILLED)) {
            partsNotBilled(f, out);
        }
        return out;
    }

    private boolean reports(LeakageCode code) {
        return reported.contains(code);
    }

    private Finding finding(LeakageCode code, JobFacts f, String reference, Money amount, List<String> evidence,
                            Instant at) {
        JobAccount a = f.account;
        return new Finding(code, a.job(), a.technician(), a.branch(), reference, amount, evidence, at);
    }

    /** COVERAGE_INVALID: AMC/WARRANTY claimed, coverage missing, of another kind, expired or not for this job type. */
    private boolean coverageInvalid(JobFacts f, List<Finding> out) {
        JobAccount a = f.account;
        if (a.claimedCoverage() == null || a.coverageValid()) {
            return false;
        }
        JobEvent.PaymentRecorded claim = null;
        for (JobEvent.PaymentRecorded p : f.payments) {
            if (p.mode() == PaymentMode.AMC || p.mode() == PaymentMode.WARRANTY) {
                claim = p;
                break;
            }
        }
        Money atRisk = nonNegative(a.grossDue().minus(a.paidOnSite()));
        Instant at = claim.header().occurredAt();
        out.add(finding(LeakageCode.COVERAGE_INVALID, f, claim.reference(), atRisk,
                List.of(f.createdEvent(), claim.header().eventId().toString()), at));
        return true;
    }

    /** PAYMENT_STATUS_MISSING: completed, no payment record, after the grace. */
    private void paymentStatusMissing(JobFacts f, List<Finding> out) {
        if (f.payments.isEmpty()) {
            out.add(finding(LeakageCode.PAYMENT_STATUS_MISSING, f, null, f.account.amountDue(),
                    List.of(f.completedEvent.toString()), f.account.completedAt().plus(policy.paymentStatusGrace())));
        }
    }

    /** PROOF_MISSING: the closure policy's before-completion proof was not on the job when it was completed. */
    private void proofMissing(JobFacts f, List<Finding> out) {
        Instant completed = f.account.completedAt();
        List<JobEvent.ProofAdded> present = f.proofsBy(completed);
        for (ProofRequirement requirement : policy.closurePolicies().forJobType(f.account.jobType()).beforeCompleted()) {
            if (!requirement.isMetByAny(present)) {
                List<String> evidence = new ArrayList<>();
                evidence.add(f.completedEvent.toString());
                present.forEach(p -> evidence.add(p.header().eventId().toString()));
                out.add(finding(LeakageCode.PROOF_MISSING, f, null, f.account.amountDue(), evidence, completed));
                return;
            }
        }
    }

    /** INVOICE_DELAYED: an INVOICE_REQUIRED job not invoiced, after the grace from completion. */
    private void invoiceDelayed(JobFacts f, List<Finding> out) {
        if (f.account.hasMode(PaymentMode.INVOICE_REQUIRED) && f.account.invoice() == null) {
            List<String> evidence = new ArrayList<>();
            evidence.add(f.completedEvent.toString());
            for (JobEvent.PaymentRecorded p : f.payments) {
                if (p.mode() == PaymentMode.INVOICE_REQUIRED) {
                    evidence.add(p.header().eventId().toString());
                }
            }
            out.add(finding(LeakageCode.INVOICE_DELAYED, f, null, f.account.amountDue(), evidence,
                    f.account.completedAt().plus(policy.invoiceGrace())));
        }
    }

    /**
     * Whether a stay of {@code technician} from {@code from} to {@code to} at the job's site can change its findings:
     * {@link #ghostVisit} reads, once the job is completed, only the stays of its technician that overlap its assignment
     * (the last) up to its completion (the first). A stay of another technician, one before or after that, or one at a
     * job not yet completed (its completion judges it) changes nothing.
     */
    public static boolean stayCanChange(JobFacts f, TechnicianId technician, Instant from, Instant to) {
        JobAccount a = f.account;
        return technician.equals(a.technician()) && f.assignedAt != null && !to.isBefore(f.assignedAt)
                && a.completedAt() != null && !from.isAfter(a.completedAt());
    }

    /**
     * GHOST_VISIT: no stay of the job's technician at its site between assignment and completion (a refused suspect
     * stay is none, and is named in the evidence); SUSPECT_VISIT: the only stays there were flagged suspect ones.
     */
    private void ghostVisit(JobFacts f, VisitBook visits, List<Finding> out) {
        JobAccount a = f.account;
        if (a.technician() == null || f.assignedAt == null) {
            return;
        }
        VisitBook.Visited v = visits.visited(a.job(), a.technician(), f.assignedAt, a.completedAt());
        if (!v.visited() || !v.suspectStays().isEmpty()) {
            List<String> evidence = new ArrayList<>();
            evidence.add(f.completedEvent.toString());
            evidence.addAll(v.suspectStays());
            out.add(finding(v.visited() ? LeakageCode.SUSPECT_VISIT : LeakageCode.GHOST_VISIT, f, null, a.amountDue(),
                    evidence, a.completedAt()));
        }
    }

    /**
     * SHORT_COLLECTION: settled on site (some payment recorded; no PENDING, INVOICE_REQUIRED or approved waiver),
     * paid on site below the billed amount.
     */
    private void shortCollection(JobFacts f, List<Finding> out) {
        JobAccount a = f.account;
        if (f.payments.isEmpty() || a.hasMode(PaymentMode.PENDING) || a.hasMode(PaymentMode.INVOICE_REQUIRED)
                || a.waived()) {
            return;
        }
        Money shortBy = a.billedAmount().minus(a.paidOnSite());
        if (!shortBy.isPositive()) {
            return;
        }
        Instant at = a.completedAt();
        List<String> evidence = new ArrayList<>();
        for (JobEvent.PaymentRecorded p : f.payments) {
            evidence.add(p.header().eventId().toString());
            if (p.header().occurredAt().isAfter(at)) {
                at = p.header().occurredAt();
            }
        }
        if (a.invoice() != null) {
            evidence.add(a.invoice().header().eventId().toString());
            if (a.invoice().header().occurredAt().isAfter(at)) {
                at = a.invoice().header().occurredAt();
            }
        }
        out.add(finding(LeakageCode.SHORT_COLLECTION, f, null, shortBy, evidence, at));
    }

    /**
     * DUPLICATE_PAYMENT_REFERENCE: this job's claim carries a reference another job claimed first. The first
     * claim is the one the statement credit of that reference links to, else the earliest. Returns the
     * references this job claims as a duplicate.
     */
    private Set<String> duplicates(JobFacts f, List<Finding> out) {
        Set<String> duplicates = null;
        for (JobEvent.PaymentRecorded p : f.payments) {
            if (!Reconciler.traceable(p.mode()) || p.reference() == null) {
                continue;
            }
            Reconciler.Claim first = reconciler.firstOfSeveral(p.reference()).orElse(null);
            if (first == null || first.job().equals(f.account.job())) {
                continue;
            }
            Instant at = p.header().occurredAt().isAfter(first.at()) ? p.header().occurredAt() : first.at();
            out.add(finding(LeakageCode.DUPLICATE_PAYMENT_REFERENCE, f, p.reference(), p.amount(),
                    List.of(first.eventId().toString(), p.header().eventId().toString()), at));
            if (duplicates == null) {
                duplicates = new HashSet<>(2);
            }
            duplicates.add(p.reference());
        }
        return duplicates == null ? Set.of() : duplicates;
    }

    /**
     * PAYMENT_UNVERIFIED: a UPI/MPESA claim (not a duplicate) whose reference no credit carries, and no credit
     * is linked to the job otherwise, after the grace.
     */
    private void unverified(JobFacts f, Set<String> duplicates, List<Finding> out) {
        boolean linked = !linkedCredits.apply(f.account.job()).isEmpty();
        for (JobEvent.PaymentRecorded p : f.payments) {
            if (!p.mode().needsStatementCredit() || isDuplicate(p, duplicates)) {
                continue;
            }
            boolean carried = p.reference() != null && reconciler.carried(p.reference());
            if (!carried && !linked) {
                out.add(finding(LeakageCode.PAYMENT_UNVERIFIED, f, p.reference(), p.amount(),
                        List.of(p.header().eventId().toString()), p.header().occurredAt().plus(policy.verificationGrace())));
            }
        }
    }

    /**
     * CREDIT_BELOW_CLAIM: the credits linked to the job (in its currency) add up to less than its traceable
     * claims (UPI, MPESA, CARD; a duplicate of another job's claim is that claim's finding, not this one's).
     * Found when the last of those claims and credits is known; the amount at risk is the difference. The
     * sums are taken first and allocate nothing; evidence is gathered only for a finding.
     */
    private void creditBelowClaim(JobFacts f, Set<String> duplicates, List<Finding> out) {
        long claimed = 0;
        for (JobEvent.PaymentRecorded p : f.payments) {
            if (isClaim(p, duplicates)) {
                claimed = Money.addExact(claimed, p.amount().minor(), "a job's claims");
            }
        }
        Set<String> linked = linkedCredits.apply(f.account.job());
        if (claimed == 0 || linked.isEmpty()) {
            return;
        }
        // credits are never negative: once their sum reaches the claims, the rest cannot bring it below (a job that
        // many credits name by bill reference is judged again at each of them)
        long credited = 0;
        for (String reference : linked) {
            StatementCredit credit = reconciler.credit(reference).orElseThrow();
            if (credit.amount().currency() == f.account.currency()) {
                credited = Money.addExact(credited, credit.amount().minor(), "a job's credits");
                if (credited >= claimed) {
                    return;
                }
            }
        }
        Instant at = Instant.MIN;
        List<String> references = new ArrayList<>(1);
        List<String> evidence = new ArrayList<>();
        for (JobEvent.PaymentRecorded p : f.payments) {
            if (isClaim(p, duplicates)) {
                at = later(at, p.header().occurredAt());
                references.add(p.reference());
                evidence.add(p.header().eventId().toString());
            }
        }
        // sorted, so the evidence does not depend on the order the credits were linked in
        for (String reference : new TreeSet<>(linked)) {
            StatementCredit credit = reconciler.credit(reference).orElseThrow();
            if (credit.amount().currency() == f.account.currency()) {
                at = later(at, credit.at());
                evidence.add(Finding.statementEvidence(credit));
            }
        }
        String reference = references.size() == 1 ? references.get(0) : null;
        out.add(finding(LeakageCode.CREDIT_BELOW_CLAIM, f, reference,
                Money.ofMinor(claimed - credited, f.account.currency()), evidence, at));
    }

    /** A claim that money arrived by a traceable route, and not a duplicate of another job's claim. */
    private static boolean isClaim(JobEvent.PaymentRecorded p, Set<String> duplicates) {
        return Reconciler.traceable(p.mode()) && !isDuplicate(p, duplicates);
    }

    private static boolean isDuplicate(JobEvent.PaymentRecorded p, Set<String> duplicates) {
        return p.reference() != null && duplicates.contains(p.reference());
    }

    private static Instant later(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }

    /**
     * PARTS_NOT_BILLED: billable parts whose SKU the job's invoice does not list, and parts taken from a van for the
     * job that its record does not list, whose SKU the invoice does not list either.
     */
    private void partsNotBilled(JobFacts f, List<Finding> out) {
        JobEvent.InvoiceHandedOff invoice = f.account.invoice();
        if (invoice == null) {
            return;
        }
        Money missing = null;
        List<String> evidence = new ArrayList<>();
        for (JobEvent.PartUsed part : f.account.parts()) {
            if (part.billable() && !invoice.partSkus().contains(part.sku())) {
                missing = missing == null ? part.lineTotal() : missing.plus(part.lineTotal());
                evidence.add(part.header().eventId().toString());
            }
        }
        for (StockRules.Unrecorded u : stock.unrecorded(f.account.job(), f.account.parts())) {
            if (!invoice.partSkus().contains(u.sku())) {
                missing = missing == null ? u.amount() : missing.plus(u.amount());
                evidence.addAll(u.evidence());
            }
        }
        if (missing != null) {
            evidence.add(invoice.header().eventId().toString());
            out.add(finding(LeakageCode.PARTS_NOT_BILLED, f, null, missing, evidence, invoice.header().occurredAt()));
        }
    }

    /** PAYMENT_UNLINKED: a credit that links to no job. */
    public Finding unlinked(StatementCredit credit) {
        return new Finding(LeakageCode.PAYMENT_UNLINKED, null, null, null, credit.reference(), credit.amount(),
                List.of(Finding.statementEvidence(credit)), credit.at());
    }

    /** CASH_NOT_DEPOSITED: the part of the technician's cash, collected before the grace, not yet deposited (FIFO). */
    public Optional<Finding> cashNotDeposited(CashLedger.Position position, BranchId branch) {
        Instant cut = position.asOf().minus(policy.cashDepositGrace());
        Money overdue = null;
        Instant since = null;
        List<String> evidence = new ArrayList<>();
        for (CashLedger.OpenCollection c : position.open()) {
            if (c.collectedAt().isAfter(cut)) {
                break;
            }
            overdue = overdue == null ? c.inHand() : overdue.plus(c.inHand());
            if (since == null) {
                since = c.collectedAt();
            }
            evidence.add(c.evidence());
        }
        if (overdue == null) {
            return Optional.empty();
        }
        return Optional.of(new Finding(LeakageCode.CASH_NOT_DEPOSITED, null, position.technician(), branch, null, overdue,
                evidence, since.plus(policy.cashDepositGrace())));
    }

    private static Money nonNegative(Money m) {
        return m.isNegative() ? Money.zero(m.currency()) : m;
    }
}
