package io.github.geodispatch.payment;

import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.CoverageKind;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.TechnicianId;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The money side of one job, folded from its {@link JobEvent} stream: what is due, what was paid and how.
 *
 * <p>Amount due = labour quote + billable parts + billable expenses, less the labour quote when a valid
 * coverage pays for the job (an AMC or warranty covers the labour; parts and expenses stay billable). A
 * coverage pays when the job claims it (a payment record of mode AMC or WARRANTY), the job carries a coverage
 * of that kind, and {@link Coverage#covers} holds for the job type on the completion day (the creation day if
 * not completed). Paid = the sum of the on-site payments (UPI, CASH, MPESA, CARD); split and partial payments
 * add up.
 *
 * <p>Only what the {@link MoneyRules} accept counts, so the account agrees with the live engine whatever the
 * stream holds (an imported history, a store written before the rules): a repeat of a payment reference, a
 * reference recorded again with another mode or amount, and any amount in another currency than the quote's
 * are left out of every figure ({@link #apply} says so). Until the job's {@code JobCreated} is folded its
 * currency is unknown (a listener that joined late); amounts seen before are checked again when it arrives.
 * Sums are exact: a sum beyond the range of {@code long} is an {@link ArithmeticException}, never a wrap.
 *
 * <p>Not thread-safe: fold a stream on one thread.
 */
public final class JobAccount {
    private final ZoneId zone;
    private JobId job;
    private BranchId branch;
    private String jobType;
    private Money quote;
    private Coverage coverage;
    private Instant createdAt;
    private Instant completedAt;
    private TechnicianId technician;
    // The lists are the shared empty list until their first element (see added): most jobs have no expense and
    // many no part, and there is an account per job for the whole of an audit.
    /** The payments the rules accept, in stream order. */
    private List<JobEvent.PaymentRecorded> payments = List.of();
    /** Payments folded before JobCreated (their currency could not be checked yet), or null. */
    private List<JobEvent.PaymentRecorded> early;
    private List<JobEvent.PartUsed> parts = List.of();
    private List<JobEvent.ExpenseAdded> expenses = List.of();
    private JobEvent.InvoiceHandedOff invoice;

    /** An empty account; {@code zone} decides the calendar day of coverage validity. */
    public JobAccount(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Folds one event of this job's stream in. Returns false when the {@link MoneyRules} refuse the event's
     * money (it then counts nowhere); true otherwise, and for every event before the job's {@code JobCreated}
     * but a repeated payment reference.
     */
    public boolean apply(JobEvent event) {
        if (event instanceof JobEvent.JobCreated c) {
            job = c.header().job();
            branch = c.branch();
            jobType = c.jobType();
            quote = c.quote();
            coverage = c.coverage();
            createdAt = c.header().occurredAt();
            if (early != null) {
                payments = new ArrayList<>(MoneyRules.countable(job, quote.currency(), early));
                early = null;
            }
            return true;
        }
        if (event instanceof JobEvent.JobAssigned a) {
            technician = a.technician();
        } else if (event instanceof JobEvent.JobUnassigned u) {
            if (u.technician().equals(technician)) {
                technician = null;
            }
        } else if (event instanceof JobEvent.StatusChanged s) {
            if (s.status() == JobStatus.COMPLETED && completedAt == null) {
                completedAt = s.header().occurredAt();
            }
        } else if (event instanceof JobEvent.PaymentRecorded p) {
            // before JobCreated only the reference rules can be checked: the payment's own currency stands in
            Currency currency = created() ? currency() : p.amount().currency();
            if (!created()) {
                if (early == null) {
                    early = new ArrayList<>(2);
                }
                early.add(p);
            }
            boolean counts = MoneyRules.event(currency, payments, p).accepted();
            if (counts) {
                payments = added(payments, p);
            }
            return counts;
        } else if (event instanceof JobEvent.PartUsed p) {
            parts = added(parts, p);
        } else if (event instanceof JobEvent.ExpenseAdded e) {
            expenses = added(expenses, e);
        } else if (event instanceof JobEvent.InvoiceHandedOff i) {
            if (!created() || inJobCurrency(i.total())) {
                invoice = i;
            }
        }
        return !created() || MoneyRules.event(currency(), payments, event).accepted();
    }

    /** {@code list} with {@code element} added: a list of its own replaces the shared empty one on the first add. */
    private static <T> List<T> added(List<T> list, T element) {
        List<T> out = list instanceof ArrayList ? list : new ArrayList<>(list);
        out.add(element);
        return out;
    }

    public boolean created() {
        return job != null;
    }

    public JobId job() {
        return job;
    }

    public BranchId branch() {
        return branch;
    }

    public String jobType() {
        return jobType;
    }

    public Currency currency() {
        return quote.currency();
    }

    public Coverage coverage() {
        return coverage;
    }

    /** The technician assigned now, or null. */
    public TechnicianId technician() {
        return technician;
    }

    /** When the job was first completed, or null. */
    public Instant completedAt() {
        return completedAt;
    }

    /** The payments that count (see {@link MoneyRules}), in stream order. */
    public List<JobEvent.PaymentRecorded> payments() {
        return List.copyOf(payments);
    }

    /** The parts used, priced in the job's currency, in stream order. */
    public List<JobEvent.PartUsed> parts() {
        for (JobEvent.PartUsed p : parts) {
            if (!inJobCurrency(p.unitPrice())) {
                return parts.stream().filter(part -> inJobCurrency(part.unitPrice())).toList();
            }
        }
        return List.copyOf(parts);
    }

    /** The (latest) invoice handed off in the job's currency, or null. */
    public JobEvent.InvoiceHandedOff invoice() {
        return invoice != null && inJobCurrency(invoice.total()) ? invoice : null;
    }

    /** Quote + billable parts + billable expenses: what the job costs before any coverage. */
    public Money grossDue() {
        long sum = quote.minor();
        for (JobEvent.PartUsed p : parts) {
            if (p.billable() && inJobCurrency(p.unitPrice())) {
                sum = Money.addExact(sum, p.lineTotal().minor(), "a job's amount due");
            }
        }
        for (JobEvent.ExpenseAdded e : expenses) {
            if (e.billable() && inJobCurrency(e.amount())) {
                sum = Money.addExact(sum, e.amount().minor(), "a job's amount due");
            }
        }
        return Money.ofMinor(sum, currency());
    }

    /** The coverage kind the job's payment records claim (AMC or WARRANTY), or null when none does. */
    public CoverageKind claimedCoverage() {
        for (JobEvent.PaymentRecorded p : payments) {
            if (p.mode() == PaymentMode.AMC) {
                return CoverageKind.AMC;
            }
            if (p.mode() == PaymentMode.WARRANTY) {
                return CoverageKind.WARRANTY;
            }
        }
        return null;
    }

    /** True when coverage is claimed and the job's coverage is of that kind and covers it on the service day. */
    public boolean coverageValid() {
        CoverageKind claimed = claimedCoverage();
        if (claimed == null || coverage == null || coverage.kind() != claimed) {
            return false;
        }
        LocalDate day = LocalDate.ofInstant(completedAt != null ? completedAt : createdAt, zone);
        return coverage.covers(jobType, day);
    }

    /** The amount the customer owes: {@link #grossDue()} less the quote when {@link #coverageValid()}. */
    public Money amountDue() {
        Money gross = grossDue();
        return coverageValid() ? gross.minus(quote) : gross;
    }

    /** The amount due, or the invoice total once the job is invoiced. */
    public Money billedAmount() {
        return invoice != null ? invoice.total() : amountDue();
    }

    /** The sum of the on-site payments (UPI, CASH, MPESA, CARD) that count. */
    public Money paidOnSite() {
        long sum = 0;
        for (JobEvent.PaymentRecorded p : payments) {
            if (p.mode().settlesOnSite()) {
                sum = Money.addExact(sum, p.amount().minor(), "a job's payments");
            }
        }
        return Money.ofMinor(sum, currency());
    }

    /** True when some payment record is a WAIVED carrying an approver. */
    public boolean waived() {
        for (JobEvent.PaymentRecorded p : payments) {
            if (p.mode() == PaymentMode.WAIVED && p.approvedBy() != null) {
                return true;
            }
        }
        return false;
    }

    /** True when any payment record has {@code mode}. */
    public boolean hasMode(PaymentMode mode) {
        for (JobEvent.PaymentRecorded p : payments) {
            if (p.mode() == mode) {
                return true;
            }
        }
        return false;
    }

    /** The payment status; the first matching of WAIVED, INVOICE_REQUIRED, COVERED, PENDING, PAID/PARTIAL, NONE. */
    public PaymentStatus status() {
        if (payments.isEmpty()) {
            return PaymentStatus.NONE;
        }
        if (waived()) {
            return PaymentStatus.WAIVED;
        }
        if (hasMode(PaymentMode.INVOICE_REQUIRED)) {
            return PaymentStatus.INVOICE_REQUIRED;
        }
        Money outstanding = billedAmount().minus(paidOnSite());
        if (coverageValid() && !outstanding.isPositive()) {
            return PaymentStatus.COVERED;
        }
        if (hasMode(PaymentMode.PENDING) && outstanding.isPositive()) {
            return PaymentStatus.PENDING;
        }
        return outstanding.isPositive() ? PaymentStatus.PARTIAL : PaymentStatus.PAID;
    }

    /** What is still to be collected: billed amount less on-site payments, never below zero (zero when waived). */
    public Money outstanding() {
        if (waived()) {
            return Money.zero(currency());
        }
        Money left = billedAmount().minus(paidOnSite());
        return left.isNegative() ? Money.zero(currency()) : left;
    }

    private boolean inJobCurrency(Money amount) {
        return amount.currency() == currency();
    }
}
