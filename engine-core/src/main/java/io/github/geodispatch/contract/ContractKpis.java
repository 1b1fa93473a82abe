package io.github.geodispatch.contract;

import io.github.geodispatch.spi.Money;
import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The owner's contract KPIs on a day ({@code docs/owner-view.md} defines each):
 * <ul>
 *   <li>{@code active}: contracts ACTIVE and in their term on the day;</li>
 *   <li>{@code dueForRenewal}: active contracts ending within 30 days with no activated renewal;</li>
 *   <li>{@code renewed} of {@code ended}: contracts whose term ended in the 365 days up to the day (not cancelled),
 *       and of those the ones renewed; {@link #renewalRate()} is their quotient;</li>
 *   <li>{@code revenue}: what was invoiced for contracts (the instalments' taxable value, before GST) with an invoice
 *       date in those 365 days;</li>
 *   <li>{@code visitsDue}, {@code visitsOverdue}: preventive visits of activated contracts due with their window
 *       open, and with their window over, undone, on the day.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public record ContractKpis(LocalDate asOf, int active, int dueForRenewal, int renewed, int ended, Money revenue,
                           int visitsDue, int visitsOverdue) {
    public ContractKpis {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(revenue, "revenue");
        if (renewed > ended) {
            throw new IllegalArgumentException("renewed " + renewed + " of only " + ended + " ended contracts");
        }
    }

    /** Renewed ÷ ended, or empty when no contract ended. */
    public OptionalDouble renewalRate() {
        return ended == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) renewed / ended);
    }
}
