package io.github.geodispatch.job;

/**
 * What the customer is charged for a part used on a job, decided when the part is recorded so that the job's
 * {@code PartUsed} event holds the price every later figure reads (the amount due, the invoice, the leakage rules,
 * the parts revenue). {@code GeoDispatch} prices parts by the contract covering the job
 * ({@code io.github.geodispatch.contract.ContractCharges}); a host running the job record alone keeps
 * {@link #asUsed()}. Implementations must be thread-safe and quick (a command waits for them).
 */
@FunctionalInterface
public interface PartPricing {

    /**
     * The part as it is recorded on {@code job}: {@code part} itself, or the same part at another unit price or not
     * billable. The job's currency, SKU, HSN and quantity must stay as given.
     */
    JobCommand.UsePart price(JobState job, JobCommand.UsePart part);

    /** Every part is recorded as used. */
    static PartPricing asUsed() {
        return (job, part) -> part;
    }
}
