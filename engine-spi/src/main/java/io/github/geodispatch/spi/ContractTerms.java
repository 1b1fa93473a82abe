package io.github.geodispatch.spi;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * An AMC or service contract as sold: its id, kind, the customer's sites and equipment it covers, its
 * {@link ContractPlan}, its price (before tax; invoiced with GST like any supply) paid upfront
 * ({@code instalments} 1) or in 2-12 equal instalments, its term from {@code start} to {@code end} (both
 * inclusive), and the contract it renews (null for a first contract). The term is at most
 * {@value #MAX_TERM_YEARS} years (its end before the same day {@value #MAX_TERM_YEARS} years after its start), its
 * dates in years 0001-9999; another is a {@link ContractTermException} naming the date at fault. At the most visits a
 * plan has (365 a year) the longest term schedules 36,525 visits per site or unit. Immutable and thread-safe.
 */
public record ContractTerms(ContractId id, ContractKind kind, List<SiteId> sites, List<EquipmentId> equipment,
                            ContractPlan plan, Money price, int instalments, LocalDate start, LocalDate end,
                            ContractId renews) {
    /**
     * The longest term, in years: generous (an AMC runs a year or a few, a warranty ten), but bounded, since the
     * visit schedule holds every visit of the term.
     */
    public static final int MAX_TERM_YEARS = 100;

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
        if (!CalendarRange.contains(start) || !CalendarRange.contains(end)) {
            String field = CalendarRange.contains(start) ? "end" : "start";
            throw new ContractTermException(field, start, end, field + " " + (field.equals("end") ? end : start)
                    + " is outside the years 0001-9999 (contract " + id + ")");
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("contract " + id + " ends " + end + " before it starts " + start);
        }
        if (!end.isBefore(start.plusYears(MAX_TERM_YEARS))) {
            throw new ContractTermException("end", start, end, "end " + end + " is " + MAX_TERM_YEARS
                    + " years or more after start " + start + ": a contract's term is at most " + MAX_TERM_YEARS
                    + " years (contract " + id + " could end " + start.plusYears(MAX_TERM_YEARS).minusDays(1)
                    + " at the latest)");
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
