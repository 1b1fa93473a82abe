package io.github.geodispatch.contract;

import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.Equipment;
import java.util.Objects;

/**
 * A unit whose warranty ends within 30 days of the day asked: {@code daysLeft} to its last day of warranty and
 * the reminder {@code stage} (30, 15 or 7, as for {@link RenewalDue}). Immutable and thread-safe.
 */
public record WarrantyExpiry(CustomerId customer, BranchId branch, Equipment equipment, int daysLeft, int stage) {
    public WarrantyExpiry {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(equipment, "equipment");
    }
}
