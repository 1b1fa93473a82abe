package io.github.geodispatch.examples.report;

import io.github.geodispatch.spi.Money;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Money a customer still owes for completed work. Immutable and thread-safe.
 *
 * @param customer  the customer's name
 * @param phone     the number to call (empty when not known: the page shows a dash)
 * @param jobNumber the job's number
 * @param technician who did the job
 * @param owed      the amount still owed, positive
 * @param since     when the job was completed (ageing counts from here)
 */
public record PendingCollection(String customer, String phone, String jobNumber, String technician, Money owed,
                                Instant since) {
    public PendingCollection {
        Checks.text(customer, "customer");
        Objects.requireNonNull(phone, "phone");
        Checks.text(jobNumber, "jobNumber");
        Checks.text(technician, "technician");
        Checks.amount(owed, "owed");
        if (owed.isZero()) {
            throw new IllegalArgumentException("job " + jobNumber + " owes nothing: not a pending collection");
        }
        Objects.requireNonNull(since, "since");
    }

    /** How long the money has been owed at {@code asOf} (never negative). */
    public Duration age(Instant asOf) {
        return asOf.isAfter(since) ? Duration.between(since, asOf) : Duration.ZERO;
    }
}
