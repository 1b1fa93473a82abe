package io.github.geodispatch.spi;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * An AMC or service contract as sold: its id, kind, the customer's sites and equipment it covers, its
 * {@link ContractPlan}, its price (before tax; invoiced with GST like any supply) paid upfront
 * ({@code instalments} 1) or in 2-12 equal instalments, its term from {@code start} to {@code end} (both
 * inclusive), and the contract it renews (null for a first contract). Immutable and thread-safe.
 */
public record ContractTerms(ContractId id, ContractKind kind, List<SiteId> sites, List<EquipmentId> equipment,
                            ContractPlan plan, Money price, int instalments, LocalDate start, LocalDate end,
                            ContractId renews) {
    public ContractTerms {
        Objects.requireNonNull(id, "contract id");
        Objects.requireNonNull(kind, "contract kind");
        sites = List.copyOf(sites == null ? List.of() : sites);
        if (sites.isEmpty()) {
            throw new IllegalArgumentException("contract " + id + " must cover at least one site");
        }
        equipment = List.copyOf(equipment == null ? List.of() : equipment);
        if (new HashSet<>(sites).size() != sites.size() || new HashSet<>(equipment).size() != equipment.size()) {
            throw new IllegalArgumentException("contract " + id + " lists a site or an equipment twice");
        }
        Objects.requireNonNull(plan, "contract plan");
        Objects.requireNonNull(price, "contract price").requireNonNegative("contract price");
        if (instalments < 1 || instalments > 12) {
            throw new IllegalArgumentException("instalments must be 1-12, was " + instalments);
        }
        Objects.requireNonNull(start, "contract start");
        Objects.requireNonNull(end, "contract end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("contract " + id + " ends " + end + " before it starts " + start);
        }
        if (id.equals(renews)) {
            throw new IllegalArgumentException("contract " + id + " cannot renew itself");
        }
    }

    /** True when {@code day} is within the term. */
    public boolean inTerm(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
