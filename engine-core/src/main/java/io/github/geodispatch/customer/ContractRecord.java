package io.github.geodispatch.customer;

import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.ContractTerms;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.CoverageKind;
import io.github.geodispatch.spi.CustomerId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * A contract as its customer's record holds it: the terms, the event that drafted it (the evidence findings
 * name), when it was activated and cancelled (null when not), and the contract that renewed it (null when none
 * was activated). Immutable and thread-safe.
 */
public record ContractRecord(CustomerId customer, BranchId branch, ContractTerms terms, UUID draftedEvent,
                             Instant activatedAt, Instant cancelledAt, String cancelReason, ContractId renewedBy) {
    public ContractRecord {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(draftedEvent, "drafted event");
    }

    public ContractId id() {
        return terms.id();
    }

    public boolean activated() {
        return activatedAt != null;
    }

    /** The day (in {@code zone}) of the cancellation, or null. */
    public LocalDate cancelledOn(ZoneId zone) {
        return cancelledAt == null ? null : LocalDate.ofInstant(cancelledAt, zone);
    }

    /**
     * True when the contract pays for work on {@code day}: activated, {@code day} within the term, and not
     * cancelled on or before {@code day} (a contract signed late still covers its whole term).
     */
    public boolean covers(LocalDate day, ZoneId zone) {
        LocalDate cancelled = cancelledOn(zone);
        return activated() && terms.inTerm(day) && (cancelled == null || day.isBefore(cancelled));
    }

    /**
     * The coverage a job gets from this contract when it covers labour: kind AMC, the contract id, valid until the
     * contract's end or the day before its cancellation (in {@code zone}), for the plan's job types.
     */
    public Coverage labourCoverage(ZoneId zone) {
        LocalDate cancelled = cancelledOn(zone);
        LocalDate until = cancelled != null && !cancelled.isAfter(terms.end()) ? cancelled.minusDays(1) : terms.end();
        return new Coverage(CoverageKind.AMC, id().value(), until, terms.plan().jobTypes());
    }

    /** The status on {@code day}; see {@link ContractStatus}. */
    public ContractStatus status(LocalDate day, ZoneId zone) {
        LocalDate cancelled = cancelledOn(zone);
        if (cancelled != null && !day.isBefore(cancelled)) {
            return ContractStatus.CANCELLED;
        }
        if (!activated()) {
            return ContractStatus.DRAFT;
        }
        if (day.isAfter(terms.end())) {
            return renewedBy != null ? ContractStatus.RENEWED : ContractStatus.EXPIRED;
        }
        return ContractStatus.ACTIVE;
    }

    ContractRecord activated(Instant at) {
        return new ContractRecord(customer, branch, terms, draftedEvent, at, cancelledAt, cancelReason, renewedBy);
    }

    ContractRecord cancelled(Instant at, String reason) {
        return new ContractRecord(customer, branch, terms, draftedEvent, activatedAt, at, reason, renewedBy);
    }

    ContractRecord renewedBy(ContractId renewal) {
        return new ContractRecord(customer, branch, terms, draftedEvent, activatedAt, cancelledAt, cancelReason, renewal);
    }
}
