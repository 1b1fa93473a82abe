package io.github.geodispatch.contract;

import io.github.geodispatch.customer.ContractStatus;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.ContractTerms;
import io.github.geodispatch.spi.CustomerId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a contract entitles its customer to and what was used, as of a day, derived from the jobs:
 * <ul>
 *   <li>{@code entitled}: covered units × preventive visits per unit + breakdown calls ({@link #entitled});</li>
 *   <li>{@code used}: the contract's jobs (a job is the contract's when its coverage names it) of a covered job
 *       type, completed within the term and on or before the day; {@code remaining} = entitled − used, negative
 *       when the customer had more than the contract gives;</li>
 *   <li>preventive visits: {@code visitsScheduled} in the term, {@code visitsDone} (the contract's completed jobs of
 *       the visit type, at most the scheduled count), and of the others {@code visitsDue} (due, window still open)
 *       and {@code visitsOverdue} (window over), counting the earliest visits as the done ones.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public record Entitlement(ContractId contract, CustomerId customer, BranchId branch, ContractStatus status,
                          LocalDate start, LocalDate end, int entitled, int used, int remaining, int visitsScheduled,
                          int visitsDone, int visitsDue, int visitsOverdue) {
    public Entitlement {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(status, "status");
        if (remaining != entitled - used) {
            throw new IllegalArgumentException("remaining " + remaining + " is not entitled " + entitled + " - used " + used);
        }
    }

    /** The covered calls a contract gives in all: units × visits per unit + breakdown calls. */
    public static int entitled(ContractTerms terms) {
        return Math.addExact(Math.multiplyExact(VisitSchedule.units(terms), VisitSchedule.visitsPerUnit(terms)),
                terms.plan().breakdownCalls());
    }
}
