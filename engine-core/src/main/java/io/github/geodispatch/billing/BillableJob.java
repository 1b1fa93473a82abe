package io.github.geodispatch.billing;

import io.github.geodispatch.job.JobState;
import io.github.geodispatch.payment.MoneyRules;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.CalendarRange;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an invoice needs from a completed job: who the buyer is and where the supply is made, the job's
 * branch and type, the day the work was completed, the price of the work (the quote), the AMC contract
 * or warranty that may cover it, the parts used, the expenses incurred and what was already paid on
 * site. Build it from the job's state ({@link #fromState}) or event stream ({@link #fromEvents}), or from any
 * other record of the job. Prices and expenses are single amounts ({@link Money#requireAmount}: not negative,
 * at most {@link Money#MAX_AMOUNT_MINOR}). {@code placeOfSupply} null means the buyer's region. Immutable and
 * thread-safe.
 */
public record BillableJob(JobId job, BranchId branch, String jobType, LocalDate completedOn, Money labourPrice,
                          Coverage coverage, List<Part> parts, List<Expense> expenses, Money paid, Party buyer,
                          String placeOfSupply) {

    public BillableJob {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(branch, "branch");
        if (jobType == null || jobType.isBlank()) {
            throw new IllegalArgumentException("job type of " + job + " must not be blank");
        }
        CalendarRange.require(Objects.requireNonNull(completedOn, "completion date"), "completion date of job " + job);
        Objects.requireNonNull(labourPrice, "labour price").requireAmount("labour price of " + job);
        parts = List.copyOf(parts == null ? List.of() : parts);
        expenses = List.copyOf(expenses == null ? List.of() : expenses);
        paid = paid == null ? Money.zero(labourPrice.currency()) : paid.requireNonNegative("amount paid on " + job);
        Objects.requireNonNull(buyer, "buyer");
        placeOfSupply = placeOfSupply == null || placeOfSupply.isBlank() ? buyer.region() : placeOfSupply.strip();
        for (Part part : parts) {
            requireCurrency(part.unitPrice(), labourPrice, "part " + part.sku());
        }
        for (Expense expense : expenses) {
            requireCurrency(expense.amount(), labourPrice, "expense " + expense.kind());
        }
        requireCurrency(paid, labourPrice, "amount paid");
    }

    /** A part used on the job. {@code description} may be null (the SKU is printed). */
    public record Part(String sku, String description, String hsn, int quantity, Money unitPrice, boolean billable) {
        public Part {
            if (sku == null || sku.isBlank()) {
                throw new IllegalArgumentException("part sku must not be blank");
            }
            description = description == null || description.isBlank() ? "Part " + sku : description.strip();
            if (hsn == null || !hsn.matches("\\d{4}|\\d{6}|\\d{8}")) {
                throw new IllegalArgumentException("part " + sku + " needs an HSN code of 4, 6 or 8 digits, was '"
                        + hsn + "'");
            }
            if (quantity < 1) {
                throw new IllegalArgumentException("part " + sku + " quantity must be >= 1, was " + quantity);
            }
            Objects.requireNonNull(unitPrice, "unit price").requireAmount("unit price of part " + sku);
            JobEvent.PartUsed.requireAmounts(quantity, unitPrice);
        }
    }

    /** An expense incurred on the job; only billable ones reach the invoice. */
    public record Expense(String kind, Money amount, boolean billable) {
        public Expense {
            if (kind == null || kind.isBlank()) {
                throw new IllegalArgumentException("expense kind must not be blank");
            }
            Objects.requireNonNull(amount, "expense amount").requireAmount("expense " + kind);
        }
    }

    /**
     * The billable view of a job as it stands: its type, branch, quote and coverage, its parts and expenses,
     * the payments that settled on site (as the {@link MoneyRules} count them: a repeated payment reference
     * is paid once, a payment in another currency not at all), and the day (in {@code zone}) it was last
     * completed. A job that is not COMPLETED or CLOSED (never completed, cancelled, reopened) is not billable
     * and gets a {@link BillingException}.
     */
    public static BillableJob fromState(JobState state, Party buyer, ZoneId zone) {
        Objects.requireNonNull(state, "job state");
        Objects.requireNonNull(zone, "zone");
        if (state.completedAt() == null
                || (state.status() != JobStatus.COMPLETED && state.status() != JobStatus.CLOSED)) {
            throw new BillingException("job " + state.id() + " is not completed (status " + state.status()
                    + "); only completed jobs are billed");
        }
        List<Part> parts = new ArrayList<>();
        for (JobEvent.PartUsed part : state.parts()) {
            parts.add(new Part(part.sku(), null, part.hsn(), part.quantity(), part.unitPrice(), part.billable()));
        }
        List<Expense> expenses = new ArrayList<>();
        for (JobEvent.ExpenseAdded expense : state.expenses()) {
            expenses.add(new Expense(expense.kind(), expense.amount(), expense.billable()));
        }
        Money paid = Money.zero(state.quote().currency());
        for (JobEvent.PaymentRecorded payment : MoneyRules.countable(state.id(), state.quote().currency(),
                state.payments())) {
            if (payment.mode().settlesOnSite()) {
                paid = paid.plus(payment.amount());
            }
        }
        return new BillableJob(state.id(), state.branch(), state.jobType(), state.completedAt().atZone(zone).toLocalDate(),
                state.quote(), state.coverage(), parts, expenses, paid, buyer, null);
    }

    /** {@link #fromState} of the fold of a job's whole stream ({@link JobState#fold}). */
    public static BillableJob fromEvents(List<? extends JobEvent> stream, Party buyer, ZoneId zone) {
        Objects.requireNonNull(stream, "stream");
        if (stream.isEmpty() || !(stream.get(0) instanceof JobEvent.JobCreated)) {
            throw new BillingException("a job stream must start with JobCreated");
        }
        return fromState(JobState.fold(stream), buyer, zone);
    }

    private static void requireCurrency(Money amount, Money labour, String what) {
        if (amount.currency() != labour.currency()) {
            throw new IllegalArgumentException(what + " is in " + amount.currency() + " but the job is billed in "
                    + labour.currency());
        }
    }
}
