package io.github.geodispatch.contract;

import io.github.geodispatch.billing.BillableJob;
import io.github.geodispatch.customer.ContractRecord;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.spi.ContractPlan;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.CoverageKind;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a job done under a contract charges the customer, the rules the front door applies:
 * <ul>
 *   <li>a call <em>within</em> the contract's entitlement ({@link #withinEntitlement}): labour at zero when the plan
 *       covers labour; each billable part at zero ({@code FULL}: recorded as not billable), at its price less the
 *       discount ({@code DISCOUNT}), or at its price ({@code NONE}); expenses as recorded;</li>
 *   <li>a call <em>beyond</em> the entitlement is charged as an uncovered job: labour and parts at their full price.</li>
 * </ul>
 * A discount is {@code partsDiscountBasisPoints / 10,000} of the unit price, rounded half-up to the minor unit
 * ({@link Money#percentOf}), and the customer pays the unit price less that; a part's line is that discounted unit
 * price times the quantity. Parts are priced when recorded on the job ({@link #price}, so the job's amount due,
 * invoice, leakage rules and parts revenue all read the contract's price); labour when the job is invoiced
 * ({@link #invoiced}). Stateless and thread-safe.
 */
public final class ContractCharges {

    private ContractCharges() {}

    /** The unit price a billable part is charged at within a contract on {@code plan}. */
    public static Money partPrice(ContractPlan plan, Money unitPrice) {
        Objects.requireNonNull(unitPrice, "unit price");
        return switch (plan.partsCover()) {
            case NONE -> unitPrice;
            case FULL -> Money.zero(unitPrice.currency());
            case DISCOUNT -> unitPrice.minus(unitPrice.percentOf(plan.partsDiscountBasisPoints()));
        };
    }

    /**
     * {@code part} as recorded within a contract on {@code plan}: a billable part not billable ({@code FULL}, its
     * price kept for the record), at {@link #partPrice} ({@code DISCOUNT}) or unchanged ({@code NONE}); a part that
     * was not billable stays so.
     */
    public static JobCommand.UsePart price(ContractPlan plan, JobCommand.UsePart part) {
        if (!part.billable()) {
            return part;
        }
        return switch (plan.partsCover()) {
            case NONE -> part;
            case FULL -> new JobCommand.UsePart(part.job(), part.sku(), part.hsn(), part.quantity(), part.unitPrice(), false);
            case DISCOUNT -> new JobCommand.UsePart(part.job(), part.sku(), part.hsn(), part.quantity(),
                    partPrice(plan, part.unitPrice()), true);
        };
    }

    /**
     * True when {@code job}, serviced on {@code day}, is a call the contract pays for: by its rank among the
     * contract's calls when the contract counts it ({@link ContractBook#entitlementRank}), else while the contract's
     * calls were not used up by that day.
     */
    public static boolean withinEntitlement(ContractBook book, ContractRecord contract, JobId job, LocalDate day) {
        OptionalInt rank = book.entitlementRank(contract.id(), job);
        if (rank.isPresent()) {
            return rank.getAsInt() <= Entitlement.entitled(contract.terms());
        }
        OptionalInt used = book.callsUsed(contract.id(), day);
        return used.isEmpty() || used.getAsInt() < Entitlement.entitled(contract.terms());
    }

    /**
     * {@code job} as invoiced under {@code contract} (the contract covering the job's site and type on its completion
     * day): within the entitlement and with labour covered, with the contract's labour coverage; beyond the
     * entitlement, with no AMC coverage (the labour is charged); otherwise as it is.
     */
    public static BillableJob invoiced(BillableJob job, ContractRecord contract, boolean withinEntitlement, ZoneId zone) {
        Objects.requireNonNull(job, "job");
        Coverage coverage = job.coverage();
        if (!withinEntitlement) {
            coverage = coverage != null && coverage.kind() == CoverageKind.AMC ? null : coverage;
        } else if (contract.terms().plan().labourCovered()) {
            coverage = contract.labourCoverage(zone);
        }
        return coverage == job.coverage() ? job : new BillableJob(job.job(), job.branch(), job.jobType(), job.completedOn(),
                job.labourPrice(), coverage, job.parts(), job.expenses(), job.paid(), job.buyer(), job.placeOfSupply());
    }
}
