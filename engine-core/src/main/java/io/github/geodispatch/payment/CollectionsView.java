package io.github.geodispatch.payment;

import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.TechnicianId;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What the owner asks every evening: how much is still to be collected (completed jobs with money
 * outstanding: unpaid, partly paid, promised, or on credit) and how much cash technicians hold (collected, not
 * yet deposited, first in first out), each by technician, by route (a technician's day) and by branch.
 * Built in one pass over the job accounts and the cash ledger; amounts are in one currency. Immutable and
 * thread-safe.
 */
public record CollectionsView(Instant asOf, Map<TechnicianId, Money> pendingByTechnician,
                              Map<Route, Money> pendingByRoute, Map<BranchId, Money> pendingByBranch,
                              Map<TechnicianId, Money> cashInHandByTechnician, Map<Route, Money> cashInHandByRoute,
                              Map<BranchId, Money> cashInHandByBranch) {

    /** A technician's day plan: the jobs of one technician on one calendar day. */
    public record Route(TechnicianId technician, LocalDate day) implements Comparable<Route> {
        public Route {
            Objects.requireNonNull(technician, "technician");
            Objects.requireNonNull(day, "day");
        }

        @Override
        public int compareTo(Route o) {
            int c = technician.compareTo(o.technician);
            return c != 0 ? c : day.compareTo(o.day);
        }
    }

    public CollectionsView {
        pendingByTechnician = Map.copyOf(pendingByTechnician);
        pendingByRoute = Map.copyOf(pendingByRoute);
        pendingByBranch = Map.copyOf(pendingByBranch);
        cashInHandByTechnician = Map.copyOf(cashInHandByTechnician);
        cashInHandByRoute = Map.copyOf(cashInHandByRoute);
        cashInHandByBranch = Map.copyOf(cashInHandByBranch);
    }

    /**
     * Builds the view at {@code asOf}: a job counts as pending when it was completed by then and has money
     * {@linkplain JobAccount#outstanding() outstanding}; its route is its technician and completion day in
     * {@code zone}. {@code branches} gives a technician's home branch for cash in hand (null: left out of the
     * by-branch cash total).
     */
    public static CollectionsView of(Collection<JobAccount> jobs, CashLedger cash, Function<TechnicianId, BranchId> branches,
                                     Instant asOf, ZoneId zone) {
        Map<TechnicianId, Money> pendingTech = new TreeMap<>();
        Map<Route, Money> pendingRoute = new TreeMap<>();
        Map<BranchId, Money> pendingBranch = new TreeMap<>();
        for (JobAccount job : jobs) {
            if (!job.created() || job.completedAt() == null || job.completedAt().isAfter(asOf)) {
                continue;
            }
            Money outstanding = job.outstanding();
            if (!outstanding.isPositive()) {
                continue;
            }
            pendingBranch.merge(job.branch(), outstanding, Money::plus);
            if (job.technician() != null) {
                pendingTech.merge(job.technician(), outstanding, Money::plus);
                pendingRoute.merge(new Route(job.technician(), LocalDate.ofInstant(job.completedAt(), zone)), outstanding,
                        Money::plus);
            }
        }
        Map<TechnicianId, Money> cashTech = new TreeMap<>();
        Map<Route, Money> cashRoute = new TreeMap<>();
        Map<BranchId, Money> cashBranch = new TreeMap<>();
        for (TechnicianId technician : cash.technicians()) {
            CashLedger.Position position = cash.position(technician, asOf);
            if (!position.inHand().isPositive()) {
                continue;
            }
            cashTech.put(technician, position.inHand());
            BranchId branch = branches.apply(technician);
            if (branch != null) {
                cashBranch.merge(branch, position.inHand(), Money::plus);
            }
            for (CashLedger.OpenCollection open : position.open()) {
                cashRoute.merge(new Route(technician, LocalDate.ofInstant(open.collectedAt(), zone)), open.inHand(),
                        Money::plus);
            }
        }
        return new CollectionsView(asOf, pendingTech, pendingRoute, pendingBranch, cashTech, cashRoute, cashBranch);
    }
}
