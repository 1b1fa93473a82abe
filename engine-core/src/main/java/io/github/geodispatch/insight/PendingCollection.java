package io.github.geodispatch.insight;

import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.TechnicianId;

import java.time.Instant;
import java.util.Objects;

/**
 * A completed job whose customer still owes money: {@code pending} is the billed amount (the invoice total
 * once handed off, else the amount due) less {@code collected} on site; {@code revenue} is what the job
 * earns (see {@link Kpis}), which differs from the billed amount when something was added after invoicing.
 * {@code technician} is null for a job completed with nobody assigned. Immutable and thread-safe.
 */
public record PendingCollection(JobId job, BranchId branch, TechnicianId technician, Instant completedAt,
                                Money revenue, Money collected, Money pending) {
    public PendingCollection {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(collected, "collected");
        Objects.requireNonNull(pending, "pending");
    }
}
