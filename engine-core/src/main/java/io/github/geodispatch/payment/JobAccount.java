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
    private long partsMinor;
    private long expensesMinor;
    private final List<JobEvent.PaymentRecorded> payments = new ArrayList<>(2);
    private final List<JobEvent.PartUsed> parts = new ArrayList<>(0);
    private JobEvent.InvoiceHandedOff invoice;

    /** An empty account; {@code zone} decides the calendar day of coverage validity. */
    public JobAccount(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Folds one event of this job's stream in. */
    public void apply(JobEvent event) {
        if (event instanceof JobEvent.JobCreated c) {
            job = c.header().job();
            branch = c.branch();
            jobType = c.jobType();
            quote = c.quote();
            coverage = c.coverage();
            createdAt = c.header().occurredAt();
        } else if (event instanceof JobEvent.JobAssigned a) {
            technician = a.technician();
        } else if (event instanceof JobEvent.JobUnassigned u) {
            if (u.technician().equals(technician)) {
                technician = null;
            }
        } else if (event instanceof JobEvent.StatusChanged s) {
            if (s.status() == JobStatus.COMPLETED && completedAt == null) {
                completedAt = s.header().occurredAt();
            }
        } else if (event instanceof JobEvent.PartUsed p) {
            parts.add(p);
            if (p.billable()) {
                partsMinor = Math.addExact(partsMinor, p.lineTotal().minor());
            }
        } else if (event instanceof JobEvent.ExpenseAdded e) {
            if (e.billable()) {
                expensesMinor = Math.addExact(expensesMinor, e.amount().minor());
            }
        } else if (event instanceof JobEvent.PaymentRecorded p) {
            payments.add(p);
        } else if (event instanceof JobEvent.InvoiceHandedOff i) {
            invoice = i;
        }
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

    public List<JobEvent.PaymentRecorded> payments() {
        return List.copyOf(payments);
    }

    public List<JobEvent.PartUsed> parts() {
        return List.copyOf(parts);
    }

    /** The (latest) invoice handed off, or null. */
    public JobEvent.InvoiceHandedOff invoice() {
        return invoice;
    }

    /** Quote + billable parts + billable expenses: what the job costs before any coverage. */
    public Money grossDue() {
        return Money.ofMinor(Math.addExact(quote.minor(), Math.addExact(partsMinor, expensesMinor)), currency());
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

    /** The sum of the on-site payments (UPI, CASH, MPESA, CARD). */
    public Money paidOnSite() {
        long sum = 0;
        for (JobEvent.PaymentRecorded p : payments) {
            if (p.mode().settlesOnSite()) {
                sum = Math.addExact(sum, p.amount().minor());
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
}
