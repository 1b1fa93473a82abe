package io.github.geodispatch.billing;

import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.CalendarRange;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A service invoiced on its own rather than from a completed job, such as an instalment of a maintenance contract:
 * one line described by {@code description}, taxed under the SAC of {@code jobType}, at {@code price} before tax
 * (a contract's price never includes the tax, whatever the drafter's {@link PriceBasis}). {@code reference} names
 * the supply where a job invoice names its job (e.g. {@code AMC-1/2}, a contract's second instalment);
 * {@code placeOfSupply} null means the buyer's region. Immutable and thread-safe.
 */
public record Supply(JobId reference, BranchId branch, String jobType, String description, LocalDate date, Money price,
                     Party buyer, String placeOfSupply) {
    public Supply {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(branch, "branch");
        if (jobType == null || jobType.isBlank()) {
            throw new IllegalArgumentException("job type of supply " + reference + " must not be blank");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("supply " + reference + " needs a description");
        }
        CalendarRange.require(Objects.requireNonNull(date, "date"), "date of supply " + reference);
        Objects.requireNonNull(price, "price").requireAmount("price of supply " + reference);
        Objects.requireNonNull(buyer, "buyer");
        placeOfSupply = placeOfSupply == null || placeOfSupply.isBlank() ? buyer.region() : placeOfSupply.strip();
    }
}
