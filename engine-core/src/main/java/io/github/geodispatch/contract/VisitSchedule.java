package io.github.geodispatch.contract;

import io.github.geodispatch.customer.ContractRecord;
import io.github.geodispatch.spi.ContractPlan;
import io.github.geodispatch.spi.ContractTerms;
import io.github.geodispatch.spi.Equipment;
import io.github.geodispatch.spi.EquipmentId;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.SiteId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The preventive visits of a contract, per covered unit (each covered equipment at its site, or each covered site
 * when the contract lists no equipment):
 * <ul>
 *   <li>{@code visitsPerYear} n: {@code max(1, round(n × termDays / 365))} visits, visit k (from 0) due on
 *       {@code start + floor(k × termDays / visits)} days (termDays counts both start and end);</li>
 *   <li>{@code intervalDays} d: one due on {@code start + k × d} for every k ≥ 0 that is within the term;</li>
 * </ul>
 * each to be done by {@code min(due + windowDays - 1, end)}. A visit's job id is {@code contract/unit/number}
 * (or {@code PM-} and a SHA-256 prefix of that text when it is longer than 64 characters). Stateless and
 * thread-safe.
 */
public final class VisitSchedule {
    private VisitSchedule() {}

    /** Every visit of {@code contract}, ordered by due day, unit and number; {@code equipment} is the customer's. */
    public static List<DueVisit> of(ContractRecord contract, Map<EquipmentId, Equipment> equipment) {
        ContractTerms terms = contract.terms();
        ContractPlan plan = terms.plan();
        List<DueVisit> visits = new ArrayList<>();
        if (!plan.hasVisits()) {
            return visits;
        }
        List<LocalDate> due = dueDays(terms);
        if (terms.equipment().isEmpty()) {
            for (SiteId site : terms.sites()) {
                add(visits, contract, site, site.value(), due);
            }
        } else {
            for (EquipmentId unit : terms.equipment()) {
                Equipment e = equipment.get(unit);
                add(visits, contract, e == null ? terms.sites().get(0) : e.site(), unit.value(), due);
            }
        }
        visits.sort(Comparator.comparing(DueVisit::dueOn).thenComparing(DueVisit::unit).thenComparing(DueVisit::number));
        return visits;
    }

    /** How many visits each covered unit gets. */
    public static int visitsPerUnit(ContractTerms terms) {
        return terms.plan().hasVisits() ? dueDays(terms).size() : 0;
    }

    /** The number of units a contract covers: its equipment, or its sites when it lists no equipment. */
    public static int units(ContractTerms terms) {
        return terms.equipment().isEmpty() ? terms.sites().size() : terms.equipment().size();
    }

    private static List<LocalDate> dueDays(ContractTerms terms) {
        ContractPlan plan = terms.plan();
        long termDays = ChronoUnit.DAYS.between(terms.start(), terms.end()) + 1;
        List<LocalDate> days = new ArrayList<>();
        if (plan.visitsPerYear() > 0) {
            long visits = Math.max(1, Math.round(plan.visitsPerYear() * termDays / 365.0));
            for (long k = 0; k < visits; k++) {
                days.add(terms.start().plusDays(k * termDays / visits));
            }
        } else {
            for (LocalDate day = terms.start(); !day.isAfter(terms.end()); day = day.plusDays(plan.intervalDays())) {
                days.add(day);
            }
        }
        return days;
    }

    private static void add(List<DueVisit> visits, ContractRecord contract, SiteId site, String unit, List<LocalDate> due) {
        ContractTerms terms = contract.terms();
        for (int k = 0; k < due.size(); k++) {
            LocalDate windowEnd = due.get(k).plusDays(terms.plan().windowDays() - 1L);
            visits.add(new DueVisit(terms.id(), contract.customer(), contract.branch(), site, unit, k + 1, due.get(k),
                    windowEnd.isAfter(terms.end()) ? terms.end() : windowEnd, terms.plan().visitJobType(),
                    jobId(terms.id().value() + "/" + unit + "/" + (k + 1))));
        }
    }

    private static JobId jobId(String text) {
        if (text.length() <= 64) {
            return JobId.of(text);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return JobId.of("PM-" + HexFormat.of().formatHex(digest, 0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
