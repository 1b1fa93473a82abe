package io.github.geodispatch.contract;

import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.SiteId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One preventive visit a contract promises: visit {@code number} (from 1) of {@code unit} (a covered equipment
 * id, or the site id when the contract lists no equipment) at {@code site}, due on {@code dueOn} and to be done
 * by {@code windowEnd}, as a job of {@code jobType} whose id is {@code job} (the same for the same contract,
 * unit and number, so scheduling it twice makes one job). Immutable and thread-safe.
 */
public record DueVisit(ContractId contract, CustomerId customer, BranchId branch, SiteId site, String unit, int number,
                       LocalDate dueOn, LocalDate windowEnd, String jobType, JobId job) {
    public DueVisit {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(unit, "unit");
        if (number < 1) {
            throw new IllegalArgumentException("visit number must be >= 1, was " + number);
        }
        Objects.requireNonNull(dueOn, "due on");
        Objects.requireNonNull(windowEnd, "window end");
        if (windowEnd.isBefore(dueOn)) {
            throw new IllegalArgumentException("visit window ends " + windowEnd + " before it is due " + dueOn);
        }
        Objects.requireNonNull(jobType, "job type");
        Objects.requireNonNull(job, "job");
    }
}
