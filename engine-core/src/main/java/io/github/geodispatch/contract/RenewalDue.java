package io.github.geodispatch.contract;

import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An active contract ending within 30 days that no activated renewal follows: {@code daysLeft} from the day asked
 * to its end (0 on the last day), its reminder {@code stage} (30, 15 or 7: the smallest of them not below
 * {@code daysLeft}), the renewal already drafted (or null) and the price to renew at. Immutable and thread-safe.
 */
public record RenewalDue(ContractId contract, CustomerId customer, BranchId branch, LocalDate end, int daysLeft,
                         int stage, ContractId renewalDrafted, Money price) {
    public RenewalDue {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(price, "price");
    }

    /** The reminder stages, in days before the end. */
    public static final int[] STAGES = {30, 15, 7};

    /** The smallest stage not below {@code daysLeft}, or 0 when more than 30 days are left or the day is past. */
    public static int stage(long daysLeft) {
        int stage = 0;
        for (int s : STAGES) {
            if (daysLeft >= 0 && daysLeft <= s) {
                stage = s;
            }
        }
        return stage;
    }
}
