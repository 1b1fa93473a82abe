package io.github.geodispatch.insight;

import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.TechnicianId;

import java.time.Instant;
import java.util.Objects;

/** Cash a technician handed in (at the branch or into the bank). Immutable and thread-safe. */
public record CashDeposit(String id, TechnicianId technician, BranchId branch, Instant at, Money amount) {
    public CashDeposit {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("cash deposit id must not be blank");
        }
        Objects.requireNonNull(technician, "technician");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(amount, "amount").requireNonNegative("cash deposit");
    }
}
