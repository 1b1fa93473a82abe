package io.github.geodispatch.contract;

import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.CustomerId;
import java.util.Objects;

/**
 * An instalment of an activated contract that is due and not invoiced yet, with the contract's customer and branch
 * and the job type its invoice line is taxed as (the plan's visit type, whose SAC the seller names). Immutable and
 * thread-safe.
 */
public record InstalmentDue(ContractId contract, CustomerId customer, BranchId branch, String jobType,
                            Instalment instalment) {
    public InstalmentDue {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(jobType, "job type");
        Objects.requireNonNull(instalment, "instalment");
    }
}
