package io.github.geodispatch.contract;

import io.github.geodispatch.customer.ContractRecord;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The contracts of a business as the leakage rules and the front door read them. Days are calendar days in
 * {@link #zone()}. Implementations say whether they are thread-safe.
 */
public interface ContractBook {

    /** The zone that decides a day. */
    ZoneId zone();

    /**
     * The contract that pays for a job of {@code jobType} at the customer's {@code site} on {@code day}: one that
     * {@linkplain ContractRecord#covers covers} the day, lists the site and covers the job type; of several, the
     * one that started last (then the one drafted last).
     */
    Optional<ContractRecord> covering(CustomerId customer, SiteId site, String jobType, LocalDate day);

    /**
     * The activated contract for the site and job type whose cover ended before {@code day} (its end passed, or
     * it was cancelled on or before it), the one that ended last; empty when one still covers the day.
     */
    Optional<ContractRecord> lapsed(CustomerId customer, SiteId site, String jobType, LocalDate day);

    /**
     * The customer's site a job's site is: the one with the same id, else (a job imported from a journal, whose
     * site is named after the job) the customer's site nearest to the job's location within the job's fence radius,
     * the last added of equally near ones. The leakage monitor relies on this rule: a new site takes a job exactly
     * when it lies no farther than the site the job holds.
     */
    Optional<SiteId> siteOf(CustomerId customer, Site site);

    Optional<ContractRecord> contract(ContractId contract);

    /** Every contract, in the order drafted. */
    List<ContractRecord> contracts();

    /** The preventive visits of a contract ({@link VisitSchedule}). */
    List<DueVisit> visits(ContractId contract);

    /** A contract's preventive visits and where each stands on {@code asOf} (see {@link Entitlement}). */
    List<ScheduledVisit> visitStatuses(ContractId contract, LocalDate asOf);

    /**
     * Where {@code job} stands among the calls the contract paid for: its 1-based rank among the contract's jobs
     * that use the entitlement (see {@link Entitlement}), ordered by completion time (a job's first completion)
     * then job id; empty when the job uses none (not the contract's, not completed in the term, or of a type not
     * covered). A rank above {@link Entitlement#entitled} is a call beyond the entitlement. The leakage monitor relies
     * on this order: when a call completes, it judges again only the calls completed after it.
     */
    OptionalInt entitlementRank(ContractId contract, JobId job);

    /** An activated contract's entitlement on {@code asOf}; empty for an unknown or never activated contract. */
    Optional<Entitlement> entitlement(ContractId contract, LocalDate asOf);

    /**
     * How many calls of an activated contract had used its entitlement by {@code asOf}: the entitlement's
     * {@link Entitlement#used}, without its visit schedule; empty for an unknown or never activated contract.
     */
    OptionalInt callsUsed(ContractId contract, LocalDate asOf);

    /** The branch of a customer, if known. */
    Optional<BranchId> branch(CustomerId customer);
}
