package io.github.geodispatch.payment;

import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The money rules of a job, in one place, so that every path that touches a job's money agrees: the live
 * engine refuses a command that breaks them, the journal importer refuses the line, and the per-job fold
 * ({@link JobAccount}, the invoice's amount paid) counts nothing they refuse, whatever a stored stream holds.
 * <ol>
 * <li>Every amount on a job (part price, expense, payment, invoice total) is in the job's currency, the
 * currency of its quote ({@link Verdict#CURRENCY_MISMATCH}).</li>
 * <li>A payment reference (UTR/RRN, M-Pesa TransID, card authorisation, contract) is recorded once per job. The
 * same reference again with the same mode and amount is the same payment reported twice (a replayed callback,
 * a duplicated line): {@link Verdict#REPEAT}, recorded once. With another mode or amount it is
 * {@link Verdict#DUPLICATE_REFERENCE}.</li>
 * </ol>
 * The currency rule is checked first. Stateless and thread-safe.
 */
public final class MoneyRules {

    /** What the rules say about one amount or payment on a job. */
    public enum Verdict {
        /** It counts. */
        ACCEPTED,
        /** The same payment (reference, mode and amount) is already on the job: nothing to record or count. */
        REPEAT,
        /** The payment's reference is already on the job with another mode or amount. */
        DUPLICATE_REFERENCE,
        /** The amount is in another currency than the job's. */
        CURRENCY_MISMATCH
    }

    /** A verdict and, unless {@link Verdict#ACCEPTED}, a message naming the job, the amount and the rule. */
    public record Check(Verdict verdict, String message) {
        private static final Check ACCEPTED = new Check(Verdict.ACCEPTED, null);

        public Check {
            Objects.requireNonNull(verdict, "verdict");
            if ((verdict == Verdict.ACCEPTED) != (message == null)) {
                throw new IllegalArgumentException("a refusal, and only a refusal, carries a message");
            }
        }

        public boolean accepted() {
            return verdict == Verdict.ACCEPTED;
        }
    }

    private MoneyRules() {}

    /** Checks that {@code amount}, given as {@code what} (e.g. "expense amount"), is in the job's currency. */
    public static Check currency(JobId job, Currency jobCurrency, Money amount, String what) {
        if (amount.currency() != jobCurrency) {
            return new Check(Verdict.CURRENCY_MISMATCH, what + " is in " + amount.currency() + " but job " + job
                    + " is priced in " + jobCurrency);
        }
        return Check.ACCEPTED;
    }

    /**
     * Checks a payment of {@code mode}, {@code amount} and {@code reference} (null when the mode carries none)
     * against the job's currency and the payments already {@code recorded} on it.
     */
    public static Check payment(JobId job, Currency jobCurrency, List<JobEvent.PaymentRecorded> recorded,
                                PaymentMode mode, Money amount, String reference) {
        Check currency = currency(job, jobCurrency, amount, "payment amount");
        if (!currency.accepted() || reference == null) {
            return currency;
        }
        for (JobEvent.PaymentRecorded existing : recorded) {
            if (reference.equals(existing.reference())) {
                String already = "payment reference " + reference + " is already recorded on job " + job + " as "
                        + existing.mode() + " " + existing.amount();
                return existing.mode() == mode && existing.amount().equals(amount)
                        ? new Check(Verdict.REPEAT, already + " (the same payment again)")
                        : new Check(Verdict.DUPLICATE_REFERENCE, already);
            }
        }
        return Check.ACCEPTED;
    }

    /**
     * Checks the money of one job event against the job's currency and, for a payment, the payments already
     * {@code recorded}; events without money are {@link Verdict#ACCEPTED}.
     */
    public static Check event(Currency jobCurrency, List<JobEvent.PaymentRecorded> recorded, JobEvent event) {
        JobId job = event.header().job();
        if (event instanceof JobEvent.PaymentRecorded p) {
            return payment(job, jobCurrency, recorded, p.mode(), p.amount(), p.reference());
        }
        if (event instanceof JobEvent.PartUsed p) {
            return currency(job, jobCurrency, p.unitPrice(), "part unit price");
        }
        if (event instanceof JobEvent.ExpenseAdded e) {
            return currency(job, jobCurrency, e.amount(), "expense amount");
        }
        if (event instanceof JobEvent.InvoiceHandedOff i) {
            return currency(job, jobCurrency, i.total(), "invoice total");
        }
        return Check.ACCEPTED;
    }

    /** The payments of {@code payments}, in order, that the rules accept: what a job's money counts. */
    public static List<JobEvent.PaymentRecorded> countable(JobId job, Currency jobCurrency,
                                                         List<JobEvent.PaymentRecorded> payments) {
        List<JobEvent.PaymentRecorded> counted = new ArrayList<>(payments.size());
        for (JobEvent.PaymentRecorded p : payments) {
            if (payment(job, jobCurrency, counted, p.mode(), p.amount(), p.reference()).accepted()) {
                counted.add(p);
            }
        }
        return counted;
    }
}
